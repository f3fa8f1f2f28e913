/* fuzz_run.c — libFuzzer target for the whole simulation: scenario, --set values, the models
 * (make fuzz; CI runs it for half the fuzzing time, fuzz_scenario.c the other half).
 *
 * Input layout: the first line is a list of --set assignments separated by '|' (e.g.
 * "global.volume_month=1|on_prem.overhaul_interval=uniform(1,3)"); the rest is split on
 * lines "%%%%" into params.csv, profile.csv, calendar.csv, assets.csv, plans.csv and
 * correlations.csv of a scenario folder, as in fuzz_scenario.c. The scenario is loaded, overridden,
 * finalized and checked against the horizon as `hostsim validate` does; when it is valid, one
 * trajectory of one year runs through every model. An input error is an expected outcome; a crash,
 * leak, undefined behaviour, a hang (libFuzzer's -timeout), a valid scenario whose trajectory
 * fails, or a finite-looking success with a NaN or infinity in the metrics is a bug.
 * Crashes found become regression files under tests/data/fuzz-run-regressions/ (replayed by
 * tests/unit/test_fuzz_run.c).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hs_error.h"
#include "engine/engine.h"
#include "scenario/scenario.h"

#include "fuzz_files.h"

/* tests/unit/test_fuzz_run.c includes this file beside fuzz_scenario.c under another name */
#ifndef FUZZ_RUN_ENTRY
#define FUZZ_RUN_ENTRY LLVMFuzzerTestOneInput
#endif
int FUZZ_RUN_ENTRY(const uint8_t *data, size_t size);

#define S_MAX_SETS 8

static char S_run_dir[64];

static void S_run_write(const char *name, const uint8_t *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", S_run_dir, name);
    unlink(path);
    if (!p) return;
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (n && fwrite(p, 1, n, f) != n) abort();
    fclose(f);
}

/* Runs one trajectory of one year of a valid scenario; aborts on what must not happen. */
static void S_simulate(const scenario *sc)
{
    hs_error e = {0};
    sim_plan *plan = sim_plan_new(sc, (cal_date){2027, 1, 1}, 1, &e);
    if (!plan) {
        if (e.code != HS_ERR_INPUT) abort(); /* a valid scenario has a plan */
        return;
    }
    sim_work *w = sim_work_new(plan, NULL, &e);
    if (!w) abort();
    hs_status st = sim_trajectory(w, 1, 0, 1, &e);
    if (st != HS_OK) { /* the loader's bounds must keep every model finite */
        fprintf(stderr, "fuzz_run: a valid scenario failed its trajectory: %s\n", e.msg);
        abort();
    }
    for (int o = 0; o < w->nopt; o++)
        for (int m = 0; m < MET_COUNT; m++)
            if (!isfinite(w->opt[o].met[m])) abort();
    sim_work_free(w);
    sim_plan_free(plan);
}

int FUZZ_RUN_ENTRY(const uint8_t *data, size_t size)
{
    if (!S_run_dir[0]) {
        snprintf(S_run_dir, sizeof S_run_dir, "/tmp/hostsim-fuzz-run-XXXXXX");
        if (!mkdtemp(S_run_dir)) abort();
        hs_gsl_init();
    }
    const uint8_t *end = data + size, *nl = memchr(data, '\n', size);
    const uint8_t *p = nl ? nl + 1 : end;
    char *sets = malloc((size_t)(p - data) + 1);
    if (!sets) abort();
    memcpy(sets, data, (size_t)(p - data));
    sets[p - data] = '\0';
    if (nl) sets[nl - data] = '\0';
    fuzz_files_split(p, end, S_run_write);
    hs_error e = {0};
    scenario *sc = scenario_load(S_run_dir, &e);
    if (!sc) {
        if (e.code != HS_ERR_INPUT && e.code != HS_ERR_RUNTIME) abort();
        free(sets);
        return 0;
    }
    int ok = 1, n = 0;
    for (char *s = sets, *bar; ok && s && *s && n < S_MAX_SETS; s = bar ? bar + 1 : NULL, n++) {
        bar = strchr(s, '|');
        if (bar) *bar = '\0';
        ok = scenario_set(sc, s, &e) == HS_OK;
        if (!ok && e.code != HS_ERR_INPUT) abort();
    }
    if (ok && scenario_finalize(sc, &e) == HS_OK &&
        scenario_check_horizon(sc, (cal_date){2027, 1, 1}, 1, &e) == HS_OK)
        S_simulate(sc);
    scenario_free(sc);
    free(sets);
    return 0;
}
