/* test_fuzz_regressions.c — replays every input the fuzzer once crashed on
 * (tests/data/fuzz-regressions/) through the fuzz target itself; under
 * `make asan` a leak or an invalid access fails the test. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "fuzz_replay.h"

#include "../fuzz/fuzz_scenario.c"

Test(fuzz, every_regression_input_loads_without_crashing)
{
    int n = fuzz_replay_dir("tests/data/fuzz-regressions", LLVMFuzzerTestOneInput);
    cr_assert(n >= 1, "no regression inputs found");
}
