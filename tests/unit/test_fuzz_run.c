/* test_fuzz_run.c — replays every input of tests/data/fuzz-run-regressions/ through the
 * simulation fuzz target (tests/fuzz/fuzz_run.c): a scenario, --set values, one trajectory.
 * Each was a crash, a hang or an accepted bad value before its fix (the asset cost
 * normal(-100,1), an overhaul every 1e-9 months, a PERT lambda of 1e8); under `make asan`
 * an invalid access or a leak fails the test, and a hang its timeout. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_RUN_ENTRY S_fuzz_run_one
#include "../fuzz/fuzz_run.c"

Test(fuzz, every_run_regression_input_simulates_without_crashing, .timeout = 60)
{
    DIR *d = opendir("tests/data/fuzz-run-regressions");
    cr_assert(d, "tests/data/fuzz-run-regressions is missing");
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "tests/data/fuzz-run-regressions/%s", de->d_name);
        FILE *f = fopen(path, "rb");
        cr_assert(f, "%s", path);
        static uint8_t buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        cr_assert_eq(S_fuzz_run_one(buf, len), 0, "%s", path);
        n++;
    }
    closedir(d);
    cr_assert(n >= 5, "%d regression inputs found", n);
}
