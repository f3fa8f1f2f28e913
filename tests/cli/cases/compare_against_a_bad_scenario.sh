# The second scenario is checked like the first: an input error, exit 2, nothing written.
hostsim compare --against tests/data/bad/options_variant_cycle -n 5 --years 1 -q --out "$TMP/o"; rc=$?
test ! -e "$TMP/o/scenario_diff.csv" && exit $rc
