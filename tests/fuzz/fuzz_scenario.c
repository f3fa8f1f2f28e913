/* fuzz_scenario.c — libFuzzer target for the scenario loader and the SPEC
 * parser (make fuzz; CI runs it for 60 s).
 *
 * Input layout: if the first byte is '=', the rest is one SPEC cell for
 * spec_parse (and, when valid, its quantiles and moments). Otherwise the
 * input is split on lines "%%%%" into params.csv, profile.csv, calendar.csv,
 * assets.csv, plans.csv and correlations.csv of a scenario folder, which is loaded, overridden with
 * a
 * --set, finalized and freed. Any crash, leak or undefined behaviour is a
 * bug; an input error is an expected outcome. Crashes found become
 * regression files under tests/data/fuzz-regressions/ (replayed by
 * tests/unit/test_fuzz_regressions.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hs_error.h"
#include "scenario/scenario.h"
#include "scenario/spec.h"

#include "fuzz_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char S_dir[64];

static void S_write(const char *name, const uint8_t *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", S_dir, name);
    if (!p) {
        unlink(path);
        return;
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (n && fwrite(p, 1, n, f) != n) abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!S_dir[0]) {
        snprintf(S_dir, sizeof S_dir, "/tmp/hostsim-fuzz-XXXXXX");
        if (!mkdtemp(S_dir)) abort();
        hs_gsl_init();
    }
    if (size > 0 && data[0] == '=') {
        char *t = malloc(size);
        memcpy(t, data + 1, size - 1);
        t[size - 1] = '\0';
        spec s;
        int col;
        char msg[512];
        if (spec_parse(t, &s, &col, msg, sizeof msg) == 0) {
            (void)spec_mean(&s);
            (void)spec_quantile(&s, 0.1);
            (void)spec_quantile(&s, 0.9);
        } else if (col < 0 || (size_t)col > size)
            abort();
        free(t);
        return 0;
    }
    fuzz_files_split(data, data + size, S_write);
    hs_error e = {0};
    scenario *sc = scenario_load(S_dir, &e);
    if (sc) {
        scenario_set(sc, "global.volume_month=tri(1,2,3)", &e);
        if (scenario_finalize(sc, &e) == HS_OK) {
            cal_date start = {2027, 1, 1};
            scenario_check_horizon(sc, start, 5, &e);
        }
        scenario_free(sc);
    } else if (e.code != HS_ERR_INPUT && e.code != HS_ERR_RUNTIME)
        abort();
    return 0;
}
