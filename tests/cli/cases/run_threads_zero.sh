# threads_zero: a bad command-line value: exit 2, a message, and no output folder
hostsim run --scenario tests/data/good --out "$TMP/out" --quiet --threads 0 ; rc=$?
[ -e "$TMP/out" ] && echo "FAILED: the output folder was created" >&2
exit $rc
