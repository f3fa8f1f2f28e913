/* test_skip.c — options left out of a run (runner_opts.skip, sim_work.skip): the options
 * simulated give, bit for bit, the numbers of a run of every option, and so does fixing a
 * parameter of an option left out. That is what lets tornado and sobol report an input of an
 * option outside the target as exactly zero without simulating it (sens_input_moves).
 *
 * Default scenario (four options) over two years, seed 2385, 70 runs (more than one round of
 * 64 for one thread), on 1 and 2 threads.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run/runner.h"
#include "test_env.h"
#include "test_records.h"

#define S_SEED 2385
#define S_COUNT 70

/* self_hosted.capacity_rps (option 0) at 187.3 req/s, inside its uniform(150,200) */
static uint64_t S_fix_option0(void *ctx, uint64_t run, double *fixed_g, double *fixed_o)
{
    (void)ctx;
    (void)fixed_g;
    fixed_o[0 * PO_COUNT + PO_capacity_rps] = 187.3;
    return run;
}

static double *S_run(const S_env *v, uint32_t skip, int threads, runner_prepare_fn prepare)
{
    runner_opts o = {
        .seed = S_SEED, .count = S_COUNT, .threads = threads, .prepare = prepare, .skip = skip};
    return S_run_records(v->plan, &o);
}

/* Option i's part of record k of `got` is that of `want`: metrics, cumulative costs and
 * values, sampled parameters (every option's, skipped or not, are sampled). */
static void S_same_option(const runner_layout *L, const double *want, const double *got, int i,
                          const char *what)
{
    for (size_t k = 0; k < S_COUNT; k++) {
        const double *a = want + k * L->size, *b = got + k * L->size;
        cr_assert_eq(memcmp(a + L->met + (size_t)i * MET_COUNT, b + L->met + (size_t)i * MET_COUNT,
                            MET_COUNT * sizeof(double)),
                     0, "%s: run %zu, option %d: metrics differ (seed %d)", what, k, i, S_SEED);
        cr_assert_eq(memcmp(a + L->cum + (size_t)i * L->months, b + L->cum + (size_t)i * L->months,
                            (size_t)L->months * sizeof(double)),
                     0, "%s: run %zu, option %d: monthly costs differ", what, k, i);
        cr_assert_eq(memcmp(a + L->vcum + (size_t)i * L->months,
                            b + L->vcum + (size_t)i * L->months,
                            (size_t)L->months * sizeof(double)),
                     0, "%s: run %zu, option %d: monthly values differ", what, k, i);
        cr_assert_eq(memcmp(a + L->g, b + L->g, PG_COUNT * sizeof(double)), 0,
                     "%s: run %zu: sampled globals differ", what, k);
    }
}

static void S_all_nan(const runner_layout *L, const double *got, int i)
{
    for (size_t k = 0; k < S_COUNT; k++)
        for (int m = 0; m < MET_COUNT; m++)
            cr_assert(isnan(got[k * L->size + L->met + (size_t)i * MET_COUNT + m]),
                      "run %zu: option %d was left out but its metric %s is %g", k, i,
                      metrics_defs[m].name, got[k * L->size + L->met + (size_t)i * MET_COUNT + m]);
}

Test(skip, options_simulated_match_a_run_of_every_option_bit_for_bit)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 2);
    cr_assert_eq(v.sc->nopt, 4);
    const runner_layout L = runner_layout_of(v.plan);
    double *full = S_run(&v, 0, 1, NULL);
    const uint32_t skips[] = {0x3u /* saas and payg */, 0xDu /* cloud_hosted */, 0x6u};
    for (size_t s = 0; s < sizeof skips / sizeof *skips; s++)
        for (int threads = 1; threads <= 2; threads++) {
            double *part = S_run(&v, skips[s], threads, NULL);
            for (int i = 0; i < 4; i++) {
                if (skips[s] >> i & 1u)
                    S_all_nan(&L, part, i);
                else
                    S_same_option(&L, full, part, i, "skip mask");
            }
            free(part);
        }
    free(full);
    S_env_free(&v);
}

Test(skip, a_parameter_of_an_option_left_out_moves_nothing_simulated)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 2);
    const runner_layout L = runner_layout_of(v.plan);
    double *full = S_run(&v, 0, 2, NULL);
    double *fixed = S_run(&v, 0x1u, 2, S_fix_option0); /* self_hosted left out and fixed */
    for (int i = 1; i < 4; i++)
        S_same_option(&L, full, fixed, i, "self_hosted.capacity_rps fixed");
    /* and the fix does reach the option when it is simulated: the test can fail */
    double *seen = S_run(&v, 0, 2, S_fix_option0);
    int differs = 0;
    for (size_t k = 0; k < S_COUNT; k++)
        differs |=
            full[k * L.size + L.met + MET_overflow_hours] !=
                seen[k * L.size + L.met + MET_overflow_hours] ||
            full[k * L.size + L.o + PO_capacity_rps] != seen[k * L.size + L.o + PO_capacity_rps];
    cr_assert(differs, "fixing self_hosted.capacity_rps changed nothing of self_hosted");
    free(full);
    free(fixed);
    free(seen);
    S_env_free(&v);
}
