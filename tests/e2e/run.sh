#!/usr/bin/env bash
# End-to-end tests of the binary: a run writes every file of the contract,
# the same command twice and any thread count give byte-identical files,
# an interrupted or failing run leaves the previous outputs intact.
# Usage: tests/e2e/run.sh ./hostsim
set -u
bin=${1:-./hostsim}
. "$(dirname "$0")/lib.sh"
skipped="" nskip=0
skip() { nskip=$((nskip + 1)); skipped="$skipped${skipped:+; }$1"; echo "skip $1"; } # what, why
# every file but the manifest's machine- and time-dependent keys
same_outputs() {
  local a=$1 b=$2 f
  for f in summary compare monthly hist cdf daily profile options params sensitivity voi; do
    cmp -s "$a/$f.csv" "$b/$f.csv" || { echo "  $f.csv differs"; return 1; }
  done
  diff <(grep -vE '^(threads|wall_seconds|created_utc),' "$a/manifest.csv") \
       <(grep -vE '^(threads|wall_seconds|created_utc),' "$b/manifest.csv") >/dev/null
}
run() { "$bin" run --scenario tests/data/model_fixed --trajectories 150 --years 2 --seed 7 --quiet "$@"; }

# 1. the files of the contract, with the right columns and sane values
if "$bin" run --scenario inputs/default --trajectories 200 --years 5 --seed 11 --quiet --out "$tmp/c" \
   && for f in summary compare monthly manifest hist cdf daily profile options params sensitivity voi; do [ -s "$tmp/c/$f.csv" ] || exit 1; done; then
  ok "run writes every output file"
else ko "run writes every output file"; fi
head -1 "$tmp/c/summary.csv" | grep -q '^option,metric,unit,mean,sd,se,p5,p10,p25,p50,p75,p90,p95,cvar95$' \
  && ok "summary.csv header" || ko "summary.csv header"
if command -v python3 >/dev/null; then
  python3 - "$tmp/c" <<'PY' && ok "p5 <= p50 <= p95, availability in [0,1], categories sum to tco" || ko "summary values"
import csv, sys, math
rows = list(csv.DictReader(open(sys.argv[1] + "/summary.csv")))
for r in rows:
    q = [float(r[k]) for k in ("p5", "p10", "p25", "p50", "p75", "p90", "p95")]
    assert q == sorted(q), r
    assert all(math.isfinite(float(r[k])) for k in ("mean", "sd", "se", "cvar95")), r
    if r["metric"] == "availability": assert 0 <= q[0] and q[-1] <= 1, r
for o in {r["option"] for r in rows}:
    tco = next(float(r["mean"]) for r in rows if r["option"] == o and r["metric"] == "tco")
    cats = sum(float(r["mean"]) for r in rows if r["option"] == o and r["metric"].startswith("cost."))
    assert abs(cats - tco) <= 1e-6 * abs(tco) + 1, (o, cats, tco)
PY
  if [ -x ../shared/checks/output-contract ]; then
    ../shared/checks/output-contract "$tmp/c" >/dev/null && ok "shared output-contract check" || ko "shared output-contract check"
  fi
else
  skip "summary values: python3 not installed (make test installs it as root: make deps)"
fi

# 1b. the contract of docs/outputs.md: every file of its tables has exactly the documented
# columns, and manifest.csv the documented keys in order (the charts, the report and users'
# scripts read them by name). The folder is the one the chart and report tests read.
docs=docs/outputs.md
if tests/report/outdir.sh "$bin" "$tmp/o" >"$tmp/o.log" 2>&1; then
  drift=""
  files=$(grep -oE '^\| `[a-z_]+\.csv` \|' "$docs" | sed -E 's/^\| `(.*)` \|$/\1/')
  for f in $files; do
    # the third cell of the file's row: its columns, between the first pair of backticks
    want=$(grep -E "^\| \`$f\` \|" "$docs" | head -1 | awk -F'|' '{print $4}' | sed -E 's/^[^`]*`([^`]*)`.*/\1/')
    if [ ! -f "$tmp/o/$f" ]; then drift="$drift\n  $f: not written by run, tornado, sobol or sweep"; continue; fi
    got=$(head -1 "$tmp/o/$f")
    [ "$got" = "$want" ] || drift="$drift\n  $f: docs say '$want', the engine writes '$got'"
  done
  for f in "$tmp"/o/*.csv; do
    grep -qE "^\| \`$(basename "$f")\` \|" "$docs" || drift="$drift\n  $(basename "$f"): written but not in $docs"
  done
  want=$(sed -n '/^## manifest.csv/,/^## /p' "$docs" | grep -oE '^\| `[a-z_]+` \|' | sed -E 's/^\| `(.*)` \|$/\1/' | tr '\n' ' ')
  got=$(tail -n +2 "$tmp/o/manifest.csv" | cut -d, -f1 | tr '\n' ' ')
  [ "$got" = "$want" ] || drift="$drift\n  manifest.csv keys: docs say '$want', the engine writes '$got'"
  [ -z "$drift" ] && ok "every file's columns and the manifest's keys are those of $docs" \
    || { ko "the files differ from $docs:"; printf "%b\n" "$drift"; }
else ko "tests/report/outdir.sh: $(tail -3 "$tmp/o.log")"; fi

# 2. determinism: twice, and 1, 2, 7 threads
run --threads 1 --out "$tmp/t1"; run --threads 1 --out "$tmp/t1b"; run --threads 2 --out "$tmp/t2"; run --threads 7 --out "$tmp/t7"
same_outputs "$tmp/t1" "$tmp/t1b" && ok "the same command twice gives identical files" || ko "same command twice"
same_outputs "$tmp/t1" "$tmp/t2" && ok "1 and 2 threads give identical files" || ko "1 vs 2 threads"
same_outputs "$tmp/t1" "$tmp/t7" && ok "1 and 7 threads give identical files" || ko "1 vs 7 threads"
# correlated inputs under Latin hypercube sampling: the same bytes for 1 and 2 threads
lhs() { "$bin" run --scenario tests/data/corr --trajectories 300 --years 1 --seed 7 --quiet --sampling lhs "$@"; }
lhs --threads 1 --out "$tmp/l1" && lhs --threads 2 --out "$tmp/l2" && same_outputs "$tmp/l1" "$tmp/l2" \
  && cmp -s "$tmp/l1/correlations.csv" "$tmp/l2/correlations.csv" && grep -q '^sampling,lhs$' "$tmp/l1/manifest.csv" \
  && ok "--sampling lhs with correlations: 1 and 2 threads give identical files" || ko "--sampling lhs 1 vs 2 threads"
run --threads 2 --out "$tmp/s8" --seed 8
cmp -s "$tmp/t1/daily.csv" "$tmp/s8/daily.csv" && ko "another seed changes the results" || ok "another seed changes the results"

# 2b. compare: two scenarios on the same trajectories; an unchanged option differs by exactly 0,
# the changed one only by its change; any thread count gives the same files
cmp_run() { "$bin" compare --scenario inputs/default --against inputs/default --set 'saas.seat_fee=uniform(60,120)' \
  --trajectories 60 --years 2 --seed 3 --quiet "$@"; }
cmp_run --threads 1 --out "$tmp/cmp1" && cmp_run --threads 2 --out "$tmp/cmp2"
if [ -s "$tmp/cmp1/scenario_diff.csv" ] && cmp -s "$tmp/cmp1/scenario_diff.csv" "$tmp/cmp2/scenario_diff.csv" \
   && (for f in "$tmp"/cmp1/*.csv; do [ "${f##*/}" = manifest.csv ] || cmp -s "$f" "$tmp/cmp2/${f##*/}" || exit 1; done) \
   && grep -q '^command,compare$' "$tmp/cmp1/manifest.csv" && grep -q '^against,inputs/default$' "$tmp/cmp1/manifest.csv" \
   && grep -qE '^against_checksum,[0-9a-f]{16}$' "$tmp/cmp1/manifest.csv"; then
  ok "compare writes scenario_diff.csv and a manifest naming both scenarios, the same for 1 and 2 threads"
else ko "compare files"; fi
if awk -F, 'NR > 1 && $1 != "saas" && ($4 != 0 || $7 != 0 || $13 != 0 || $14 != 0) { bad = 1 }
            NR > 1 && $1 == "saas" && !($7 > 0 && $14 == 0) { bad = 1 } END { exit bad }' "$tmp/cmp1/scenario_diff.csv"; then
  ok "compare: unchanged options differ by exactly 0, saas with dearer seats always costs more"
else ko "compare differences: $(cat "$tmp/cmp1/scenario_diff.csv")"; fi

# 3. bad input: exit 2, nothing written, previous outputs intact
cp -r "$tmp/t1" "$tmp/keep"
"$bin" run --scenario tests/data/model_fixed --trajectories 0 --out "$tmp/t1" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- '--trajectories' "$tmp/err" && same_outputs "$tmp/t1" "$tmp/keep" \
  && ok "--trajectories 0 is a usage error (exit 2), outputs untouched" || ko "--trajectories 0"
"$bin" run --scenario tests/data/model_fixed --set alpha.it_fte=-1 --out "$tmp/t1" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && same_outputs "$tmp/t1" "$tmp/keep" && ok "a bad --set is an input error, outputs untouched" || ko "bad --set"

# 4. an unwritable output folder: exit 1, clear message
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$tmp/ro" && chmod 500 "$tmp/ro"
  "$bin" run --scenario tests/data/model_fixed --trajectories 5 --years 1 --out "$tmp/ro/x" --quiet 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] && grep -q "cannot" "$tmp/err" && ok "unwritable output folder: exit 1" || ko "unwritable output folder"
fi
: >"$tmp/afile"
"$bin" run --scenario tests/data/model_fixed --trajectories 5 --years 1 --out "$tmp/afile/sub" --quiet 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "not a folder" "$tmp/err" && ok "a file where the output folder should be: exit 1" || ko "file in the way ($rc)"

run --out '' 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "expected an output folder name, got an empty one" "$tmp/err" \
  && ok "--out '': exit 2, one message" || ko "--out '' ($rc)"

# 5. a path with spaces and quotes
"$bin" run --scenario tests/data/model_fixed --trajectories 5 --years 1 --out "$tmp/a b'c\"d" --quiet \
  && [ -s "$tmp/a b'c\"d/summary.csv" ] && ok "output path with spaces and quotes" || ko "path with spaces and quotes"

# 6. SIGINT stops cleanly: exit 130, no partial file, previous outputs intact
"$bin" run --scenario inputs/default --trajectories 100000 --threads 2 --out "$tmp/t1" --quiet 2>"$tmp/err" &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid; rc=$?
[ $rc -eq 130 ] && grep -q "interrupted after" "$tmp/err" && same_outputs "$tmp/t1" "$tmp/keep" \
  && ! ls -a "$tmp/t1" | grep -q '\.tmp\.' && ok "SIGINT: exit 130, nothing partial, outputs intact" || ko "SIGINT ($rc)"

"$bin" run --scenario inputs/default --trajectories 100000 --threads 2 --out "$tmp/t1" --quiet 2>"$tmp/err" &
pid=$!
sleep 1.5
kill -TERM $pid
wait $pid; rc=$?
[ $rc -eq 143 ] && same_outputs "$tmp/t1" "$tmp/keep" && ok "SIGTERM: exit 143, outputs intact" || ko "SIGTERM ($rc)"

# 6b. --precision: deterministic batches until the half-width is small enough, reason in the manifest
"$bin" run --scenario tests/data/model_fixed --years 1 --precision 0.5% --quiet --out "$tmp/p" \
  && grep -q '^stop_reason,precision reached' "$tmp/p/manifest.csv" \
  && ok "--precision stops when reached and says so in the manifest" || ko "--precision"
"$bin" run --scenario inputs/default --years 1 --precision 0.0001% --max-trajectories 300 --quiet --out "$tmp/p2" \
  && grep -q '^stop_reason,max-trajectories reached' "$tmp/p2/manifest.csv" && grep -q '^trajectories,300$' "$tmp/p2/manifest.csv" \
  && ok "--precision stops at --max-trajectories and says so" || ko "--precision cap"

# 7. charts and the report from a real run; the report rendered by headless Chromium
if "$bin" plot "$tmp/c" --quiet && "$bin" report "$tmp/c" >/dev/null; then
  n=$(ls "$tmp/c/plots/"*.png 2>/dev/null | wc -l)
  [ "$n" -ge 8 ] && grep -q 'src="data:image/svg+xml;base64,' "$tmp/c/report.html" && ! grep -qE 'https?://[a-z]' "$tmp/c/report.html" \
    && ok "plot ($n charts) and a self-contained report from a run" || ko "plot/report ($n charts)"
else ko "plot/report exit status"; fi
# the sensitivity commands on the default scenario (tiny N), each in a folder of its own (its
# set replaces the folder's), their charts free of gnuplot warnings
if "$bin" tornado --trajectories 5 --years 1 --quiet --out "$tmp/ct" && "$bin" sobol --samples 4 --years 1 --quiet --out "$tmp/cs" \
   && "$bin" sweep --param global.volume_month --values 20000:2000000:3:log --trajectories 20 --years 1 --quiet --out "$tmp/cw" \
   && [ -s "$tmp/ct/tornado.csv" ] && [ -s "$tmp/cs/sobol.csv" ] && [ -s "$tmp/cw/sweep.csv" ] && [ -s "$tmp/cw/crossover.csv" ]; then
  ok "tornado, sobol and sweep write their CSVs"
else ko "tornado/sobol/sweep"; fi
# re-pricing kept physical records (price-only inputs) gives the files of a full simulation
# (--exhaustive), byte for byte, at 1 and 3 threads
if "$bin" tornado --trajectories 70 --years 2 --threads 1 --quiet --out "$tmp/rt1" \
   && "$bin" tornado --trajectories 70 --years 2 --threads 3 --quiet --out "$tmp/rt3" \
   && "$bin" tornado --trajectories 70 --years 2 --exhaustive --quiet --out "$tmp/rtx" \
   && "$bin" sobol --samples 16 --years 2 --threads 3 --quiet --out "$tmp/rs" \
   && "$bin" sobol --samples 16 --years 2 --exhaustive --threads 1 --quiet --out "$tmp/rsx" \
   && cmp -s "$tmp/rt1/tornado.csv" "$tmp/rtx/tornado.csv" && cmp -s "$tmp/rt3/tornado.csv" "$tmp/rtx/tornado.csv" \
   && cmp -s "$tmp/rs/sobol.csv" "$tmp/rsx/sobol.csv"; then
  ok "tornado and sobol re-price to the bytes of --exhaustive (1 and 3 threads)"
else ko "tornado/sobol re-pricing against --exhaustive"; fi
# sweep over a price-only parameter (an option's, a global one, a correlated one: its --set
# drops the row, the base run samples volume_month otherwise and is simulated) and a grid of a
# physical and a price-only one: every file the bytes of --exhaustive, at 1 and 3 threads
sweep_same() {
  local d=$1 f; shift
  "$bin" sweep "$@" --trajectories 30 --years 2 --threads 3 --quiet --out "$tmp/$d" \
    && "$bin" sweep "$@" --trajectories 30 --years 2 --threads 1 --exhaustive --quiet --out "$tmp/$d-x" || return 1
  for f in "$tmp/$d-x"/*.csv; do
    [ "${f##*/}" = manifest.csv ] && continue
    cmp -s "$f" "$tmp/$d/${f##*/}" || { echo "  $d: ${f##*/} differs"; return 1; }
  done
  diff <(grep -vE '^(threads|wall_seconds|created_utc),' "$tmp/$d/manifest.csv") \
       <(grep -vE '^(threads|wall_seconds|created_utc),' "$tmp/$d-x/manifest.csv") >/dev/null
}
if sweep_same swf --param payg.message_fee --values 0.01:0.03:4 \
   && sweep_same swd --param global.discount_rate --values 0.03,0.08,0.12 \
   && sweep_same swr --param global.revenue_year --values 1e6,5e6,2e7 \
   && sweep_same swg --param global.volume_month --values 20000,400000 --param2 saas.seat_fee --values2 100,300,500 \
   && sweep_same swh --param saas.seat_fee --values 100,300,500 --param2 global.volume_month --values2 20000,400000; then
  ok "sweep re-prices price-only points to the bytes of --exhaustive (1-D and grids)"
else ko "sweep re-pricing against --exhaustive"; fi
# the same with every year's rows (--by-year: the per-year blocks of the records)
if "$bin" tornado --trajectories 40 --years 2 --by-year --threads 3 --quiet --out "$tmp/ry" \
   && "$bin" tornado --trajectories 40 --years 2 --by-year --exhaustive --quiet --out "$tmp/ryx" \
   && "$bin" sobol --samples 16 --years 2 --by-year --threads 3 --quiet --out "$tmp/rsy" \
   && "$bin" sobol --samples 16 --years 2 --by-year --exhaustive --quiet --out "$tmp/rsyx" \
   && cmp -s "$tmp/ry/tornado.csv" "$tmp/ryx/tornado.csv" && cmp -s "$tmp/rsy/sobol.csv" "$tmp/rsyx/sobol.csv"; then
  ok "tornado and sobol --by-year re-price to the bytes of --exhaustive"
else ko "tornado/sobol --by-year re-pricing against --exhaustive"; fi
: >"$tmp/plot.err"
for d in ct cs cw; do "$bin" plot "$tmp/$d" 2>>"$tmp/plot.err" >/dev/null; done
! grep -qi warning "$tmp/plot.err" && [ -s "$tmp/ct/plots/tornado.png" ] && [ -s "$tmp/cs/plots/sobol.png" ] && [ -s "$tmp/cw/plots/sweep.png" ] \
  && ok "sensitivity charts render without gnuplot warnings" || ko "sensitivity charts: $(head -2 "$tmp/plot.err")"
"$bin" report "$tmp/ct" >/dev/null && grep -q -i tornado "$tmp/ct/report.html" && ok "the report includes the tornado" || ko "report with tornado"
out=$(tests/report/screenshot.sh "$tmp/c/report.html" 2>&1); rc=$?
case "$out" in skipped*) skip "report screenshot: ${out#skipped: }" ;; *) [ $rc -eq 0 ] && ok "report screenshot is not blank" || ko "report screenshot: $out" ;; esac
out=$(tests/report/pdfpages.sh "$tmp/c/report.html" 2>&1); rc=$?
case "$out" in skipped*) skip "report pages: ${out#skipped: }" ;; *) [ $rc -eq 0 ] && ok "report: a 2-page executive part, then the appendix" || ko "report pages: $out" ;; esac

# 8. a full disk (a small tmpfs, when this process may mount one): exit 1, previous outputs intact
if [ "$(id -u)" = 0 ] && mkdir -p "$tmp/full" && mount -t tmpfs -o size=400k tmpfs "$tmp/full" 2>/dev/null; then
  "$bin" run --scenario tests/data/model_fixed --trajectories 20 --years 1 --quiet --out "$tmp/full/o" \
    && cp -r "$tmp/full/o" "$tmp/full-keep"
  "$bin" run --scenario inputs/default --trajectories 300 --years 5 --quiet --trajectories-out \
    --out "$tmp/full/o" 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] && grep -q "No space left" "$tmp/err" && diff -r "$tmp/full/o" "$tmp/full-keep" >/dev/null \
    && ok "full disk: exit 1, message, previous outputs intact" || ko "full disk ($rc)"
  umount "$tmp/full"
else
  skip "full disk: cannot mount a tmpfs here (the write-error path is the same as the unwritable folder's)"
fi

# 9. the output set (docs/outputs.md, "How a set is written")
# a folder of the user's files (a scenario given to --out by mistake) is refused and untouched
cp -r tests/data/model_fixed "$tmp/mine" && cp -r "$tmp/mine" "$tmp/mine-orig"
run --out "$tmp/mine" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "holds files hostsim did not write" "$tmp/err" && grep -q -- "--overwrite" "$tmp/err" \
  && diff -r "$tmp/mine" "$tmp/mine-orig" >/dev/null && ok "a folder of foreign files is refused (exit 2) and untouched" \
  || ko "foreign folder refused ($rc)"
run --out "$tmp/mine" --overwrite && [ ! -e "$tmp/mine/calendar.csv" ] && [ -s "$tmp/mine/summary.csv" ] \
  && ok "--overwrite replaces it" || ko "--overwrite"
# every file of a set is listed in its manifest, and nothing else is in the folder
listed_only() {
  local d=$1 f want have
  want=$(grep '^files,' "$d/manifest.csv" | cut -d, -f2- | tr ' ' '\n' | sort)
  have=$(cd "$d" && find . -type f ! -name .hostsim.lock | sed 's|^\./||' | sort)
  [ -n "$want" ] && [ "$want" = "$have" ]
}
# a text cell that would run in a spreadsheet is neutralised
cp -r tests/data/model_fixed "$tmp/evil"
sed -i '0,/^global,/s/^\(global,[^,]*,[^,]*,[^,]*\),.*$/\1,=cmd|'"'"' \/C calc'"'"'!A0/' "$tmp/evil/params.csv"
if "$bin" run --scenario "$tmp/evil" --trajectories 5 --years 1 --quiet --out "$tmp/evil-out"; then
  grep -q ",'=cmd|' /C calc'!A0\$" "$tmp/evil-out/params.csv" && ! grep -q ',=cmd' "$tmp/evil-out/params.csv" \
    && ok "a '=cmd' source comes out as \"'=cmd\"" || ko "CSV neutralisation"
else ko "run of a scenario with a =cmd source"; fi
# run, plot, report into one folder are one set; a tornado into it replaces that set with its own
run --out "$tmp/w" && "$bin" plot "$tmp/w" --quiet >/dev/null && "$bin" report "$tmp/w" >/dev/null \
  && [ -s "$tmp/w/report.html" ] && [ -d "$tmp/w/plots" ] && listed_only "$tmp/w" \
  && "$bin" tornado --scenario tests/data/model_fixed --trajectories 5 --years 1 --quiet --out "$tmp/w" \
  && [ -s "$tmp/w/tornado.csv" ] && [ ! -e "$tmp/w/report.html" ] && [ ! -e "$tmp/w/plots" ] \
  && grep -q '^command,tornado$' "$tmp/w/manifest.csv" && listed_only "$tmp/w" \
  && ok "run, plot, report are one set, every file listed; a tornado replaces it with its own" || ko "run/plot/report/tornado set"
"$bin" plot "$tmp/w" --quiet >/dev/null && "$bin" report "$tmp/w" >/dev/null \
  && run --out "$tmp/w" --trajectories-out && [ ! -e "$tmp/w/plots" ] && [ ! -e "$tmp/w/report.html" ] \
  && [ ! -e "$tmp/w/tornado.csv" ] && listed_only "$tmp/w" \
  && ok "the next run removes the previous set's charts, report and tornado.csv" || ko "stale files of the replaced set"
# stale leftovers of killed runs are removed by the next run
dead=$(sh -c 'echo $$'); while kill -0 "$dead" 2>/dev/null; do dead=$((dead + 1)); done
mkdir "$tmp/.w.new-$dead-XXXXXX" && head -c 1000000 /dev/zero >"$tmp/.w.new-$dead-XXXXXX/trajectories.csv"
head -c 1000000 /dev/zero >"$tmp/w/.trajectories.csv.tmp.$dead"
run --out "$tmp/w" && [ ! -e "$tmp/.w.new-$dead-XXXXXX" ] && [ ! -e "$tmp/w/.trajectories.csv.tmp.$dead" ] \
  && ok "stale staging folders and temporaries of killed runs are removed" || ko "stale leftovers"
# a second writer of the same folder is refused at once; the first's set is complete
run --out "$tmp/w" && cp -r "$tmp/w" "$tmp/w-keep"
"$bin" run --scenario inputs/default --trajectories 3000 --threads 1 --seed 5 --quiet --out "$tmp/w" 2>"$tmp/err1" &
pid=$!
for i in $(seq 100); do ls -a "$tmp" | grep -q '^\.w\.new-' && break; sleep 0.05; done
run --out "$tmp/w" 2>"$tmp/err2"; rc2=$?
wait $pid; rc1=$?
[ $rc2 -eq 1 ] && grep -q "another hostsim command is writing into" "$tmp/err2" && [ $rc1 -eq 0 ] \
  && grep -q '^seed,5$' "$tmp/w/manifest.csv" && grep -q '^trajectories,3000$' "$tmp/w/manifest.csv" && listed_only "$tmp/w" \
  && ok "two runs into one folder: the second is refused (exit 1), the first's set is complete" \
  || ko "concurrent runs ($rc1, $rc2)"
# SIGKILL at any moment leaves one complete set: the old one or the new one, never a mix
run --out "$tmp/k" --seed 1 && cp -r "$tmp/k" "$tmp/k-old"
run --out "$tmp/k-new" --seed 2
mixed=0
for d in 0.05 0.1 0.15 0.2 0.25 0.3 0.35 0.4; do
  "$bin" run --scenario tests/data/model_fixed --trajectories 150 --years 2 --seed 2 --quiet --out "$tmp/k" & pid=$!
  sleep $d; kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
  if same_outputs "$tmp/k" "$tmp/k-old" >/dev/null; then :; elif same_outputs "$tmp/k" "$tmp/k-new" >/dev/null; then
    rm -rf "$tmp/k" && cp -r "$tmp/k-old" "$tmp/k"
  else mixed=1; fi
  listed_only "$tmp/k" || mixed=1
done
run --out "$tmp/k" --seed 2 && ! ls -a "$tmp" | grep -q '^\.k\.new-' || mixed=1
[ $mixed -eq 0 ] && ok "SIGKILL at 8 moments: always one complete set; the next run cleans up" || ko "SIGKILL mix"

tally_end "${skipped:+$nskip skipped: $skipped}"
