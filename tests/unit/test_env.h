/* test_env.h — a loaded scenario, its plan and a workspace, for the model
 * tests (test_models.c, test_demand.c, test_perf_equivalence.c). Every
 * failure stops the test with the loader's message. */
#ifndef TEST_ENV_H
#define TEST_ENV_H

#include <criterion/criterion.h>

#include "engine/engine.h"
#include "scenario/scenario.h"

/* dir with the --set overrides sets[0..nsets-1], finalized. */
static inline scenario *S_load(const char *dir, const char *const *sets, int nsets)
{
    hs_error e = {0};
    scenario *sc = scenario_load(dir, &e);
    cr_assert(sc, "load %s: %s", dir, e.msg);
    for (int i = 0; i < nsets; i++)
        cr_assert(scenario_set(sc, sets[i], &e) == HS_OK, "%s", e.msg);
    cr_assert(scenario_finalize(sc, &e) == HS_OK, "%s", e.msg);
    return sc;
}

typedef struct {
    scenario *sc;
    sim_plan *plan;
    sim_work *w;
} S_env;

/* The scenario, its plan from 2027-01-01 over `years`, a workspace. */
static inline S_env S_env_new(const char *dir, const char *const *sets, int nsets, int years)
{
    S_env v;
    hs_error e = {0};
    v.sc = S_load(dir, sets, nsets);
    v.plan = sim_plan_new(v.sc, (cal_date){2027, 1, 1}, years, &e);
    cr_assert(v.plan, "%s", e.msg);
    v.w = sim_work_new(v.plan, NULL, &e);
    cr_assert(v.w, "%s", e.msg);
    return v;
}

/* Runs trajectory traj of seed on w; any failure stops the test. */
static inline void S_traj(sim_work *w, uint64_t seed, uint64_t traj, int sample_days)
{
    hs_error e = {0};
    cr_assert(sim_trajectory(w, seed, traj, sample_days, &e) == HS_OK,
              "seed %llu trajectory %llu: %s", (unsigned long long)seed, (unsigned long long)traj,
              e.msg);
}

static inline void S_env_free(S_env *v)
{
    sim_work_free(v->w);
    sim_plan_free(v->plan);
    scenario_free(v->sc);
}

#endif
