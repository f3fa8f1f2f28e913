#!/usr/bin/env bash
# outdir.sh — writes an output folder with the real engine, for the chart and report tests
# (tests/unit/test_plot.c, test_report.c) and the screenshot check: what `hostsim run` writes
# for inputs/default, plus the files of `hostsim tornado`, `sobol`, `sweep` (sweep.csv,
# crossover.csv) and `sweep --param2` (grid.csv), so that every chart has its data. Small
# trajectory counts: it takes well under a second.
#
# Usage: tests/report/outdir.sh ./hostsim DIR   (from the repository root; DIR is replaced)
# make unit runs it into build/test-outdir and hands the folder to the tests through
# HOSTSIM_TEST_OUTDIR.
set -eu
bin=${1:?usage: outdir.sh HOSTSIM DIR}
dir=${2:?usage: outdir.sh HOSTSIM DIR}
rm -rf "$dir"
common=(--scenario inputs/default --seed 42 --quiet --out "$dir")
"$bin" run "${common[@]}" --trajectories 300
"$bin" tornado "${common[@]}" --trajectories 10 --years 1
"$bin" sobol "${common[@]}" --samples 8 --years 1
"$bin" sweep "${common[@]}" --param global.volume_month --values 20000:2000000:4:log --trajectories 20 --years 1
"$bin" sweep "${common[@]}" --param global.volume_month --values 20000:2000000:3:log \
  --param2 global.growth_year --values2 0:0.3:3 --trajectories 10 --years 1
