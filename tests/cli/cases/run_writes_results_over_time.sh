# run writes yearly.csv, monthly_costs.csv and breakeven.csv: the years' mean tco sum to the
# horizon's mean tco of summary.csv, the months' and categories' mean costs too, every
# pair has a break-even row per compared metric with shares in [0, 1]
cd "$TMP" || exit 99
hostsim run -S "$OLDPWD/inputs/small" -n 40 -y 3 -s 4 -o o -q || exit 10
python3 - <<'PY' || exit 11
import csv, sys
def rows(n): return list(csv.DictReader(open(f"o/{n}", newline='')))
s = {r['option']: float(r['mean']) for r in rows('summary.csv') if r['metric'] == 'tco'}
y, mc, be = rows('yearly.csv'), rows('monthly_costs.csv'), rows('breakeven.csv')
for o, tco in s.items():
    yt = [float(r['mean']) for r in y if r['option'] == o and r['metric'] == 'tco']
    if len(yt) != 3 or abs(sum(yt) - tco) > 1e-6 * tco: sys.exit(f"{o}: years {yt} vs {tco}")
    m = sum(float(r['mean']) for r in mc if r['option'] == o)
    if abs(m - tco) > 1e-6 * tco: sys.exit(f"{o}: monthly costs {m} vs {tco}")
    for r in y:
        q = [float(r[c]) for c in ('p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95')]
        if q != sorted(q): sys.exit(f"yearly.csv: percentiles out of order {r}")
n = len(s)
if len(be) != 2 * n * (n - 1): sys.exit(f"breakeven.csv: {len(be)} rows for {n} options")
for r in be:
    if not (0 <= float(r['p_never']) <= 1 and 0 <= float(r['p_by_year1']) <= 1): sys.exit(str(r))
PY
