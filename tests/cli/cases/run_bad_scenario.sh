# run on a scenario with an input error: exit 2, the loader's message, no output folder
hostsim run --scenario tests/data/bad/nan_value --out "$TMP/out" --quiet; rc=$?
[ -e "$TMP/out" ] && echo "FAILED: the output folder was created" >&2
exit $rc
