/* test_sobol.c — the Sobol design and estimators against functions whose
 * indices are known in closed form (Ishigami, Sobol's G-function).
 * Replay any test with: build/test_unit --filter 'sobol/<name>'; the seeds
 * are fixed, and printed on failure. */
#include <criterion/criterion.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sobol.h"

#define ISHI_A 7.0
#define ISHI_B 0.1
#define BOOT_SEED 2385UL
#define N_BOOT 500

typedef double (*S_model)(const double *u, size_t d, const double *par);

/* Ishigami: u in (0,1)^3 mapped to [-pi, pi]^3. */
static double S_ishigami(const double *u, size_t d, const double *par)
{
    (void)d;
    (void)par;
    double x1 = -M_PI + 2 * M_PI * u[0], x2 = -M_PI + 2 * M_PI * u[1], x3 = -M_PI + 2 * M_PI * u[2];
    return sin(x1) + ISHI_A * sin(x2) * sin(x2) + ISHI_B * pow(x3, 4) * sin(x1);
}

static void S_ishigami_exact(double s1[3], double st[3])
{
    double a = ISHI_A, b = ISHI_B, p4 = pow(M_PI, 4), p8 = pow(M_PI, 8);
    double v = a * a / 8 + b * p4 / 5 + b * b * p8 / 18 + 0.5;
    double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5);
    double v2 = a * a / 8;
    double v13 = b * b * p8 / 18 - b * b * p8 / 50;
    s1[0] = v1 / v;
    s1[1] = v2 / v;
    s1[2] = 0;
    st[0] = (v1 + v13) / v;
    st[1] = v2 / v;
    st[2] = v13 / v;
}

/* Sobol's G-function: prod_i (|4 u_i - 2| + a_i) / (1 + a_i), par = a. */
static double S_gfun(const double *u, size_t d, const double *par)
{
    double g = 1;
    for (size_t i = 0; i < d; i++)
        g *= (fabs(4 * u[i] - 2) + par[i]) / (1 + par[i]);
    return g;
}

static void S_gfun_exact(const double *a, size_t d, double *s1, double *st)
{
    double prod = 1;
    for (size_t i = 0; i < d; i++)
        prod *= 1 + 1 / (3 * (1 + a[i]) * (1 + a[i]));
    double v = prod - 1;
    for (size_t i = 0; i < d; i++) {
        double vi = 1 / (3 * (1 + a[i]) * (1 + a[i]));
        s1[i] = vi / v;
        st[i] = vi * (prod / (1 + vi)) / v;
    }
}

/* Evaluates the model on every run of the design: y = fA | fB | fAB. Caller frees. */
static double *S_evaluate(const sobol_design *des, S_model f, const double *par)
{
    size_t runs = sobol_design_runs(des), d = sobol_design_dims(des);
    double *y = malloc(runs * sizeof *y);
    double *u = malloc(d * sizeof *u);
    cr_assert(y && u);
    for (size_t k = 0; k < runs; k++) {
        sobol_design_point(des, k, u);
        y[k] = f(u, d, par);
    }
    free(u);
    return y;
}

/* Runs design + model + estimator; out has d elements. */
static void S_analyse(gsl_rng *r, size_t n, size_t d, S_model f, const double *par,
                      sobol_index *out, int *quasi)
{
    hs_error e = {0};
    sobol_design *des = sobol_design_new(r, n, d, &e);
    cr_assert_not_null(des, "%s", e.msg);
    double *y = S_evaluate(des, f, par);
    *quasi = sobol_design_is_quasi(des);
    hs_status s = sobol_estimate(n, d, y, y + n, y + 2 * n, N_BOOT, BOOT_SEED, out, &e);
    cr_assert_eq(s, HS_OK, "%s", e.msg);
    free(y);
    sobol_design_free(des);
}

/* Point estimate within tol of the exact value, and the exact value inside the CI. */
static void S_check_index(const char *name, size_t i, double est, double lo, double hi,
                          double exact, double tol)
{
    cr_expect(fabs(est - exact) <= tol,
              "%s of x%zu: estimate %.4f, exact %.4f, |diff| > %.3f (bootstrap seed %lu)", name,
              i + 1, est, exact, tol, BOOT_SEED);
    cr_expect(lo <= exact && exact <= hi,
              "%s of x%zu: exact %.4f outside the 95%% CI [%.4f, %.4f] (bootstrap seed %lu)", name,
              i + 1, exact, lo, hi, BOOT_SEED);
    cr_expect(lo <= est && est <= hi, "%s of x%zu: estimate %.4f outside its CI [%.4f, %.4f]", name,
              i + 1, est, lo, hi);
}

Test(sobol, design_is_quasi_random_when_2d_is_at_most_40)
{
    size_t n = 64, d = 20;
    hs_error e = {0};
    sobol_design *des = sobol_design_new(NULL, n, d, &e);
    cr_assert_not_null(des, "%s", e.msg);
    cr_assert_eq(sobol_design_is_quasi(des), 1);
    cr_assert_eq(sobol_design_runs(des), n * (d + 2));

    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, 2 * d);
    double p[40], u[20];
    for (size_t row = 0; row < n; row++) {
        gsl_qrng_get(q, p);
        /* GSL starts at Sobol's point 1: the all-zero point never appears. */
        if (row == 0)
            for (size_t k = 0; k < 40; k++)
                cr_assert_eq(p[k], 0.5);
        sobol_design_point(des, row, u); /* A */
        for (size_t j = 0; j < d; j++)
            cr_assert_eq(u[j], p[j], "A[%zu][%zu]", row, j);
        sobol_design_point(des, n + row, u); /* B */
        for (size_t j = 0; j < d; j++)
            cr_assert_eq(u[j], p[d + j], "B[%zu][%zu]", row, j);
    }
    gsl_qrng_free(q);
    sobol_design_free(des);
}

Test(sobol, design_is_pseudo_random_when_2d_exceeds_40)
{
    size_t n = 16, d = 21;
    unsigned long seed = 90210;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937), *ref = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    gsl_rng_set(ref, seed);
    hs_error e = {0};
    sobol_design *des = sobol_design_new(r, n, d, &e);
    cr_assert_not_null(des, "%s", e.msg);
    cr_assert_eq(sobol_design_is_quasi(des), 0);

    double u[21];
    for (size_t row = 0; row < n; row++) {
        double a[21], b[21];
        for (size_t j = 0; j < d; j++)
            a[j] = gsl_rng_uniform_pos(ref);
        for (size_t j = 0; j < d; j++)
            b[j] = gsl_rng_uniform_pos(ref);
        sobol_design_point(des, row, u);
        for (size_t j = 0; j < d; j++)
            cr_assert_eq(u[j], a[j], "seed %lu: A[%zu][%zu]", seed, row, j);
        sobol_design_point(des, n + row, u);
        for (size_t j = 0; j < d; j++)
            cr_assert_eq(u[j], b[j], "seed %lu: B[%zu][%zu]", seed, row, j);
    }
    /* The generator was advanced by exactly 2*n*d draws. */
    cr_assert_eq(gsl_rng_get(r), gsl_rng_get(ref));
    sobol_design_free(des);
    gsl_rng_free(r);
    gsl_rng_free(ref);
}

Test(sobol, design_pseudo_random_without_generator_is_an_error)
{
    hs_error e = {0};
    cr_assert_null(sobol_design_new(NULL, 16, 21, &e));
    cr_assert_eq(e.code, HS_ERR_RUNTIME);
    cr_assert_null(sobol_design_new(NULL, 1, 3, &e));
    cr_assert_null(sobol_design_new(NULL, 16, 0, &e));
    sobol_design_free(NULL);
}

Test(sobol, design_ab_i_is_a_with_column_i_from_b_in_the_open_unit_cube)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    size_t dims[2] = {5, 23}; /* one quasi-random, one pseudo-random */
    for (int c = 0; c < 2; c++) {
        size_t n = 32, d = dims[c];
        hs_error e = {0};
        sobol_design *des = sobol_design_new(r, n, d, &e);
        cr_assert_not_null(des, "%s", e.msg);
        double a[23], b[23], u[23];
        for (size_t row = 0; row < n; row++) {
            sobol_design_point(des, row, a);
            sobol_design_point(des, n + row, b);
            for (size_t i = 0; i < d; i++) {
                sobol_design_point(des, (2 + i) * n + row, u);
                for (size_t j = 0; j < d; j++) {
                    cr_assert_eq(u[j], j == i ? b[j] : a[j], "d=%zu AB_%zu[%zu][%zu]", d, i + 1,
                                 row, j);
                    cr_assert(u[j] > 0 && u[j] < 1, "d=%zu u=%g not in (0,1)", d, u[j]);
                }
            }
        }
        sobol_design_free(des);
    }
    gsl_rng_free(r);
}

Test(sobol, ishigami_indices_match_analytic_values)
{
    size_t n = 8192, d = 3;
    double s1[3], st[3];
    sobol_index out[3];
    int quasi;
    S_ishigami_exact(s1, st);
    cr_assert(fabs(s1[0] - 0.3139) < 1e-4 && fabs(s1[1] - 0.4424) < 1e-4);
    cr_assert(fabs(st[0] - 0.5576) < 1e-4 && fabs(st[2] - 0.2437) < 1e-4);
    S_analyse(NULL, n, d, S_ishigami, NULL, out, &quasi);
    cr_assert_eq(quasi, 1);
    for (size_t i = 0; i < d; i++) {
        S_check_index("S1", i, out[i].s1, out[i].s1_lo, out[i].s1_hi, s1[i], 0.03);
        S_check_index("ST", i, out[i].st, out[i].st_lo, out[i].st_hi, st[i], 0.03);
    }
}

Test(sobol, g_function_indices_match_analytic_values)
{
    size_t n = 8192, d = 6;
    const double a[6] = {0, 1, 4.5, 9, 99, 99};
    double s1[6], st[6];
    sobol_index out[6];
    int quasi;
    S_gfun_exact(a, d, s1, st);
    S_analyse(NULL, n, d, S_gfun, a, out, &quasi);
    cr_assert_eq(quasi, 1);
    for (size_t i = 0; i < d; i++) {
        S_check_index("S1", i, out[i].s1, out[i].s1_lo, out[i].s1_hi, s1[i], 0.03);
        S_check_index("ST", i, out[i].st, out[i].st_lo, out[i].st_hi, st[i], 0.03);
    }
}

Test(sobol, g_function_with_21_inputs_matches_on_a_pseudo_random_design)
{
    size_t n = 8192, d = 21;
    double a[21] = {0, 1, 4.5, 9};
    for (size_t i = 4; i < d; i++)
        a[i] = 99;
    double s1[21], st[21];
    sobol_index out[21];
    int quasi;
    unsigned long seed = 31337;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    S_gfun_exact(a, d, s1, st);
    S_analyse(r, n, d, S_gfun, a, out, &quasi);
    cr_assert_eq(quasi, 0);
    /* Four inputs matter: each estimate within tolerance and inside its CI.
     * Of all 42 intervals, a 95 % procedure should cover about 40: asking
     * for every one would only test the seed. */
    for (size_t i = 0; i < 4; i++) {
        S_check_index("S1", i, out[i].s1, out[i].s1_lo, out[i].s1_hi, s1[i], 0.03);
        S_check_index("ST", i, out[i].st, out[i].st_lo, out[i].st_hi, st[i], 0.03);
    }
    size_t covered = 0;
    for (size_t i = 0; i < d; i++) {
        cr_expect(fabs(out[i].s1 - s1[i]) <= 0.03 && fabs(out[i].st - st[i]) <= 0.03,
                  "design seed %lu: x%zu S1 %.4f (exact %.4f), ST %.4f (exact %.4f)", seed, i + 1,
                  out[i].s1, s1[i], out[i].st, st[i]);
        covered += out[i].s1_lo <= s1[i] && s1[i] <= out[i].s1_hi;
        covered += out[i].st_lo <= st[i] && st[i] <= out[i].st_hi;
    }
    cr_expect(covered >= 37, "design seed %lu: only %zu of 42 intervals hold the exact value", seed,
              covered);
    gsl_rng_free(r);
}

/* The test has power: with f(AB_1) shuffled, the structure the estimators
 * rely on is gone, and the intervals must exclude the true values of x1. */
Test(sobol, shuffled_ab_outputs_give_intervals_excluding_the_true_value)
{
    size_t n = 8192, d = 3;
    double s1[3], st[3];
    S_ishigami_exact(s1, st);
    hs_error e = {0};
    sobol_design *des = sobol_design_new(NULL, n, d, &e);
    cr_assert_not_null(des);
    double *y = S_evaluate(des, S_ishigami, NULL);
    unsigned long seed = 4242;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    gsl_ran_shuffle(r, y + 2 * n, n, sizeof *y); /* the block of f(AB_1) */
    sobol_index out[3];
    cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, N_BOOT, BOOT_SEED, out, &e), HS_OK);
    cr_assert(s1[0] < out[0].s1_lo || s1[0] > out[0].s1_hi,
              "shuffle seed %lu: S1 CI [%.4f, %.4f] still holds %.4f", seed, out[0].s1_lo,
              out[0].s1_hi, s1[0]);
    cr_assert(st[0] < out[0].st_lo || st[0] > out[0].st_hi,
              "shuffle seed %lu: ST CI [%.4f, %.4f] still holds %.4f", seed, out[0].st_lo,
              out[0].st_hi, st[0]);
    gsl_rng_free(r);
    free(y);
    sobol_design_free(des);
}

/* Costs have means far above their spread: shifting f by a constant must
 * change nothing (the first-order estimator works on centred outputs). */
Test(sobol, estimates_do_not_change_when_the_output_is_shifted)
{
    size_t n = 1024, d = 3;
    hs_error e = {0};
    sobol_design *des = sobol_design_new(NULL, n, d, &e);
    double *y = S_evaluate(des, S_ishigami, NULL);
    size_t runs = sobol_design_runs(des);
    double *ys = malloc(runs * sizeof *ys);
    for (size_t k = 0; k < runs; k++)
        ys[k] = y[k] + 2.385e6;
    sobol_index o[3], os[3];
    cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, 100, BOOT_SEED, o, &e), HS_OK);
    cr_assert_eq(sobol_estimate(n, d, ys, ys + n, ys + 2 * n, 100, BOOT_SEED, os, &e), HS_OK);
    for (size_t i = 0; i < d; i++) {
        cr_expect_float_eq(os[i].s1, o[i].s1, 1e-8, "x%zu", i + 1);
        cr_expect_float_eq(os[i].st, o[i].st, 1e-8, "x%zu", i + 1);
        cr_expect_float_eq(os[i].s1_lo, o[i].s1_lo, 1e-8, "x%zu", i + 1);
        cr_expect_float_eq(os[i].s1_hi, o[i].s1_hi, 1e-8, "x%zu", i + 1);
    }
    free(ys);
    free(y);
    sobol_design_free(des);
}

Test(sobol, bootstrap_is_deterministic_given_the_seed)
{
    size_t n = 512, d = 3;
    hs_error e = {0};
    sobol_design *des = sobol_design_new(NULL, n, d, &e);
    double *y = S_evaluate(des, S_ishigami, NULL);
    sobol_index o1[3], o2[3], o3[3];
    sobol_estimate(n, d, y, y + n, y + 2 * n, 200, 7, o1, &e);
    sobol_estimate(n, d, y, y + n, y + 2 * n, 200, 7, o2, &e);
    sobol_estimate(n, d, y, y + n, y + 2 * n, 200, 8, o3, &e);
    cr_assert(memcmp(o1, o2, sizeof o1) == 0);
    cr_assert(o1[0].s1 == o3[0].s1 && o1[0].s1_lo != o3[0].s1_lo);
    free(y);
    sobol_design_free(des);
}

/* The bootstrap interval should describe the estimator's real spread: over
 * repeated independent pseudo-random samples, the standard deviation of the
 * estimates should match the CI width / (2 * 1.96) (GSL monte/test.c habit). */
Test(sobol, bootstrap_width_matches_the_spread_over_independent_samples)
{
    size_t n = 1024, d = 3, reps = 40;
    unsigned long seed = 1618;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    double *y = malloc(n * (d + 2) * sizeof *y);
    double est[6][40], half[6][40];
    double a[3], b[3], u[3];
    for (size_t rep = 0; rep < reps; rep++) {
        double *ua = malloc(n * 2 * d * sizeof *ua);
        for (size_t k = 0; k < n * 2 * d; k++)
            ua[k] = gsl_rng_uniform_pos(r);
        for (size_t k = 0; k < n; k++) {
            memcpy(a, ua + k * 2 * d, sizeof a);
            memcpy(b, ua + k * 2 * d + d, sizeof b);
            y[k] = S_ishigami(a, d, NULL);
            y[n + k] = S_ishigami(b, d, NULL);
            for (size_t i = 0; i < d; i++) {
                memcpy(u, a, sizeof u);
                u[i] = b[i];
                y[(2 + i) * n + k] = S_ishigami(u, d, NULL);
            }
        }
        free(ua);
        sobol_index o[3];
        hs_error e = {0};
        cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, 300, BOOT_SEED + rep, o, &e), HS_OK);
        for (size_t i = 0; i < d; i++) {
            est[2 * i][rep] = o[i].s1;
            est[2 * i + 1][rep] = o[i].st;
            half[2 * i][rep] = (o[i].s1_hi - o[i].s1_lo) / (2 * 1.96);
            half[2 * i + 1][rep] = (o[i].st_hi - o[i].st_lo) / (2 * 1.96);
        }
    }
    for (int w = 0; w < 6; w++) {
        double sd = gsl_stats_sd(est[w], 1, reps);
        double se = gsl_stats_mean(half[w], 1, reps);
        /* sd from 40 samples is known to about +-11 %: allow ~3 sigma either way. */
        cr_expect(se / sd > 0.65 && se / sd < 1.5,
                  "%s of x%d (seed %lu): bootstrap se %.4f vs spread %.4f", w % 2 ? "ST" : "S1",
                  w / 2 + 1, seed, se, sd);
    }
    free(y);
    gsl_rng_free(r);
}

Test(sobol, constant_output_gives_nan_indices)
{
    size_t n = 8, d = 2;
    double y[32];
    for (size_t k = 0; k < 32; k++)
        y[k] = 2.385;
    sobol_index o[2];
    hs_error e = {0};
    cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, 10, 1, o, &e), HS_OK);
    cr_assert(isnan(o[0].s1) && isnan(o[1].st) && isnan(o[0].s1_lo) && isnan(o[1].st_hi));
}

Test(sobol, no_bootstrap_gives_nan_bounds_and_the_same_estimates)
{
    size_t n = 256, d = 3;
    hs_error e = {0};
    sobol_design *des = sobol_design_new(NULL, n, d, &e);
    double *y = S_evaluate(des, S_ishigami, NULL);
    sobol_index o0[3], o1[3];
    cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, 0, 1, o0, &e), HS_OK);
    cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, 50, 1, o1, &e), HS_OK);
    for (size_t i = 0; i < d; i++) {
        cr_assert(isnan(o0[i].s1_lo) && isnan(o0[i].st_hi));
        cr_assert_eq(o0[i].s1, o1[i].s1);
        cr_assert_eq(o0[i].st, o1[i].st);
    }
    free(y);
    sobol_design_free(des);
}

Test(sobol, non_finite_output_is_an_error_naming_the_run)
{
    size_t n = 8, d = 2;
    double y[32];
    for (size_t k = 0; k < 32; k++)
        y[k] = (double)k * 0.37;
    y[2 * n + n + 5] = NAN; /* f(AB_2), row 5 */
    sobol_index o[2];
    hs_error e = {0};
    cr_assert_eq(sobol_estimate(n, d, y, y + n, y + 2 * n, 10, 1, o, &e), HS_ERR_RUNTIME);
    cr_assert(strstr(e.msg, "f(AB)_2[5]") != NULL, "message: %s", e.msg);
    cr_assert_eq(sobol_estimate(1, d, y, y + n, y + 2 * n, 10, 1, o, &e), HS_ERR_RUNTIME);
}
