#!/usr/bin/env bash
# The MPI build (make mpi) with 2 ranks writes the same files as one process.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
args=(run --scenario inputs/default --trajectories 400 --seed 5 --threads 1 --quiet)
./hostsim "${args[@]}" --out "$tmp/one" || exit 1
mpirun --oversubscribe -np 2 ./hostsim-mpi "${args[@]}" --out "$tmp/two" || { echo "FAIL mpirun"; exit 1; }
mpirun --oversubscribe -np 3 ./hostsim-mpi "${args[@]}" --threads 2 --out "$tmp/three" || { echo "FAIL mpirun -np 3"; exit 1; }
fail=0
for d in two three; do
  for f in summary compare monthly hist cdf daily params sensitivity; do
    cmp -s "$tmp/one/$f.csv" "$tmp/$d/$f.csv" || { echo "FAIL $f.csv differs ($d ranks)"; fail=1; }
  done
done
[ $fail -eq 0 ] && echo "2 passed, 0 failed (MPI -np 2 and -np 3 match one process)"
exit $fail
