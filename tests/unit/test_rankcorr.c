/* test_rankcorr.c — Spearman's rho against hand-computed cases, monotone
 * transforms and ties. */
#include <criterion/criterion.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "run/rankcorr.h"

Test(rankcorr, small_case_matches_the_hand_computed_value)
{
    /* Ranks of y: 2 1 4 3 5, d = -1 1 -1 1 0: rho = 1 - 6*4 / (5*24) = 0.8. */
    double x[5] = {0.31, 1.7, 2.385, 4.05, 9.9}, y[5] = {12.5, 3.3, 40.1, 27.0, 51.2}, rho = 0;
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(x, y, 5, &rho, &e), HS_OK, "%s", e.msg);
    cr_assert_float_eq(rho, 0.8, 1e-12);
}

Test(rankcorr, ties_get_average_ranks)
{
    /* Ranks of x: 1 2.5 2.5 4; of y: 1 2 3 4. Centred: (-1.5 0 0 1.5) and
     * (-1.5 -0.5 0.5 1.5): rho = 4.5 / sqrt(4.5 * 5) = sqrt(0.9). */
    double x[4] = {2.385, 7.1, 7.1, 9.42}, y[4] = {-3.2, 0.17, 0.4, 8.8}, rho = 0;
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(x, y, 4, &rho, &e), HS_OK);
    cr_assert_float_eq(rho, sqrt(0.9), 1e-12);
}

Test(rankcorr, monotone_transforms_give_plus_and_minus_one)
{
    enum { N = 500 };
    double x[N], up[N], down[N], rho = 0;
    unsigned long seed = 2718;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    for (int k = 0; k < N; k++) {
        x[k] = gsl_ran_lognormal(r, 0.3, 1.1);
        up[k] = exp(2 * x[k]) + 17.0; /* very non-linear, still increasing */
        down[k] = -log(x[k]) * 3.3;   /* decreasing */
    }
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(x, up, N, &rho, &e), HS_OK);
    cr_assert_float_eq(rho, 1.0, 1e-12, "seed %lu", seed);
    cr_assert_eq(rankcorr_spearman(x, down, N, &rho, &e), HS_OK);
    cr_assert_float_eq(rho, -1.0, 1e-12, "seed %lu", seed);
    gsl_rng_free(r);
}

Test(rankcorr, matrix_holds_every_input_output_pair)
{
    /* Two inputs (columns of X), three outputs (columns of Y). */
    double X[10] = {0.31, 1.7, 2.385, 4.05, 9.9, /* */ 5, 4, 3, 2, 1};
    double Y[15] = {12.5, 3.3, 40.1, 27.0, 51.2, /* */ 1, 2, 3, 4, 5, /* */ 2, 2, 2, 2, 2};
    double rho[6];
    hs_error e = {0};
    cr_assert_eq(rankcorr_matrix(X, 2, Y, 3, 5, rho, &e), HS_OK, "%s", e.msg);
    cr_assert_float_eq(rho[0], 0.8, 1e-12);
    cr_assert_float_eq(rho[1], 1.0, 1e-12);
    cr_assert(isnan(rho[2]), "a constant output has no rank correlation, got %g", rho[2]);
    cr_assert_float_eq(rho[3], -0.8, 1e-12);
    cr_assert_float_eq(rho[4], -1.0, 1e-12);
    cr_assert(isnan(rho[5]));
}

Test(rankcorr, constant_column_gives_nan)
{
    double x[4] = {1.5, 1.5, 1.5, 1.5}, y[4] = {1, 2, 3, 4}, rho = 0;
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(x, y, 4, &rho, &e), HS_OK);
    cr_assert(isnan(rho));
}

Test(rankcorr, too_few_pairs_or_non_finite_values_are_errors)
{
    double x[3] = {1, 2, 3}, y[3] = {1, INFINITY, 3}, rho = 0;
    hs_error e = {0};
    cr_assert_eq(rankcorr_spearman(x, x, 1, &rho, &e), HS_ERR_RUNTIME);
    cr_assert_eq(rankcorr_spearman(x, y, 3, &rho, &e), HS_ERR_RUNTIME);
    cr_assert(strstr(e.msg, "row 1") != NULL, "message: %s", e.msg);
}

Test(rankcorr, ranking_each_column_once_gives_gsl_spearman)
{
    /* 2,000 pairs, y a noisy monotone function of x, x with many ties (rounded
     * to 0.1): rho from rankcorr_rank + rankcorr_of_ranks against
     * gsl_stats_spearman (rankcorr_spearman) to 1e-12; seed 77. */
    enum { N = 2000 };
    static double x[N], y[N], rx[N], ry[N];
    static size_t perm[N];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(r, 77);
    for (int k = 0; k < N; k++) {
        x[k] = round(gsl_ran_gaussian(r, 1.0) * 10) / 10;
        y[k] = exp(x[k]) + gsl_ran_gaussian(r, 0.8);
    }
    gsl_rng_free(r);
    hs_error e = {0};
    double rho = 0;
    cr_assert_eq(rankcorr_spearman(x, y, N, &rho, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(rankcorr_rank(x, N, perm, rx, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(rankcorr_rank(y, N, perm, ry, &e), HS_OK, "%s", e.msg);
    const double fast = rankcorr_of_ranks(rx, ry, N);
    cr_assert(fabs(fast - rho) < 1e-12, "ranked once %.17g, gsl_stats_spearman %.17g", fast, rho);
    cr_assert(rho > 0.5 && rho < 0.99, "rho %g: the case is not informative", rho);
    /* ranks of a tied pair are averaged, and ranks sum to n(n+1)/2 */
    double sum = 0;
    for (int k = 0; k < N; k++)
        sum += rx[k];
    cr_assert_float_eq(sum, N * (N + 1) / 2.0, 1e-6);
    double c[3] = {5, 5, 5}, rc[3];
    size_t pc[3];
    cr_assert_eq(rankcorr_rank(c, 3, pc, rc, &e), HS_OK);
    cr_assert(rc[0] == 2 && rc[1] == 2 && rc[2] == 2);
    cr_assert(isnan(rankcorr_of_ranks(rc, rx, 3)), "a constant column has no rho");
    double bad[2] = {1, NAN};
    cr_assert_eq(rankcorr_rank(bad, 2, pc, rc, &e), HS_ERR_RUNTIME);
}
