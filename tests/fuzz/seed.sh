#!/usr/bin/env bash
# Seeds the fuzz corpus (folder $1) from every scenario under inputs/ and tests/data/:
# one input per scenario (its files joined by "%%%%" lines) and one per SPEC cell.
set -eu
out=$1
mkdir -p "$out"
i=0
for d in inputs/*/ tests/data/*/ tests/data/bad/*/; do
  [ -f "$d/params.csv" ] || continue
  i=$((i + 1))
  { cat "$d/params.csv"; printf '\n%%%%%%%%'; cat "$d/profile.csv" 2>/dev/null || true
    printf '\n%%%%%%%%'; cat "$d/calendar.csv" 2>/dev/null || true
    printf '\n%%%%%%%%'; cat "$d/assets.csv" 2>/dev/null || true; } > "$out/scenario-$i"
done
for s in '12.5' 'uniform(1,2)' 'tri(1;2;3)' 'pert(2,5,14,3)' 'normal(5,1,0,10)' \
         'lognormal(100,250)' 'discrete(1:0.25,2:0.75)' 'bernoulli(0.3)' '1e400' 'nan'; do
  i=$((i + 1)); printf '=%s' "$s" > "$out/spec-$i"
done
[ -d tests/data/fuzz-regressions ] && cp tests/data/fuzz-regressions/* "$out/" 2>/dev/null || true
echo "fuzz corpus: $(ls "$out" | wc -l) inputs in $out"
