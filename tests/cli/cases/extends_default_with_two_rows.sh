# a scenario of two rows over inputs/default runs; its manifest shows both folders' checksums,
# the base's the same as a run of inputs/default shows; its two rows are used, the rest inherited
hostsim run --scenario tests/data/extends_default --trajectories 8 --years 1 --out "$TMP/mine" --quiet >/dev/null || exit 1
hostsim run --scenario inputs/default --trajectories 8 --years 1 --out "$TMP/base" --quiet >/dev/null || exit 1
m=$(grep '^scenario_extends_checksum,' "$TMP/mine/manifest.csv" | cut -d, -f2)
b=$(grep '^scenario_checksum,' "$TMP/base/manifest.csv" | cut -d, -f2)
o=$(grep '^scenario_checksum,' "$TMP/mine/manifest.csv" | cut -d, -f2)
[ -n "$m" ] && [ "$m" = "$b" ] || { echo "base checksum '$m', inputs/default's '$b'" >&2; exit 1; }
[ -n "$o" ] && [ "$o" != "$b" ] || { echo "own checksum '$o' should differ from '$b'" >&2; exit 1; }
grep -q '^scenario_extends,tests/data/extends_default/../../../inputs/default$' "$TMP/mine/manifest.csv" || exit 1
grep -q '^global,volume_month,240000,' "$TMP/mine/params.csv" || { echo "volume_month not overridden" >&2; exit 1; }
grep -q '^self_hosted,it_fte,2,' "$TMP/mine/params.csv" || { echo "it_fte not overridden" >&2; exit 1; }
grep -q '^saas,' "$TMP/mine/params.csv" || { echo "saas not inherited" >&2; exit 1; }
echo ok
