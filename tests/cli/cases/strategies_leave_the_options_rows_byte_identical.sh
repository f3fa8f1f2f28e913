# adding strategies (the default scenario's) leaves every row of the plain options in
# summary.csv, compare.csv and monthly.csv byte-identical, and adds the strategies' own rows
cd "$TMP" || exit 99
cp -r "$OLDPWD/inputs/default" with && cp -r "$OLDPWD/inputs/default" without
rm without/strategies.csv
hostsim run --scenario with -n 60 --seed 5 --out a >/dev/null || exit 1
hostsim run --scenario without -n 60 --seed 5 --out b >/dev/null || exit 1
names=$(awk -F, 'NR > 1 && !/^#/ {print $1}' with/strategies.csv | sort -u | paste -sd'|')
[ -n "$names" ] || { echo "FAILED: no strategy in the default scenario" >&2; exit 1; }
for f in summary.csv compare.csv monthly.csv; do
    grep -Ev "^($names),|^[a-z_0-9]+,($names)," "a/$f" >plain || exit 1
    cmp -s plain "b/$f" || { echo "FAILED: $f: the options' rows differ" >&2; exit 1; }
    grep -Eq "^($names)," "a/$f" || { echo "FAILED: $f has no strategy row" >&2; exit 1; }
done
grep -q '^self_to_saas,switch_month.1,months,' a/summary.csv || { echo "FAILED: no switch_month" >&2; exit 1; }
exit 0
