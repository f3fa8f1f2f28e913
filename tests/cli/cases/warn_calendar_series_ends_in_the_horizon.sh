# a run past the last dated Chinese New Year row runs (exit 0) and says which years lack it
hostsim run --start 2058-01-01 --years 5 --trajectories 2 --out "$TMP/out" --quiet >/dev/null
