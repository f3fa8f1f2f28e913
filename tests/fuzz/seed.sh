#!/usr/bin/env bash
# Seeds a fuzz corpus (folder $1) from every scenario under inputs/ and tests/data/: one input
# per scenario (its files joined by "%%%%" lines, in the order params, profile, calendar, assets,
# plans, correlations) and one per SPEC cell, for fuzz_scenario.
# With "run" as $2, for fuzz_run: each scenario input starts with a line of --set values
# ('|'-separated; some empty, some at the edge of the bounds), and no SPEC inputs.
set -eu
out=$1
mode=${2:-scenario}
mkdir -p "$out"
sets=('' 'global.volume_month=1' 'global.volume_month=1000000000|global.growth_year=5'
      'on_prem.overhaul_interval=1|self_hosted.overhaul_interval=uniform(1,3)'
      'global.volume_month=pert(1,2,1e9,100)' 'global.day_noise_cv=2|global.overdispersion_k=0.001'
      'saas.repair_hours=lognormal(0.001,10000)|saas_plan.outage_rate=1000')
i=0
for d in inputs/*/ tests/data/*/ tests/data/bad/*/; do
  [ -f "$d/params.csv" ] || continue
  i=$((i + 1))
  { [ "$mode" = run ] && printf '%s\n' "${sets[i % ${#sets[@]}]}"
    cat "$d/params.csv"; printf '\n%%%%%%%%'; cat "$d/profile.csv" 2>/dev/null || true
    printf '\n%%%%%%%%'; cat "$d/calendar.csv" 2>/dev/null || true
    printf '\n%%%%%%%%'; cat "$d/assets.csv" 2>/dev/null || true
    printf '\n%%%%%%%%'; cat "$d/plans.csv" 2>/dev/null || true
    printf '\n%%%%%%%%'; cat "$d/correlations.csv" 2>/dev/null || true; } > "$out/scenario-$i"
done
[ "$mode" = run ] && { cp tests/data/fuzz-run-regressions/* "$out/"; echo "fuzz corpus: $(ls "$out" | wc -l) inputs in $out"; exit 0; }
for s in '12.5' 'uniform(1,2)' 'tri(1;2;3)' 'pert(2,5,14,3)' 'normal(5,1,0,10)' \
         'lognormal(100,250)' 'discrete(1:0.25,2:0.75)' 'bernoulli(0.3)' '1e400' 'nan'; do
  i=$((i + 1)); printf '=%s' "$s" > "$out/spec-$i"
done
[ -d tests/data/fuzz-regressions ] && cp tests/data/fuzz-regressions/* "$out/" 2>/dev/null || true
echo "fuzz corpus: $(ls "$out" | wc -l) inputs in $out"
