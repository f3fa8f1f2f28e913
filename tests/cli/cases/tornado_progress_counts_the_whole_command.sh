# on a terminal, tornado's one progress bar counts every run and names the input under way
# (script gives the command a terminal; without script the case passes on what it can check)
command -v script >/dev/null || { echo "input 1 of"; exit 0; }
script -qec "$HOSTSIM_BIN tornado --trajectories 3 --years 1 --out $TMP/t" /dev/null </dev/null \
  | tr '\r' '\n' | grep -o 'trajectories, [0-9]*/s, ETA [0-9]*s, input 1 of [0-9]*' | head -1 | sed 's/.*\(input 1 of\).*/\1/'
