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
# Latin hypercube strata are built by every rank from the seed: the same files too
./hostsim "${args[@]}" --sampling lhs --out "$tmp/one-lhs" || exit 1
mpirun --oversubscribe -np 2 ./hostsim-mpi "${args[@]}" --sampling lhs --out "$tmp/two-lhs" || { echo "FAIL mpirun lhs"; exit 1; }
fail=0
for d in two three two-lhs; do
  one=one; [ "$d" = two-lhs ] && one=one-lhs
  for f in summary compare monthly hist cdf daily params sensitivity correlations; do
    cmp -s "$tmp/$one/$f.csv" "$tmp/$d/$f.csv" || { echo "FAIL $f.csv differs ($d ranks)"; fail=1; }
  done
done
[ $fail -eq 0 ] && echo "3 passed, 0 failed (MPI -np 2 and -np 3 match one process, also with --sampling lhs)"
exit $fail
