/* test_sampling.c — correlated inputs (scenario/correlations.c, the copula of
 * engine/sampling.c) and Latin hypercube sampling, through the runner's records.
 *
 * tests/data/corr is tests/data/good with correlations.csv: global.volume_month ~
 * saas_plan.plan_fee at Spearman 0.8, on_prem.capacity_rps ~ on_prem.outage_rate at -0.35.
 * Fixed seeds; a failing test prints the seed. Tolerances: 3 standard errors of the estimate
 * (Spearman: (1 - rho^2) sqrt((1 + rho^2/2) / (n - 3)), Bonett & Wright 2000; an empirical
 * CDF at a point: sqrt(p (1 - p) / n)).
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/sampling.h"
#include "run/rankcorr.h"
#include "run/runner.h"
#include "test_env.h"
#include "test_records.h"

#define S_SEED 2385
#define S_N 3000

/* n records of runs [0, n) on `threads` threads (caller frees). */
static double *S_records(const S_env *v, uint64_t n, int threads, const sampling_lhs *lhs)
{
    runner_opts o = {.seed = S_SEED, .first = 0, .count = n, .threads = threads, .lhs = lhs};
    return S_run_records(v->plan, &o);
}

/* The column of one sampled value over the records: global parameter pg (opt < 0) or PO
 * parameter po of option opt. Caller frees. */
static double *S_column(const S_env *v, const double *recs, uint64_t n, int opt, int index)
{
    runner_layout L = runner_layout_of(v->plan);
    double *x = malloc(n * sizeof *x);
    size_t at = opt < 0 ? L.g + (size_t)index : L.o + (size_t)opt * PO_COUNT + (size_t)index;
    for (uint64_t k = 0; k < n; k++)
        x[k] = recs[k * L.size + at];
    return x;
}

/* The strata of a run of n trajectories. */
static sampling_lhs *S_lhs(const S_env *v, uint64_t n)
{
    hs_error e = {0};
    sampling_lhs *lhs = sampling_lhs_new(v->sc, S_SEED, n, &e);
    cr_assert_not_null(lhs, "%s", e.msg);
    return lhs;
}

static double S_se(double rho, size_t n)
{
    return (1 - rho * rho) * sqrt((1 + rho * rho / 2) / (double)(n - 3));
}

/* The empirical CDF of x at the spec's p-quantile is p within 3 standard errors. */
static void S_check_marginal(const double *x, size_t n, const spec *s, const char *name)
{
    const double ps[] = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};
    for (size_t i = 0; i < sizeof ps / sizeof *ps; i++) {
        const double q = spec_quantile(s, ps[i]);
        size_t below = 0;
        for (size_t k = 0; k < n; k++)
            below += x[k] <= q;
        const double got = (double)below / n, tol = 3 * sqrt(ps[i] * (1 - ps[i]) / n);
        cr_expect(fabs(got - ps[i]) <= tol,
                  "%s: share below its p%.0f quantile %g is %g, expected %g +- %g (seed %d)", name,
                  100 * ps[i], q, got, ps[i], tol, S_SEED);
    }
}

Test(sampling, rank_correlation_0_8_is_achieved_within_its_se_with_both_marginals_kept)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const int saas = scenario_option_index(v.sc, "saas_plan");
    double *recs = S_records(&v, S_N, 2, NULL);
    double *vol = S_column(&v, recs, S_N, -1, PG_volume_month);
    double *fee = S_column(&v, recs, S_N, saas, PO_plan_fee);
    double rho;
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(vol, fee, S_N, &rho, &e), HS_OK, "%s", e.msg);
    cr_expect(fabs(rho - 0.8) <= 3 * S_se(0.8, S_N), "Spearman %g, expected 0.8 +- %g (seed %d)",
              rho, 3 * S_se(0.8, S_N), S_SEED);
    S_check_marginal(vol, S_N, &v.sc->g[PG_volume_month].s, "global.volume_month");
    S_check_marginal(fee, S_N, &v.sc->opt[saas].p[PO_plan_fee].s, "saas_plan.plan_fee");
    free(vol);
    free(fee);
    free(recs);
    S_env_free(&v);
}

Test(sampling, a_negative_correlation_inside_one_option_is_achieved)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const int op = scenario_option_index(v.sc, "on_prem");
    double *recs = S_records(&v, S_N, 2, NULL);
    double *cap = S_column(&v, recs, S_N, op, PO_capacity_rps);
    double *rate = S_column(&v, recs, S_N, op, PO_outage_rate);
    double rho;
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(cap, rate, S_N, &rho, &e), HS_OK, "%s", e.msg);
    cr_expect(fabs(rho + 0.35) <= 3 * S_se(0.35, S_N), "Spearman %g, expected -0.35 (seed %d)", rho,
              S_SEED);
    S_check_marginal(rate, S_N, &v.sc->opt[op].p[PO_outage_rate].s, "on_prem.outage_rate");
    free(cap);
    free(rate);
    free(recs);
    S_env_free(&v);
}

Test(sampling, parameters_in_no_correlation_keep_their_draws_exactly)
{
    S_env a = S_env_new("tests/data/good", NULL, 0, 1);
    S_env b = S_env_new("tests/data/corr", NULL, 0, 1);
    const int op = scenario_option_index(a.sc, "on_prem");
    double *ra = S_records(&a, 200, 1, NULL), *rb = S_records(&b, 200, 1, NULL);
    double *xa = S_column(&a, ra, 200, op, PO_repair_hours);
    double *xb = S_column(&b, rb, 200, op, PO_repair_hours);
    cr_expect_eq(memcmp(xa, xb, 200 * sizeof *xa), 0,
                 "on_prem.repair_hours is in no correlation: its draws must not move");
    free(xa);
    free(xb);
    free(ra);
    free(rb);
    S_env_free(&a);
    S_env_free(&b);
}

Test(sampling, an_override_that_fixes_a_correlated_parameter_drops_its_rows)
{
    const char *sets[] = {"global.volume_month=70000"};
    S_env v = S_env_new("tests/data/corr", sets, 1, 1);
    cr_assert_not_null(v.sc->corr);
    cr_expect_eq(v.sc->corr->k, 3, "volume_month fixed: 3 correlated parameters left, got %d",
                 v.sc->corr->k);
    double *recs = S_records(&v, 50, 1, NULL);
    double *vol = S_column(&v, recs, 50, -1, PG_volume_month);
    for (int k = 0; k < 50; k++)
        cr_assert_eq(vol[k], 70000);
    free(vol);
    free(recs);
    S_env_free(&v);
}

Test(sampling, lhs_hits_each_of_n_strata_once_for_every_uniform_parameter)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const uint64_t n = 257;
    sampling_lhs *lhs = S_lhs(&v, n);
    double *recs = S_records(&v, n, 2, lhs);
    /* on_prem.capacity_rps uniform(150,200) comes first in its pair and is independent of the
     * parameters before it: its row of L is a unit vector, so its strata survive the copula;
     * on_prem.repair_hours uniform(3,4) is in no correlation */
    const int op = scenario_option_index(v.sc, "on_prem");
    const int idx[2] = {PO_capacity_rps, PO_repair_hours};
    for (int i = 0; i < 2; i++) {
        const spec *s = &v.sc->opt[op].p[idx[i]].s;
        double *x = S_column(&v, recs, n, op, idx[i]);
        char *hit = calloc(n, 1);
        for (uint64_t k = 0; k < n; k++) {
            long st = (long)floor((x[k] - s->a) / (s->b - s->a) * (double)n);
            cr_assert(st >= 0 && st < (long)n, "stratum %ld out of range", st);
            cr_expect_not(hit[st], "parameter %d: stratum %ld hit twice (seed %d)", i, st, S_SEED);
            hit[st] = 1;
        }
        free(hit);
        free(x);
    }
    free(recs);
    sampling_lhs_free(lhs);
    S_env_free(&v);
}

Test(sampling, lhs_records_are_the_same_for_1_and_2_threads)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const uint64_t n = 150;
    sampling_lhs *lhs = S_lhs(&v, n);
    const size_t size = runner_layout_of(v.plan).size;
    double *one = S_records(&v, n, 1, lhs), *two = S_records(&v, n, 2, lhs);
    cr_expect_eq(memcmp(one, two, n * size * sizeof *one), 0, "LHS differs by threads (seed %d)",
                 S_SEED);
    free(one);
    free(two);
    sampling_lhs_free(lhs);
    S_env_free(&v);
}

Test(sampling, copula_keeps_a_uniform_inside_the_open_interval)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const scenario_corr *c = v.sc->corr;
    double u[CORR_MAX_PARAMS];
    for (int k = 0; k < c->k; k++)
        u[k] = k % 2 ? 1e-300 : 1 - 1e-12;
    sampling_copula(c, u);
    for (int k = 0; k < c->k; k++)
        cr_expect(u[k] > 0 && u[k] < 1, "u[%d] = %g", k, u[k]);
    S_env_free(&v);
}

Test(sampling, the_spread_of_the_achieved_spearman_over_seeds_matches_its_standard_error)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const int saas = scenario_option_index(v.sc, "saas_plan");
    enum { SEEDS = 30, N = 400 };
    double rho[SEEDS];
    for (int s = 0; s < SEEDS; s++) {
        runner_opts o = {.seed = 1000 + (uint64_t)s, .first = 0, .count = N, .threads = 2};
        double *recs = S_run_records(v.plan, &o);
        double *vol = S_column(&v, recs, N, -1, PG_volume_month);
        double *fee = S_column(&v, recs, N, saas, PO_plan_fee);
        hs_error e = {0};
        cr_assert_eq(rankcorr_spearman(vol, fee, N, &rho[s], &e), HS_OK, "%s", e.msg);
        free(vol);
        free(fee);
        free(recs);
    }
    double m = 0, ss = 0;
    for (int s = 0; s < SEEDS; s++)
        m += rho[s] / SEEDS;
    for (int s = 0; s < SEEDS; s++)
        ss += (rho[s] - m) * (rho[s] - m) / (SEEDS - 1);
    /* an sd of 30 values is within about +-40 % of the truth at 3 of its own errors (~13 %) */
    const double sd = sqrt(ss), se = S_se(0.8, N);
    cr_expect(sd > 0.6 * se && sd < 1.4 * se,
              "sd over %d seeds %g, standard error %g (seeds 1000+)", SEEDS, sd, se);
    cr_expect(fabs(m - 0.8) < 3 * se / sqrt(SEEDS), "mean achieved %g, expected 0.8", m);
    S_env_free(&v);
}

/* tornado's way: fix global.volume_month in every run */
static uint64_t S_fix_volume(void *ctx, uint64_t run, double *fixed_g, double *fixed_o)
{
    (void)ctx;
    (void)fixed_o;
    fixed_g[PG_volume_month] = 71234.5;
    return run;
}

Test(sampling, fixing_a_correlated_input_leaves_its_partners_draws_unchanged)
{
    S_env v = S_env_new("tests/data/corr", NULL, 0, 1);
    const int saas = scenario_option_index(v.sc, "saas_plan");
    double *free_recs = S_records(&v, 100, 1, NULL);
    runner_opts o = {.seed = S_SEED, .count = 100, .threads = 1, .prepare = S_fix_volume};
    double *fixed_recs = S_run_records(v.plan, &o);
    double *a = S_column(&v, free_recs, 100, saas, PO_plan_fee);
    double *b = S_column(&v, fixed_recs, 100, saas, PO_plan_fee);
    double *vol = S_column(&v, fixed_recs, 100, -1, PG_volume_month);
    cr_expect_eq(memcmp(a, b, 100 * sizeof *a), 0,
                 "saas_plan.plan_fee moved when its partner "
                 "was fixed (seed %d)",
                 S_SEED);
    for (int k = 0; k < 100; k++)
        cr_assert_eq(vol[k], 71234.5);
    free(a);
    free(b);
    free(vol);
    free(free_recs);
    free(fixed_recs);
    S_env_free(&v);
}
