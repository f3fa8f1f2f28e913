/* test_voi.c — EVPI, EVPPI and flip points (sim/analysis/voi.c) against their closed form.
 *
 * tests/data/voi_linear: tco(alpha) - tco(beta) = X - c over one year, X = alpha.licence_year
 * ~ normal(mu = 60000, sd = 15000) CNY, c = 66000 (beta's fixed licence); nothing else random
 * but global.discount_rate, which moves no tco. Without information alpha is chosen (mu < c);
 * with it, beta whenever X > c, so
 *   EVPI = E[max(0, X - c)] = sd phi(z) + (mu - c) Phi(z), z = (mu - c) / sd,
 *   EVPPI(licence) = EVPI, EVPPI(discount_rate) = 0, flip point = c, P(beyond) = 1 - Phi(-z).
 * Tolerances from the Monte Carlo error of n = 10000 trajectories: EVPI within 4 of its
 * reported standard errors; EVPPI(licence) within 1 % of the run's EVPI (the bins' width loses
 * little: the choice is exact in all but the bin astride c) and EVPPI(discount_rate) at most
 * 1 % of it; the flip point within 1e-6 (the fit is exact on a linear difference); P(beyond)
 * within 4 binomial standard errors. */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "analysis/voi.h"
#include "run/runner.h"
#include "test_env.h"

static void S_init(void)
{
    hs_gsl_init();
    if (access("tests/data/good/params.csv", R_OK) != 0 && chdir("../..") != 0) return;
}

TestSuite(voi, .init = S_init);

#define S_SEED 73519ULL
#define S_N 10000

static const voi_input *S_find(const aggregate *ag, const voi_result *r, const char *name)
{
    for (int i = 0; i < r->ninputs; i++)
        if (strcmp(ag->inputs[r->in[i].input].name, name) == 0) return &r->in[i];
    cr_assert_fail("no input %s", name);
    return NULL;
}

Test(voi, evpi_evppi_and_flip_point_match_the_closed_form_of_a_linear_difference)
{
    S_env v = S_env_new("tests/data/voi_linear", NULL, 0, 1);
    hs_error e = {0};
    aggregate *ag = aggregate_new(v.plan, S_N, &e);
    cr_assert_not_null(ag, "%s", e.msg);
    runner_opts o = {0};
    o.seed = S_SEED;
    o.count = S_N;
    o.threads = 1;
    uint64_t done;
    cr_assert_eq(runner_run(v.plan, &o, aggregate_consume, ag, &done, &e), HS_OK, "%s", e.msg);
    voi_result r;
    cr_assert_eq(voi_compute(ag, MET_tco, &r, &e), HS_OK, "%s", e.msg);
    const double mu = 60000, sd = 15000, c = 66000, z = (mu - c) / sd;
    const double evpi = sd * gsl_ran_ugaussian_pdf(z) + (mu - c) * gsl_cdf_ugaussian_P(z);
    const double p = gsl_cdf_ugaussian_Q(-z), p_se = sqrt(p * (1 - p) / S_N);
    cr_expect_eq(r.n, S_N);
    cr_expect_str_eq(v.sc->opt[r.decision].name, "alpha");
    cr_expect(fabs(r.evpi - evpi) <= 4 * r.evpi_se,
              "seed %llu: EVPI %.6g, closed form %.6g, se %.3g (replay: this test's seed)", S_SEED,
              r.evpi, evpi, r.evpi_se);
    const voi_input *lic = S_find(ag, &r, "alpha.licence_year");
    const voi_input *dr = S_find(ag, &r, "global.discount_rate");
    cr_expect_eq(lic, &r.in[0], "the licence ranks first");
    cr_expect(fabs(lic->evppi - r.evpi) <= 0.01 * r.evpi, "EVPPI(licence) %.6g, EVPI %.6g",
              lic->evppi, r.evpi);
    cr_expect(dr->evppi <= 0.01 * r.evpi, "EVPPI(discount_rate) %.6g", dr->evppi);
    cr_expect(fabs(lic->flip - c) <= 1e-6 * c, "flip point %.10g, expected %g", lic->flip, c);
    cr_expect_str_eq(v.sc->opt[lic->below].name, "alpha");
    cr_expect_str_eq(v.sc->opt[lic->above].name, "beta");
    cr_expect(fabs(lic->p_beyond - p) <= 4 * p_se, "P(beyond) %.4f, closed form %.4f, se %.4f",
              lic->p_beyond, p, p_se);
    cr_expect(isnan(dr->flip), "no flip point for the discount rate, got %g", dr->flip);
    voi_free(&r);
    aggregate_free(ag);
    S_env_free(&v);
}

Test(voi, evppi_is_never_above_evpi_nor_below_zero_on_the_default_scenario)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 2);
    hs_error e = {0};
    aggregate *ag = aggregate_new(v.plan, 200, &e);
    cr_assert_not_null(ag, "%s", e.msg);
    runner_opts o = {0};
    o.seed = S_SEED;
    o.count = 200;
    o.threads = 1;
    uint64_t done;
    cr_assert_eq(runner_run(v.plan, &o, aggregate_consume, ag, &done, &e), HS_OK, "%s", e.msg);
    for (int m = 0; m < 2; m++) {
        voi_result r;
        cr_assert_eq(voi_compute(ag, m ? MET_net_cost : MET_tco, &r, &e), HS_OK, "%s", e.msg);
        cr_expect_gt(r.ninputs, 10);
        for (int i = 0; i < r.ninputs; i++) {
            cr_expect(r.in[i].evppi >= 0 && r.in[i].evppi <= r.evpi + 1e-9 * r.evpi,
                      "%s: EVPPI %g, EVPI %g", ag->inputs[r.in[i].input].name, r.in[i].evppi,
                      r.evpi);
            if (i) cr_expect_leq(r.in[i].evppi, r.in[i - 1].evppi, "ranked");
        }
        voi_free(&r);
    }
    aggregate_free(ag);
    S_env_free(&v);
}
