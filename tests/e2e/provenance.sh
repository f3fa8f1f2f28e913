#!/usr/bin/env bash
# End-to-end tests of provenance and of what an output folder can do to its reader:
# sweep, tornado and sobol write a folder of their own with a manifest naming the command;
# the output contract holds on it; plot's charts are one checked set (a full disk replaces
# nothing); a folder with nothing to draw is an error; control characters in scenario text
# reach the terminal escaped.
# Usage: tests/e2e/provenance.sh ./hostsim   (from the repository root)
set -u
bin=$(cd "$(dirname "${1:-./hostsim}")" && pwd)/$(basename "${1:-./hostsim}")
repo=$(pwd)
. "$(dirname "$0")/lib.sh"
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT
key() { grep -E "^$2," "$1/manifest.csv" | head -1 | cut -d, -f2-; }

# 1. each analysis command writes its own folder by default, with a manifest of its own, and the
#    output contract holds on it
(cd "$tmp" && "$bin" run -S "$repo/inputs/default" -n 30 -y 1 -q \
  && "$bin" tornado -S "$repo/inputs/default" -n 7 -y 1 -q \
  && "$bin" sobol -S "$repo/inputs/default" --samples 4 -y 1 -q \
  && "$bin" sweep -S "$repo/inputs/default" --param global.volume_month --values 20000,200000 -n 6 -y 1 -q)
rc=$?
o=$tmp/outputs
if [ $rc -eq 0 ] && [ ! -e "$o/default/tornado.csv" ] && [ ! -e "$o/default/sobol.csv" ] && [ ! -e "$o/default/sweep.csv" ] \
   && [ "$(key "$o/default" trajectories)" = 30 ] && [ "$(key "$o/default" command)" = run ]; then
  ok "sweep, tornado and sobol leave the run's folder alone"
else ko "the run's folder ($rc): $(ls "$o/default" 2>&1 | tr '\n' ' ')"; fi
for c in tornado sobol sweep; do
  d=$o/default-$c
  [ -s "$d/$c.csv" ] && [ "$(key "$d" command)" = $c ] && [ -n "$(key "$d" scenario_checksum)" ] \
    && [ "$(key "$d" scenario_checksum)" = "$(key "$o/default" scenario_checksum)" ] && [ -n "$(key "$d" runs)" ] \
    && ok "$c writes outputs/default-$c/ with its own manifest.csv" || ko "$c: $(ls "$d" 2>&1 | tr '\n' ' ')"
  if command -v python3 >/dev/null && [ -x ../shared/checks/output-contract ]; then
    ../shared/checks/output-contract "$d" >/dev/null && ok "the output contract holds on $c's folder" \
      || ko "output contract on $c's folder: $(../shared/checks/output-contract "$d" 2>&1 | tail -1)"
  fi
done
[ "$(key "$o/default-tornado" trajectories_per_run)" = 7 ] && [ "$(key "$o/default-tornado" trajectories)" = 7 ] \
  && [ "$(key "$o/default-sobol" samples)" = 4 ] && [ "$(key "$o/default-sweep" param)" = global.volume_month ] \
  && [ "$(key "$o/default-sweep" runs)" = 3 ] \
  && ok "the manifests give each analysis' trajectories, samples, parameter and runs" || ko "analysis keys"
(cd "$tmp" && "$bin" tornado -S "$repo/inputs/default" -n 5 -y 1 -q --set global.volume_month=300000 --out "$tmp/t2")
[ "$(key "$tmp/t2" overrides)" = global.volume_month=300000 ] && ok "a tornado's overrides are in its manifest" \
  || ko "tornado overrides: $(key "$tmp/t2" overrides)"

# 2. the charts of an analysis folder carry its own N and runs
if "$bin" plot "$o/default-tornado" -q; then
  runs=$(key "$o/default-tornado" runs)
  grep -q "tornado: $runs runs of 7 trajectories" "$o/default-tornado/plots/tornado.svg" \
    && grep -q "N = 7 trajectories (base run of tornado)" "$o/default-tornado/plots/tco_cdf.svg" \
    && ok "tornado's charts say how many runs of how many trajectories" || ko "tornado footers"
else ko "plot of the tornado folder"; fi

# 3. plot on a folder with nothing it can draw: exit 2, says so, writes nothing
mkdir -p "$tmp/empty"
"$bin" plot "$tmp/empty" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "nothing to draw" "$tmp/err" && [ ! -e "$tmp/empty/plots" ] && ! grep -q "charts in" "$tmp/out" \
  && ok "plot with nothing to draw: exit 2 and a message" || ko "plot on an empty folder ($rc): $(cat "$tmp/out" "$tmp/err")"

# 4. control characters in scenario text are shown escaped, never sent to the terminal
cp -r tests/data/model_fixed "$tmp/esc"
awk -F, 'BEGIN { OFS = "," } NR > 1 && !done && $1 == "global" && $2 == "volume_month" { $3 = "12\033[2J\033]0;owned\007\302\233x"; done = 1 } { print }' \
  tests/data/model_fixed/params.csv >"$tmp/esc/params.csv"
"$bin" validate "$tmp/esc" 2>"$tmp/err" >/dev/null; rc=$?
if [ $rc -eq 2 ] && grep -qF '\x1b[2J\x1b]0;owned\x07\xc2\x9bx' "$tmp/err" && ! LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$tmp/err" \
   && ! LC_ALL=C grep -q $'\xc2\x9b' "$tmp/err"; then
  ok "an escape sequence in a bad value is shown as \\x1b..., not sent to the terminal"
else ko "escape sequence in a message ($rc): $(od -c "$tmp/err" | head -5)"; fi

# 5. a full disk (a small tmpfs, when this process may mount one): plot exits 1 with a message and
#    the previous charts stay whole
if [ "$(id -u)" = 0 ] && mkdir -p "$tmp/full" && mount -t tmpfs -o size=3m tmpfs "$tmp/full" 2>/dev/null; then
  "$bin" run --scenario tests/data/model_fixed --trajectories 20 --years 1 --quiet --out "$tmp/full/o" \
    && "$bin" plot "$tmp/full/o" -q && cp -r "$tmp/full/o" "$tmp/full-keep"
  free_kb=$(df -k --output=avail "$tmp/full" | tail -1)
  dd if=/dev/zero of="$tmp/full/filler" bs=1k count=$((free_kb - 40)) 2>/dev/null
  "$bin" plot "$tmp/full/o" -q 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] && grep -qiE "disk full|No space left" "$tmp/err" && diff -r "$tmp/full/o" "$tmp/full-keep" >/dev/null \
    && ! ls -a "$tmp/full/o" | grep -q '^\.plots' \
    && ok "plot on a full disk: exit 1, message, previous charts intact" \
    || ko "plot on a full disk ($rc): $(head -c 300 "$tmp/err"); $(diff -r "$tmp/full/o" "$tmp/full-keep" 2>&1 | head -3)"
  umount "$tmp/full"
else
  echo "skip plot on a full disk: cannot mount a tmpfs here"
fi

tally_end
