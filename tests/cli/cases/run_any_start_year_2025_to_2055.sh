# the default calendar covers every start year a user would choose, with the default horizon
for y in $(seq 2025 2055); do
    hostsim run --start "$y-03-01" --trajectories 2 --out "$TMP/out" --overwrite --quiet >/dev/null || {
        echo "start $y failed" >&2
        exit 1
    }
done
echo ok
