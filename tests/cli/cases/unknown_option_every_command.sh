# every command rejects an unknown option with exit 2, nothing on stdout, and the one format
for c in run validate params sweep tornado sobol plot report; do
    out=$(hostsim "$c" --bogus 2>"$TMP/err"); rc=$?
    echo "$c $rc stdout=<$out> $(cat "$TMP/err")"
done
