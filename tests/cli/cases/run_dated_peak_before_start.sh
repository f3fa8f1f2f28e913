# a dated peak before --start: exit 2 and nothing written
hostsim run --scenario tests/data/good --start 2028-01-01 --out "$TMP/out" --quiet; rc=$?
[ -e "$TMP/out" ] && echo "FAILED: the output folder was created" >&2
exit $rc
