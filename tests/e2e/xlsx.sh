#!/usr/bin/env bash
# tests/e2e/xlsx.sh ./hostsim — the Excel workbook (hostsim report --xlsx): read back with
# openpyxl (tests/e2e/xlsx_check.py), every cell of the copied tables equal to the CSV files;
# the same folder gives the same bytes; a yearly.csv in the folder gets its sheet; a folder
# without summary.csv is refused, nothing written.
set -u
bin=${1:-./hostsim}
. "$(dirname "$0")/lib.sh"
if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  echo "FAIL python3-openpyxl is not installed (make deps installs it as root)"
  echo "0 passed, 1 failed"
  exit 1
fi
"$bin" run --scenario inputs/default --trajectories 60 --years 5 --seed 5 --quiet --out "$tmp/c" >/dev/null \
  && "$bin" report "$tmp/c" --xlsx >/dev/null && [ -s "$tmp/c/report.xlsx" ] \
  && ok "report --xlsx writes report.xlsx" || ko "report --xlsx"
grep -q 'report.xlsx' "$tmp/c/manifest.csv" && ok "the manifest lists report.xlsx" || ko "manifest files"
out=$(/usr/bin/python3 tests/e2e/xlsx_check.py "$tmp/c" 2>&1) && ok "cells hold the CSVs' values: ${out##*$'\n'}" \
  || ko "workbook cells: $out"
cp "$tmp/c/report.xlsx" "$tmp/first.xlsx"
"$bin" report "$tmp/c" --xlsx >/dev/null && cmp -s "$tmp/first.xlsx" "$tmp/c/report.xlsx" \
  && ok "the same folder gives the same workbook, byte for byte" || ko "workbook bytes differ"
# a yearly.csv (written by runs that have it) gets its sheet
printf 'option,year,metric,unit,mean\nself_hosted,1,tco,CNY,1234567.5\nsaas,1,tco,CNY,98765.25\n' >"$tmp/c/yearly.csv"
"$bin" report "$tmp/c" --xlsx --overwrite >/dev/null \
  && out=$(/usr/bin/python3 tests/e2e/xlsx_check.py "$tmp/c" 2>&1) \
  && /usr/bin/python3 -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])["Cost by year"]; sys.exit(ws["E2"].value != 1234567.5)' "$tmp/c/report.xlsx" \
  && ok "yearly.csv becomes the Cost by year sheet" || ko "Cost by year: $out"
mkdir -p "$tmp/empty"
"$bin" report "$tmp/empty" --xlsx >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -ne 0 ] && [ ! -e "$tmp/empty/report.xlsx" ] && ok "a folder without summary.csv: exit $rc, nothing written" \
  || ko "empty folder: exit $rc"
tally_end
