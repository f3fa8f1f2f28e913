#!/usr/bin/env bash
# make bench: builds tests/bench/bench.c against the library and runs the fixed
# workload (default scenario, 10,000 trajectories, 5 years, all threads).
# Extra arguments go to the benchmark, e.g. tests/bench/run.sh -n 2000 -t 1. Without
# arguments it then runs tests/bench/sens.sh (tornado and sobol, with and without
# --exhaustive, against runs of 3,000 and 2,000; SENS_REPEATS repetitions, default 3).
set -eu
BUILD=${BUILD:-build}
mkdir -p "$BUILD/bench"
${CC:-gcc} -std=c11 -D_DEFAULT_SOURCE -DHOSTSIM_VERSION='"bench"' -Werror -O2 -g -Wall -Wextra \
  -Isim -I. -o "$BUILD/bench/bench" tests/bench/bench.c "$BUILD/libhostsim.a" \
  -lcsv -lgsl -lgslcblas -lpthread -lm
"$BUILD/bench/bench" "$@"
# the sensitivity commands against a run of comparable size (not with -f or other arguments:
# those are the scaling tables' runs)
if [ $# -eq 0 ]; then
    echo
    tests/bench/sens.sh ./hostsim "${SENS_REPEATS:-3}"
fi
