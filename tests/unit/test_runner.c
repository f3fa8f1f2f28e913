/* test_runner.c — the runner (sim/run/runner.c): the consumer sees every run of [first,
 * first + count) once, in order, and the records are the same whatever the thread count
 * (runner.h: a trajectory depends only on (seed, index)).
 *
 * Scenario tests/data/good over one year, seed 2385; 150 runs from run 5, which is more than
 * one round for one thread (64) and not a whole number of rounds for any thread count tried.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "run/runner.h"
#include "test_env.h"

#define S_SEED 2385
#define S_FIRST 5
#define S_COUNT 150

typedef struct {
    size_t size;      /* doubles per record */
    uint64_t next;    /* the run expected next */
    uint64_t stop_at; /* fail the consumer at this run (UINT64_MAX: never) */
    double *recs;     /* [S_COUNT][size] */
    int out_of_order; /* a run came out of order */
} S_sink;

static hs_status S_consume(void *ctx, uint64_t run, const double *rec, hs_error *e)
{
    S_sink *s = ctx;
    if (run != s->next) s->out_of_order = 1;
    if (run == s->stop_at)
        return hs_error_set(e, HS_ERR_RUNTIME, "consumer stops at %llu", (unsigned long long)run);
    cr_assert(run >= S_FIRST && run < S_FIRST + S_COUNT, "run %llu out of range",
              (unsigned long long)run);
    memcpy(s->recs + (run - S_FIRST) * s->size, rec, s->size * sizeof *rec);
    s->next = run + 1;
    return HS_OK;
}

/* Runs S_COUNT trajectories from S_FIRST on THREADS threads; the records, in run order. */
static double *S_run(const S_env *v, int threads, runner_prepare_fn prepare)
{
    runner_layout L = runner_layout_of(v->plan);
    S_sink s = {L.size, S_FIRST, UINT64_MAX, malloc(S_COUNT * L.size * sizeof(double)), 0};
    cr_assert_not_null(s.recs);
    runner_opts o = {
        .seed = S_SEED, .first = S_FIRST, .count = S_COUNT, .threads = threads, .prepare = prepare};
    uint64_t done = 0;
    hs_error e = {0};
    cr_assert_eq(runner_run(v->plan, &o, S_consume, &s, &done, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(done, (uint64_t)S_COUNT, "%d threads", threads);
    cr_assert_not(s.out_of_order, "%d threads: runs reached the consumer out of order", threads);
    cr_assert_eq(s.next, (uint64_t)(S_FIRST + S_COUNT));
    return s.recs;
}

Test(runner, records_are_the_same_for_1_2_3_and_7_threads)
{
    S_env v = S_env_new("tests/data/good", NULL, 0, 1);
    const size_t size = runner_layout_of(v.plan).size;
    double *one = S_run(&v, 1, NULL);
    const int threads[] = {2, 3, 7};
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        double *other = S_run(&v, threads[t], NULL);
        for (size_t k = 0; k < S_COUNT; k++)
            cr_assert_eq(memcmp(one + k * size, other + k * size, size * sizeof(double)), 0,
                         "run %zu differs between 1 and %d threads (seed %d)", S_FIRST + k,
                         threads[t], S_SEED);
        free(other);
    }
    free(one);
    S_env_free(&v);
}

Test(runner, record_k_is_trajectory_first_plus_k)
{
    S_env v = S_env_new("tests/data/good", NULL, 0, 1);
    const runner_layout L = runner_layout_of(v.plan);
    double *recs = S_run(&v, 2, NULL);
    const size_t picks[] = {0, 1, 63, 64, 149};
    for (size_t p = 0; p < sizeof picks / sizeof *picks; p++) {
        const size_t k = picks[p];
        hs_error e = {0};
        cr_assert_eq(sim_trajectory(v.w, S_SEED, S_FIRST + k, 0, &e), HS_OK, "%s", e.msg);
        const double *rec = recs + k * L.size;
        for (int i = 0; i < L.nopt; i++)
            cr_assert_eq(memcmp(rec + L.met + (size_t)i * MET_COUNT, v.w->opt[i].met,
                                MET_COUNT * sizeof(double)),
                         0, "record %zu, option %d: not trajectory %zu", k, i, S_FIRST + k);
        cr_assert_eq(memcmp(rec + L.g, v.w->g, PG_COUNT * sizeof(double)), 0,
                     "record %zu: sampled globals are not trajectory %zu's", k, S_FIRST + k);
        /* the cumulative cost of the last month is the option's tco */
        for (int i = 0; i < L.nopt; i++) {
            double last = rec[L.cum + (size_t)i * L.months + (size_t)L.months - 1];
            double tco = rec[L.met + (size_t)i * MET_COUNT + MET_tco];
            cr_assert_float_eq(last, tco, 1e-9 * tco, "record %zu, option %d", k, i);
        }
    }
    /* and neighbouring runs differ: each record has its own stream */
    cr_assert_neq(memcmp(recs, recs + L.size, L.size * sizeof(double)), 0);
    free(recs);
    S_env_free(&v);
}

/* prepare: run r is drawn from trajectory 2 r + 1's stream. */
static uint64_t S_odd_key(void *ctx, uint64_t run, double *fixed_g, double *fixed_o)
{
    (void)ctx, (void)fixed_g, (void)fixed_o;
    return 2 * run + 1;
}

Test(runner, prepare_chooses_the_stream_of_each_run)
{
    S_env v = S_env_new("tests/data/good", NULL, 0, 1);
    const runner_layout L = runner_layout_of(v.plan);
    double *one = S_run(&v, 1, S_odd_key), *three = S_run(&v, 3, S_odd_key);
    cr_assert_eq(memcmp(one, three, S_COUNT * L.size * sizeof(double)), 0);
    hs_error e = {0};
    cr_assert_eq(sim_trajectory(v.w, S_SEED, 2 * (S_FIRST + 10) + 1, 0, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(memcmp(one + 10 * L.size + L.met, v.w->opt[0].met, MET_COUNT * sizeof(double)), 0,
                 "run %d is trajectory %d", S_FIRST + 10, 2 * (S_FIRST + 10) + 1);
    free(one);
    free(three);
    S_env_free(&v);
}

Test(runner, a_failing_consumer_stops_the_run_with_its_error)
{
    S_env v = S_env_new("tests/data/good", NULL, 0, 1);
    runner_layout L = runner_layout_of(v.plan);
    S_sink s = {L.size, S_FIRST, S_FIRST + 100, malloc(S_COUNT * L.size * sizeof(double)), 0};
    runner_opts o = {.seed = S_SEED, .first = S_FIRST, .count = S_COUNT, .threads = 2};
    uint64_t done = 0;
    hs_error e = {0};
    cr_assert_eq(runner_run(v.plan, &o, S_consume, &s, &done, &e), HS_ERR_RUNTIME);
    cr_assert_str_eq(e.msg, "consumer stops at 105");
    cr_assert_eq(done, 100u, "the runs consumed before the failure");
    cr_assert_eq(s.next, (uint64_t)(S_FIRST + 100));
    free(s.recs);
    S_env_free(&v);
}
