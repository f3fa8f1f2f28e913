# An exact copy of saas declared its variant is identical to saas in every trajectory and every
# column, also where saas's parameters are rank-correlated (the default correlations.csv) and
# under Latin hypercube sampling: a variant takes its base's copula entry and strata.
cp -r inputs/default "$TMP/tw" || exit 1
for f in params.csv assets.csv plans.csv; do grep '^saas,' "inputs/default/$f" | sed 's/^saas,/saas_twin,/' >>"$TMP/tw/$f"; done
echo 'saas_twin,SaaS twin,saas,a copy' >>"$TMP/tw/options.csv"
for s in plain lhs; do
  hostsim run --scenario "$TMP/tw" -n 60 --years 2 --seed 4 --sampling $s --trajectories-out -q --out "$TMP/o-$s" || exit 1
  python3 - "$TMP/o-$s/trajectories.csv" <<'PY' || exit 1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
a = {r['trajectory']: r for r in rows if r['option'] == 'saas'}
b = {r['trajectory']: r for r in rows if r['option'] == 'saas_twin'}
assert len(a) == 60 and a.keys() == b.keys(), "both options in every trajectory"
bad = [(t, k) for t in a for k in a[t] if k != 'option' and a[t][k] != b[t][k]]
assert not bad, f"twin differs: {bad[:3]}"
PY
done
echo identical
