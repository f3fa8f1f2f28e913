# the largest volume and growth the bounds allow: hours beyond the largest Poisson mean
# (1e9) are drawn one by one instead of as a day total; the run completes, finite
cd "$TMP" || exit 99
hostsim run --scenario "$OLDPWD/inputs/default" --trajectories 3 --years 5 --quiet \
    --set global.volume_month=1000000000 --set global.growth_year=5 --out out || exit $?
awk -F, 'NR > 1 && $2 == "tco" && !($4 > 1e8) { bad = 1 } END { exit bad }' out/summary.csv
