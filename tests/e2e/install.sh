#!/usr/bin/env bash
# tests/e2e/install.sh — `make install` into a DESTDIR: the binary, the manual page that `man`
# finds, and the default scenarios, which the installed binary uses without --scenario from a
# folder that has no inputs/.
set -u
. "$(dirname "$0")/lib.sh"
root=$PWD
d=$tmp/stage
make --no-print-directory -s install DESTDIR="$d" PREFIX=/usr >"$tmp/log" 2>&1 \
  && [ -x "$d/usr/bin/hostsim" ] && [ -s "$d/usr/share/man/man1/hostsim.1" ] \
  && [ -s "$d/usr/share/hostsim/inputs/default/params.csv" ] && [ -s "$d/usr/share/hostsim/inputs/small/params.csv" ] \
  && ok "make install DESTDIR=... PREFIX=/usr installs the binary, the man page and the scenarios" \
  || ko "make install: $(tail -3 "$tmp/log")"
mkdir -p "$tmp/elsewhere"
out=$(cd "$tmp/elsewhere" && "$d/usr/bin/hostsim" validate 2>&1)
case $out in *"share/hostsim/inputs/default: valid:"*) ok "the installed binary finds its default scenario" ;;
  *) ko "installed default scenario: $out" ;; esac
(cd "$tmp/elsewhere" && "$d/usr/bin/hostsim" run --trajectories 4 --years 1 --quiet >/dev/null) \
  && [ -s "$tmp/elsewhere/outputs/default/summary.csv" ] && ok "the installed binary runs without --scenario" \
  || ko "installed run"
if command -v man >/dev/null; then
  MANWIDTH=80 man -M "$d/usr/share/man" hostsim 2>/dev/null | grep -q "Monte Carlo" \
    && ok "man hostsim shows the installed page" || ko "man hostsim"
  MANWIDTH=80 man "$root/docs/hostsim.1" 2>/dev/null | grep -q "Monte Carlo" \
    && ok "man ./docs/hostsim.1 reads the page in the repository" || ko "man ./docs/hostsim.1"
else
  echo "skip man: not installed"
fi
"$root/hostsim" --help | grep -q 'man ./docs/hostsim.1' && ok "--help says how to read the man page" || ko "--help man line"
tally_end
