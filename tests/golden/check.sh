#!/usr/bin/env bash
# check.sh — the golden outputs: summary.csv, compare.csv and monthly.csv of small fixed-seed
# runs, committed under tests/golden/<case>/, so that every change of a number shows in a diff.
#
# Usage: tests/golden/check.sh ./hostsim            compare (make golden, part of make test)
#        tests/golden/check.sh --update ./hostsim   rewrite the committed files (make golden-update)
#
# Each case is one `hostsim run` (a few hundred trajectories, a fixed --seed; the files do not
# depend on --threads). A difference prints a unified diff per file and exits 1. When the change
# is intended (a model change, a new metric), run `make golden-update` and commit tests/golden/
# with the change: the diff of the commit is its numeric effect.
set -u
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
bin=${1:-./hostsim}
here=$(dirname "$0")
files="summary.csv compare.csv monthly.csv"
# case name | arguments of `hostsim run`
cases="default|--scenario inputs/default --trajectories 400 --seed 2385 --threads 2
model_fixed|--scenario tests/data/model_fixed --trajectories 300 --seed 2385 --threads 2"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
while IFS='|' read -r name args; do
  # shellcheck disable=SC2086 # the arguments are words
  if ! "$bin" run $args --quiet --out "$tmp/$name" >"$tmp/$name.log" 2>&1; then
    echo "FAIL golden $name: hostsim run $args failed:"; cat "$tmp/$name.log"; bad=1; continue
  fi
  if [ $update -eq 1 ]; then
    mkdir -p "$here/$name"
    for f in $files; do cp "$tmp/$name/$f" "$here/$name/$f"; done
    echo "updated tests/golden/$name ($files) from: hostsim run $args"
    continue
  fi
  same=1
  for f in $files; do
    if [ ! -f "$here/$name/$f" ]; then
      echo "FAIL golden $name/$f: no committed file (make golden-update writes it)"; same=0
    elif ! cmp -s "$here/$name/$f" "$tmp/$name/$f"; then
      echo "FAIL golden $name/$f differs from hostsim run $args:"
      diff -u "$here/$name/$f" "$tmp/$name/$f" --label "tests/golden/$name/$f (committed)" \
        --label "$f (this build)" | head -60
      same=0
    fi
  done
  if [ $same -eq 1 ]; then echo "ok   golden $name ($files)"; else bad=1; fi
done <<<"$cases"
if [ $bad -ne 0 ] && [ $update -eq 0 ]; then
  echo "golden outputs differ. If the change of the numbers is intended, run 'make golden-update'"
  echo "and commit tests/golden/ with it (its diff shows the numeric effect of the change)."
fi
exit $bad
