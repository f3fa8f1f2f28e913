# seed_with_decimals: a bad command-line value: exit 2, a message, and no output folder
hostsim run --scenario tests/data/good --out "$TMP/out" --quiet --seed 1.5 ; rc=$?
[ -e "$TMP/out" ] && echo "FAILED: the output folder was created" >&2
exit $rc
