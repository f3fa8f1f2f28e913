/* test_fuzz_run.c — replays every input of tests/data/fuzz-run-regressions/ through the
 * simulation fuzz target (tests/fuzz/fuzz_run.c): a scenario, --set values, one trajectory.
 * Each was a crash, a hang or an accepted bad value before its fix (the asset cost
 * normal(-100,1), an overhaul every 1e-9 months, a PERT lambda of 1e8); under `make asan`
 * an invalid access or a leak fails the test, and a hang its timeout. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "fuzz_replay.h"

#define FUZZ_RUN_ENTRY S_fuzz_run_one
#include "../fuzz/fuzz_run.c"

Test(fuzz, every_run_regression_input_simulates_without_crashing, .timeout = 60)
{
    int n = fuzz_replay_dir("tests/data/fuzz-run-regressions", S_fuzz_run_one);
    cr_assert(n >= 5, "%d regression inputs found", n);
}
