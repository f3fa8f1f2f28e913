# seed_not_a_number: a bad command-line value: exit 2, a message, and no output folder
hostsim run --scenario tests/data/good --out "$TMP/out" --quiet --seed abc ; rc=$?
[ -e "$TMP/out" ] && echo "FAILED: the output folder was created" >&2
exit $rc
