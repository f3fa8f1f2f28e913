/* test_loghist.c — the histogram's quantiles (sim/run/loghist.c) against its promise
 * (loghist.h): for values of magnitude at least LOGHIST_VMIN, a quantile is within
 * LOGHIST_REL / 2 = 0.1 % (relative) of the exact one, and exact for a constant.
 *
 * "Exact" is the quantile of the same sample sorted (gsl_stats_quantile_from_sorted_data, the
 * definition summary.csv uses for the values it keeps). The samples are fixed-seed draws
 * (mt19937, seed 2385) from lognormal distributions with non-round parameters; the tolerance is
 * the promise itself, LOGHIST_REL / 2, with no slack. On failure the message names the sample,
 * the quantile and both values; replay with build/test_unit --filter 'loghist/<name>'.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "run/loghist.h"

#define S_SEED 2385

static const double S_q[] = {0,    0.001, 0.01, 0.05, 0.1,  0.25,  0.37, 0.5,
                             0.63, 0.75,  0.9,  0.95, 0.99, 0.999, 1};
#define S_NQ (sizeof S_q / sizeof *S_q)

/* n lognormal(zeta, sigma) draws, times SIGN, shifted by SHIFT (caller frees). */
static double *S_sample(size_t n, double zeta, double sigma, double sign, double shift)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    cr_assert_not_null(r);
    gsl_rng_set(r, S_SEED);
    double *x = malloc(n * sizeof *x);
    cr_assert_not_null(x);
    for (size_t i = 0; i < n; i++)
        x[i] = sign * gsl_ran_lognormal(r, zeta, sigma) + shift;
    gsl_rng_free(r);
    return x;
}

/* Adds x to a histogram and checks every quantile of S_q against the sorted sample; returns the
 * largest relative error seen. */
static double S_check(const char *what, double *x, size_t n)
{
    loghist h;
    cr_assert_eq(loghist_init(&h), 0);
    for (size_t i = 0; i < n; i++)
        loghist_add(&h, x[i]);
    cr_assert_eq(h.n, (uint64_t)n);
    gsl_sort(x, 1, n);
    double worst = 0;
    for (size_t i = 0; i < S_NQ; i++) {
        double exact = gsl_stats_quantile_from_sorted_data(x, 1, n, S_q[i]);
        double got = loghist_quantile(&h, S_q[i]);
        cr_assert_geq(fabs(exact), LOGHIST_VMIN, "the sample stays where the promise holds");
        double rel = fabs(got - exact) / fabs(exact);
        cr_assert_leq(rel, LOGHIST_REL / 2,
                      "%s (n = %zu, seed %d): q = %g: histogram %.10g, exact %.10g, relative "
                      "error %.3g > %.3g",
                      what, n, S_SEED, S_q[i], got, exact, rel, LOGHIST_REL / 2);
        if (rel > worst) worst = rel;
    }
    loghist_free(&h);
    return worst;
}

Test(loghist, quantiles_of_a_lognormal_sample_are_within_0_1_percent)
{
    /* median 2.385e5, a wide spread: p1 ~ 3.5e4, p99 ~ 1.6e6 */
    const size_t n = 20011;
    double *x = S_sample(n, log(238500.0), 0.83, 1, 0);
    double worst = S_check("lognormal(log 238500, 0.83)", x, n);
    /* the bins are what is tested: the interior quantiles are not all exact by accident */
    cr_assert_gt(worst, 1e-5, "largest relative error %.3g: the histogram looks exact", worst);
    free(x);
}

Test(loghist, quantiles_of_costs_spanning_seven_decades_are_within_0_1_percent)
{
    const size_t n = 9973;
    double *x = S_sample(n, log(4321.5), 2.3, 1, 0);
    for (size_t i = 0; i < n; i++)
        if (x[i] < LOGHIST_VMIN) x[i] = LOGHIST_VMIN + x[i]; /* keep the sample above VMIN */
    S_check("lognormal(log 4321.5, 2.3)", x, n);
    free(x);
}

Test(loghist, quantiles_of_negative_values_are_within_0_1_percent)
{
    /* savings (negative costs): the bins of either sign are the same */
    const size_t n = 5003;
    double *x = S_sample(n, log(87654.3), 0.41, -1, 0);
    S_check("-lognormal(log 87654.3, 0.41)", x, n);
    free(x);
}

Test(loghist, a_small_sample_interpolates_between_far_apart_bins)
{
    double x[] = {1234.5, 98765.25, 5.75, 333333.3, 42.125, 7777.7, 1.0e9};
    S_check("seven values", x, sizeof x / sizeof *x);
}

Test(loghist, a_constant_is_returned_exactly)
{
    loghist h;
    cr_assert_eq(loghist_init(&h), 0);
    for (int i = 0; i < 1000; i++)
        loghist_add(&h, 123456.789);
    for (size_t i = 0; i < S_NQ; i++)
        cr_assert_eq(loghist_quantile(&h, S_q[i]), 123456.789, "q = %g", S_q[i]);
    cr_assert_eq(loghist_tail_mean(&h, 0.95), 123456.789);
    loghist_free(&h);
}

Test(loghist, quantiles_are_clamped_to_the_observed_range)
{
    /* two values just above the lower edge of one bin: the bin's middle is above both */
    const double edge = LOGHIST_VMIN * exp(3000 * log1p(LOGHIST_REL)); /* about 401.7 */
    const double lo = edge * (1 + 1e-7), hi = edge * (1 + 3e-7);
    loghist h;
    cr_assert_eq(loghist_init(&h), 0);
    loghist_add(&h, hi);
    loghist_add(&h, lo);
    for (double q = 0; q <= 1; q += 0.0625) {
        double v = loghist_quantile(&h, q);
        cr_assert(v >= lo && v <= hi, "q = %g: %.12g outside the observed [%.12g, %.12g]", q, v, lo,
                  hi);
    }
    cr_assert_eq(loghist_quantile(&h, 1), hi);
    loghist_free(&h);
}

Test(loghist, an_empty_histogram_reads_zero)
{
    loghist h;
    cr_assert_eq(loghist_init(&h), 0);
    cr_assert_eq(loghist_quantile(&h, 0.5), 0);
    cr_assert_eq(loghist_tail_mean(&h, 0.95), 0);
    loghist_free(&h);
}
