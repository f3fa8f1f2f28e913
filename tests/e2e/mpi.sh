#!/usr/bin/env bash
# The MPI build (make mpi) writes the same files as one process, for every simulating command
# (run, run --precision, sweep of a physical and of a price-only parameter, tornado, sobol) at 2
# and 3 ranks, with 1 or 2 threads per rank;
# and one process gives the same files at 1 and 2 threads. A bad input gives one message and
# exit code 2; a rank that fails alone ends the job with its message instead of hanging it.
# Small runs: this is in .ci/run.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
common=(--scenario inputs/default --seed 5 --quiet)
declare -A cmd
cmd[run]="run --trajectories 400"
cmd[lhs]="run --trajectories 400 --sampling lhs" # strata built by every rank from the seed
cmd[precision]="run --precision 0.006 --max-trajectories 6000 --years 1"
cmd[sweep]="sweep --param global.volume_month --values 20000,200000,2000000 --trajectories 40 --years 2"
# a price-only parameter: the first point simulated, the others re-priced on each rank
cmd[sweep_price]="sweep --param payg.message_fee --values 0.01,0.02,0.03 --trajectories 40 --years 2"
cmd[tornado]="tornado --trajectories 30 --years 1"
cmd[sobol]="sobol --samples 8 --years 1"
pass=0 fail=0
# every file of one folder is in the other and the same (manifest.csv: its run-time rows aside)
same() {
  local a=$1 b=$2 what=$3 ok=1
  for f in "$a"/*.csv; do
    n=$(basename "$f")
    if [ "$n" = manifest.csv ]; then
      diff -q <(grep -Ev '^(threads|wall_seconds|created_utc),' "$f") \
        <(grep -Ev '^(threads|wall_seconds|created_utc),' "$b/$n") >/dev/null ||
        { echo "FAIL $what: manifest.csv differs"; ok=0; }
    else
      cmp -s "$f" "$b/$n" || { echo "FAIL $what: $n differs"; ok=0; }
    fi
  done
  [ "$(ls "$a" | wc -l)" = "$(ls "$b" | wc -l)" ] || { echo "FAIL $what: not the same files"; ok=0; }
  if [ $ok -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}
for c in run lhs precision sweep sweep_price tornado sobol; do
  # shellcheck disable=SC2086
  ./hostsim ${cmd[$c]} "${common[@]}" --threads 1 --out "$tmp/$c-one" >/dev/null ||
    { echo "FAIL $c: one process"; fail=$((fail + 1)); continue; }
  # shellcheck disable=SC2086
  if ./hostsim ${cmd[$c]} "${common[@]}" --threads 2 --out "$tmp/$c-t2" >/dev/null; then
    same "$tmp/$c-one" "$tmp/$c-t2" "$c, 2 threads"
  else
    echo "FAIL $c: 2 threads"
    fail=$((fail + 1))
  fi
  for np in 2 3; do
    t=1
    [ $np -eq 3 ] && t=2
    # shellcheck disable=SC2086
    out=$(mpirun --oversubscribe -np $np ./hostsim-mpi ${cmd[$c]} "${common[@]}" --threads $t \
      --out "$tmp/$c-np$np" 2>&1) || { echo "FAIL $c: mpirun -np $np: $out"; fail=$((fail + 1)); continue; }
    same "$tmp/$c-one" "$tmp/$c-np$np" "$c, mpirun -np $np"
  done
done
# a bad input: one message (rank 0's), exit code 2, nothing written
out=$(mpirun --oversubscribe -np 2 ./hostsim-mpi tornado --scenario inputs/default \
  --option nosuch --out "$tmp/bad" 2>&1)
rc=$?
n=$(printf '%s\n' "$out" | grep -c "unknown option 'nosuch'")
if [ $rc -ne 0 ] && [ "$n" = 1 ] && [ ! -e "$tmp/bad/tornado.csv" ]; then pass=$((pass + 1)); else
  echo "FAIL mpirun with a bad option: exit $rc, $n messages, output: $out"
  fail=$((fail + 1))
fi
# a rank that cannot read the scenario (the others can) ends the job with its message: no hang
printf '%s\n' '#!/bin/sh' 'S=inputs/default' \
  "[ \"\$OMPI_COMM_WORLD_RANK\" = 1 ] && S=$tmp/no-such-scenario" \
  "exec ./hostsim-mpi tornado --scenario \"\$S\" --trajectories 10 --years 1 --quiet --out $tmp/r1" \
  >"$tmp/rank1.sh"
chmod +x "$tmp/rank1.sh"
out=$(timeout 120 mpirun --oversubscribe -np 2 "$tmp/rank1.sh" 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 124 ] && printf '%s\n' "$out" | grep -q "MPI rank 1.*not a scenario folder"; then
  pass=$((pass + 1))
else
  echo "FAIL one rank without its scenario: exit $rc, output: $out"
  fail=$((fail + 1))
fi
echo "$pass passed, $fail failed (MPI -np 2 and -np 3, 1 and 2 threads, match one process)"
[ $fail -eq 0 ]
