# A thousand trajectories at 1 message a month: one of them used to loop for ever in the
# Poisson cut-off (a denormal root) and ignore SIGTERM. The case's timeout (120 s) fails it.
hostsim run --scenario inputs/default --set global.volume_month=1 -n 1000 --years 5 -q --out "$TMP/o" && test -s "$TMP/o/summary.csv"
