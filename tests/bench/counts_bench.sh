#!/bin/sh
# counts_bench.sh — build and run the count-sampler micro-benchmark.
#
# Compiles tests/bench/counts_bench.c with sim/engine/counts.c directly (the same
# flags as the library, so it does not depend on the rest of the tree
# building) into $BUILD/bench/counts_bench, then runs it with any arguments
# given: counts_bench.sh [DRAWS [REPS]]. Run from the repository root.
set -eu

CC=${CC:-gcc}
BUILD=${BUILD:-build}
OPT=${OPT:--O2}
FLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -pedantic -Wshadow \
-Wstrict-prototypes -Wmissing-prototypes -Werror $OPT -Isim -I."

mkdir -p "$BUILD/bench"
# shellcheck disable=SC2086 # FLAGS is a list of words
$CC $FLAGS -o "$BUILD/bench/counts_bench" tests/bench/counts_bench.c sim/engine/counts.c \
    -lgsl -lgslcblas -lpthread -lm
exec "$BUILD/bench/counts_bench" "$@"
