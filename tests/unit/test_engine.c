/* test_engine.c — what the engine promises around the models: a model that
 * fails, or a GSL error raised while a model runs, fails the trajectory
 * with where and why (sim_trajectory), and the run with the first failing
 * trajectory (runner_run), consuming nothing of its round; the workspace
 * stays usable; the models' order is checked against what they declare
 * they need and provide (sim_models_check, death tests).
 * The failing models below fail only in trajectories 3 and 9, option 1
 * (cloud_hosted in inputs/default), and do nothing otherwise.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_sf_log.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"
#include "run/runner.h"
#include "test_env.h"

extern const model_type model_traffic, model_security, model_outages, model_plans, model_capacity,
    model_assets, model_costs, model_benefits;

#define S_SEED 2385u

static int S_fails_here(const sim_work *w, const opt_work *o)
{
    return (w->traj == 3 || w->traj == 9) && o->index == 1;
}

static hs_status S_fail(sim_work *w, opt_work *o, hs_error *e)
{
    if (S_fails_here(w, o)) return hs_error_set(e, HS_ERR_RUNTIME, "broken on purpose");
    return HS_OK;
}

/* Raises a GSL error (the log of a negative number) and returns as if
 * nothing happened: what a model that ignores a GSL status would do. */
static hs_status S_gsl(sim_work *w, opt_work *o, hs_error *e)
{
    (void)e;
    if (S_fails_here(w, o)) (void)gsl_sf_log(-1.0);
    return HS_OK;
}

static const model_type S_failing = {.name = "failing", .option = S_fail};
static const model_type S_gsl_failing = {.name = "gsl_failing", .option = S_gsl};

/* The registry with m between outages and capacity: outages has written
 * w->down when m fails. */
static const model_type *const S_with_failing[] = {
    &model_traffic,  &model_security, &model_outages, &S_failing,      &model_plans,
    &model_capacity, &model_assets,   &model_costs,   &model_benefits, NULL};
static const model_type *const S_with_gsl[] = {
    &model_traffic,  &model_security, &model_outages, &S_gsl_failing,  &model_plans,
    &model_capacity, &model_assets,   &model_costs,   &model_benefits, NULL};

static sim_work *S_work(const S_env *v, const model_type *const *models)
{
    hs_error e = {0};
    sim_work *w = sim_work_new(v->plan, models, &e);
    cr_assert(w, "%s", e.msg);
    return w;
}

/* -------------------------------------------------------- trajectories */

Test(engine, a_failing_model_fails_the_trajectory_naming_option_and_model)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 2);
    sim_work *w = S_work(&v, S_with_failing);
    hs_error e = {0};
    cr_assert_eq(sim_trajectory(w, S_SEED, 3, 0, &e), HS_ERR_RUNTIME);
    cr_assert_eq(e.code, HS_ERR_RUNTIME);
    char want[256];
    snprintf(want, sizeof want, "option %s, model failing: broken on purpose", w->opt[1].so->name);
    cr_assert_str_eq(e.msg, want);
    /* outages ran before the failure and its clean-up ran after it */
    cr_assert(w->opt[1].merged.n > 0, "no outage: the clean-up is not exercised");
    for (long h = 0; h < v.plan->hours; h++)
        cr_assert(w->down[h] == 0.0f, "down[%ld] = %g left after the failure", h,
                  (double)w->down[h]);
    sim_work_free(w);
    S_env_free(&v);
}

Test(engine, the_workspace_gives_the_usual_results_after_a_failure)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 2);
    sim_work *w = S_work(&v, S_with_failing);
    hs_error e = {0};
    cr_assert_eq(sim_trajectory(w, S_SEED, 3, 0, &e), HS_ERR_RUNTIME);
    cr_assert_eq(sim_trajectory(w, S_SEED, 4, 1, &e), HS_OK, "%s", e.msg);
    S_traj(v.w, S_SEED, 4, 1); /* the registry's own workspace */
    for (int i = 0; i < w->nopt; i++) {
        cr_assert(memcmp(w->opt[i].met, v.w->opt[i].met, sizeof w->opt[i].met) == 0,
                  "option %d: the metrics differ from a fresh workspace's", i);
        cr_assert(memcmp(w->opt[i].day_down, v.w->opt[i].day_down,
                         (size_t)v.plan->days * sizeof(double)) == 0);
    }
    sim_work_free(w);
    S_env_free(&v);
}

Test(engine, a_gsl_error_fails_the_trajectory_with_reason_file_and_line)
{
    hs_gsl_init();
    S_env v = S_env_new("inputs/default", NULL, 0, 1);
    sim_work *w = S_work(&v, S_with_gsl);
    hs_error e = {0};
    cr_assert_eq(sim_trajectory(w, S_SEED, 3, 0, &e), HS_ERR_RUNTIME);
    char want[256];
    snprintf(want, sizeof want, "option %s, model gsl_failing: GSL error at ", w->opt[1].so->name);
    cr_assert(strncmp(e.msg, want, strlen(want)) == 0, "%s", e.msg);
    const char *file = e.msg + strlen(want), *colon = strstr(file, ".c:");
    cr_assert(colon && colon > file && colon[3] >= '1' && colon[3] <= '9', "no file:line in '%s'",
              e.msg);
    cr_assert(strstr(e.msg, "domain error"), "no reason in '%s'", e.msg);
    sim_work_free(w);
    S_env_free(&v);
}

Test(engine, a_gsl_error_before_the_trajectory_is_not_the_trajectorys)
{
    hs_gsl_init();
    S_env v = S_env_new("inputs/default", NULL, 0, 1);
    (void)gsl_sf_log(-1.0); /* recorded for this thread, never taken */
    hs_error e = {0};
    cr_assert_eq(sim_trajectory(v.w, S_SEED, 3, 0, &e), HS_OK, "%s", e.msg);
    (void)gsl_sf_log(-1.0);
    cr_assert_eq(hs_gsl_take(&e), HS_ERR_RUNTIME, "the handler recorded nothing");
    cr_assert_eq(hs_gsl_take(&e), HS_OK, "taking the record did not forget it");
    S_env_free(&v);
}

/* ------------------------------------------------------------- the run */

static hs_status S_count(void *ctx, uint64_t run, const double *rec, hs_error *e)
{
    (void)run, (void)rec, (void)e;
    ++*(int *)ctx;
    return HS_OK;
}

/* Runs 20 trajectories of inputs/default with models on `threads` threads;
 * the run must fail with a message starting with want; nothing is consumed. */
static void S_run_fails(const model_type *const *models, int threads, const char *want)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 1);
    runner_opts ro = {0};
    ro.seed = S_SEED;
    ro.count = 20;
    ro.threads = threads;
    ro.models = models;
    int consumed = 0;
    uint64_t done = 99;
    hs_error e = {0};
    cr_assert_eq(runner_run(v.plan, &ro, S_count, &consumed, &done, &e), HS_ERR_RUNTIME,
                 "threads %d: %s", threads, e.msg);
    cr_assert(strncmp(e.msg, want, strlen(want)) == 0, "threads %d: '%s' does not start '%s'",
              threads, e.msg, want);
    cr_assert_eq(consumed, 0, "threads %d: %d records consumed", threads, consumed);
    cr_assert_eq(done, 0);
    S_env_free(&v);
}

Test(runner, a_failing_trajectory_fails_the_run_with_the_first_failure_on_any_threads)
{
    S_run_fails(S_with_failing, 1, "trajectory 3: option cloud_hosted, model failing: broken");
    S_run_fails(S_with_failing, 2, "trajectory 3: option cloud_hosted, model failing: broken");
}

Test(runner, a_gsl_error_in_a_worker_thread_fails_the_run)
{
    hs_gsl_init();
    S_run_fails(S_with_gsl, 2,
                "trajectory 3: option cloud_hosted, model gsl_failing: GSL error at ");
}

Test(runner, the_registry_runs_to_the_end)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 1);
    runner_opts ro = {0};
    ro.seed = S_SEED;
    ro.count = 20;
    ro.threads = 2;
    int consumed = 0;
    uint64_t done = 0;
    hs_error e = {0};
    cr_assert_eq(runner_run(v.plan, &ro, S_count, &consumed, &done, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(consumed, 20);
    cr_assert_eq(done, 20);
    S_env_free(&v);
}

/* ------------------------------------------------------ models' order */

Test(engine, the_registry_is_in_an_order_its_models_accept)
{
    sim_models_check(models_registry);
    cr_assert(model_capacity.needs & SIM_DOWNTIME, "capacity declares it reads the downtime");
    cr_assert(model_outages.provides & SIM_DOWNTIME);
}

Test(engine, capacity_before_outages_aborts, .signal = SIGABRT)
{
    const model_type *const bad[] = {&model_traffic, &model_security, &model_plans, &model_capacity,
                                     &model_outages, &model_assets,   &model_costs, NULL};
    sim_models_check(bad);
}

Test(engine, security_after_outages_aborts, .signal = SIGABRT)
{
    /* security's breach outages would be pushed after outages merged the list */
    const model_type *const bad[] = {&model_traffic,  &model_outages, &model_security, &model_plans,
                                     &model_capacity, &model_assets,  &model_costs,    NULL};
    sim_models_check(bad);
}

Test(engine, a_model_whose_product_nobody_makes_aborts, .signal = SIGABRT)
{
    const model_type *const bad[] = {&model_security, &model_outages, &model_plans, &model_capacity,
                                     &model_assets,   &model_costs,   NULL}; /* no traffic */
    sim_models_check(bad);
}

static hs_status S_traj_nop(sim_work *w, hs_error *e)
{
    (void)w, (void)e;
    return HS_OK;
}

Test(engine, a_model_with_both_hooks_aborts, .signal = SIGABRT)
{
    const model_type both = {.name = "both", .trajectory = S_traj_nop, .option = S_fail};
    const model_type *const bad[] = {&model_traffic, &both, NULL};
    sim_models_check(bad);
}

Test(engine, a_workspace_for_models_out_of_order_is_never_made, .signal = SIGABRT)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 1);
    const model_type *const bad[] = {&model_traffic, &model_security, &model_plans, &model_capacity,
                                     &model_outages, &model_assets,   &model_costs, NULL};
    hs_error e = {0};
    sim_work_new(v.plan, bad, &e);
}
