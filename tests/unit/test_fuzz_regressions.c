/* test_fuzz_regressions.c — replays every input the fuzzer once crashed on
 * (tests/data/fuzz-regressions/) through the fuzz target itself; under
 * `make asan` a leak or an invalid access fails the test. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "../fuzz/fuzz_scenario.c"

Test(fuzz, every_regression_input_loads_without_crashing)
{
    DIR *d = opendir("tests/data/fuzz-regressions");
    cr_assert(d, "tests/data/fuzz-regressions is missing");
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "tests/data/fuzz-regressions/%s", de->d_name);
        FILE *f = fopen(path, "rb");
        cr_assert(f, "%s", path);
        static uint8_t buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        cr_assert_eq(LLVMFuzzerTestOneInput(buf, len), 0, "%s", path);
        n++;
    }
    closedir(d);
    cr_assert(n >= 1, "no regression inputs found");
}
