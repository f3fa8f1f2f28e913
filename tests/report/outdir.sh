#!/usr/bin/env bash
# outdir.sh — writes an output folder with the real engine, for the chart and report tests
# (tests/unit/test_plot.c, test_report.c) and the screenshot check: what `hostsim run` writes
# for inputs/default, plus the result files of `hostsim tornado`, `sobol`, `sweep` (sweep.csv,
# crossover.csv), `sweep --param2` (grid.csv) and `compare` (scenario_diff.csv), so that every chart has its data. Small
# trajectory counts: it takes well under a second. Each of those commands writes a folder of its
# own (DIR.parts/COMMAND, with its manifest); their result files are then copied beside the
# run's, so DIR is a hand-assembled folder whose sensitivity results are not part of the set
# its manifest.csv describes (the charts and the report flag them so).
#
# Usage: tests/report/outdir.sh ./hostsim DIR   (from the repository root; DIR is replaced)
# make unit runs it into build/test-outdir and hands the folder to the tests through
# HOSTSIM_TEST_OUTDIR.
set -eu
bin=${1:?usage: outdir.sh HOSTSIM DIR}
dir=${2:?usage: outdir.sh HOSTSIM DIR}
rm -rf "$dir"
rm -rf "$dir.parts"
common=(--scenario inputs/default --seed 42 --quiet)
"$bin" run "${common[@]}" --out "$dir" --trajectories 300
"$bin" tornado "${common[@]}" --out "$dir.parts/tornado" --trajectories 10 --years 2 --by-year
"$bin" sobol "${common[@]}" --out "$dir.parts/sobol" --samples 8 --years 1
"$bin" sweep "${common[@]}" --out "$dir.parts/sweep" --param global.volume_month \
  --values 20000:2000000:4:log --trajectories 20 --years 1
"$bin" sweep "${common[@]}" --out "$dir.parts/grid" --param global.volume_month \
  --values 20000:2000000:3:log --param2 global.growth_year --values2 0:0.3:3 --trajectories 10 --years 1
"$bin" compare "${common[@]}" --out "$dir.parts/compare" --against inputs/default \
  --set 'saas.seat_fee=uniform(60,120)' --trajectories 10 --years 1
cp "$dir.parts/tornado/tornado.csv" "$dir.parts/sobol/sobol.csv" "$dir.parts/sweep/sweep.csv" \
  "$dir.parts/sweep/crossover.csv" "$dir.parts/grid/grid.csv" \
  "$dir.parts/compare/scenario_diff.csv" "$dir/"
