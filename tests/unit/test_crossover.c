/* test_crossover.c — crossings and level passages on analytic curves whose
 * crossing points are known in closed form. */
#include <criterion/criterion.h>
#include <gsl/gsl_math.h>
#include <math.h>

#include "analysis/crossover.h"

#define M_MAX 20000

static double S_x[M_MAX], S_ya[M_MAX], S_yb[M_MAX];

/* x_k = x0 + k h, k < m. */
static void S_linear_grid(double x0, double h, size_t m)
{
    for (size_t k = 0; k < m; k++)
        S_x[k] = x0 + (double)k * h;
}

/* x_k = x0 q^k, k < m. */
static void S_geometric_grid(double x0, double q, size_t m)
{
    for (size_t k = 0; k < m; k++)
        S_x[k] = x0 * pow(q, (double)k);
}

Test(crossover, straight_lines_cross_at_the_analytic_point)
{
    size_t m = 21;
    S_linear_grid(0.13, 0.37, m); /* 2.0 is not a grid point */
    for (size_t k = 0; k < m; k++) {
        S_ya[k] = 1.7 + 0.9 * S_x[k];
        S_yb[k] = 4.3 - 0.4 * S_x[k];
    }
    double out[4] = {0};
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 0, out, 4), 1);
    cr_assert_float_eq(out[0], 2.6 / 1.3, 1e-12);
    /* Swapping the curves finds the same point. */
    cr_assert_eq(crossover_find(S_x, S_yb, S_ya, m, 0, out, 4), 1);
    cr_assert_float_eq(out[0], 2.0, 1e-12);
}

Test(crossover, log_linear_curves_cross_exactly_on_a_log_scale)
{
    size_t m = 25;
    S_geometric_grid(0.5, 1.37, m);
    /* 3.1 + 2.2 ln x = 5.9 + 0.8 ln x at ln x = 2. */
    for (size_t k = 0; k < m; k++) {
        S_ya[k] = 3.1 + 2.2 * log(S_x[k]);
        S_yb[k] = 5.9 + 0.8 * log(S_x[k]);
    }
    double out[2];
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 1, out, 2), 1);
    cr_assert_float_eq(out[0], exp(2.0), 1e-12);
    /* Interpolating in x instead of log x misses it: the scale matters. */
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 0, out, 2), 1);
    cr_assert(fabs(out[0] - exp(2.0)) > 1e-3, "linear-x interpolation gave %.6f", out[0]);
}

Test(crossover, separated_curves_have_no_crossing)
{
    size_t m = 50;
    S_linear_grid(-3.3, 0.21, m);
    for (size_t k = 0; k < m; k++) {
        S_ya[k] = exp(S_x[k]);
        S_yb[k] = -0.1 - S_x[k] * S_x[k];
    }
    double out[1] = {-42};
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 0, out, 1), 0);
    cr_assert_eq(out[0], -42);
}

Test(crossover, touching_without_crossing_is_not_a_crossing)
{
    /* (x - 2.385)^2 touches 0 at a grid point and stays above. */
    double x[5] = {1.0, 1.5, 2.385, 3.1, 4.0}, ya[5], yb[5] = {0};
    for (int k = 0; k < 5; k++)
        ya[k] = (x[k] - 2.385) * (x[k] - 2.385);
    double out[1];
    cr_assert_eq(crossover_find(x, ya, yb, 5, 0, out, 1), 0);
    /* Tangent over a run of grid points, then apart on the same side. */
    double yc[6] = {-1.2, 0, 0, 0, -0.4, -2.0}, yz[6] = {0}, x6[6] = {1, 2, 3, 4, 5, 6};
    cr_assert_eq(crossover_find(x6, yc, yz, 6, 0, out, 1), 0);
}

Test(crossover, crossing_on_a_grid_point_is_found_there)
{
    double x[5] = {0.5, 1.25, 2.0, 2.75, 3.5}, ya[5], yb[5];
    for (int k = 0; k < 5; k++) {
        ya[k] = 0.3 * x[k];
        yb[k] = 1.8 - 0.6 * x[k]; /* equal at x = 2 */
    }
    double out[2];
    cr_assert_eq(crossover_find(x, ya, yb, 5, 0, out, 2), 1);
    cr_assert_float_eq(out[0], 2.0, 1e-12);
}

Test(crossover, crossing_through_a_tied_run_is_placed_at_its_middle)
{
    double x[6] = {1, 2, 4, 8, 16, 32}, ya[6] = {-0.7, -0.1, 0, 0, 0, 0.9}, yb[6] = {0};
    double out[1];
    cr_assert_eq(crossover_find(x, ya, yb, 6, 0, out, 1), 1);
    cr_assert_float_eq(out[0], (4.0 + 16.0) / 2, 1e-12);
    cr_assert_eq(crossover_find(x, ya, yb, 6, 1, out, 1), 1);
    cr_assert_float_eq(out[0], 8.0, 1e-12); /* geometric middle of 4 and 16 */
}

Test(crossover, ties_at_the_ends_of_the_grid_are_not_crossings)
{
    double x[4] = {1, 2, 3, 4}, y0[4] = {0, 0.5, 1.5, 2.5}, y1[4] = {-1, -2, -0.5, 0}, z[4] = {0};
    double out[1];
    cr_assert_eq(crossover_find(x, y0, z, 4, 0, out, 1), 0);
    cr_assert_eq(crossover_find(x, y1, z, 4, 0, out, 1), 0);
}

Test(crossover, a_non_finite_value_breaks_the_curve)
{
    double x[4] = {1, 2, 3, 4}, ya[4] = {-1, NAN, 1, 2}, yb[4] = {0};
    double out[1];
    cr_assert_eq(crossover_find(x, ya, yb, 4, 0, out, 1), 0);
}

Test(crossover, several_crossings_are_all_found_in_order)
{
    /* sin x = 0.2 on [0, 4 pi]: four roots. */
    size_t m = 12567;
    S_linear_grid(0.0, 0.001, m);
    for (size_t k = 0; k < m; k++) {
        S_ya[k] = sin(S_x[k]);
        S_yb[k] = 0.2;
    }
    double r = asin(0.2), want[4] = {r, M_PI - r, 2 * M_PI + r, 3 * M_PI - r}, out[4];
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 0, out, 4), 4);
    for (int i = 0; i < 4; i++)
        cr_expect_float_eq(out[i], want[i], 1e-6, "root %d", i);
    /* A short output array: the count is still 4, only 2 are written. */
    double two[3] = {0, 0, -42};
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 0, two, 2), 4);
    cr_assert_float_eq(two[1], want[1], 1e-6);
    cr_assert_eq(two[2], -42);
    cr_assert_eq(crossover_find(S_x, S_ya, S_yb, m, 0, NULL, 0), 4);
}

/* P(A cheaper) as a logistic in ln x centred on 5000: the analytic level
 * crossings are 5000 exp(s ln(level / (1 - level))). */
Test(crossover, probability_curve_passes_each_level_at_the_analytic_point)
{
    size_t m = 400;
    double c = 5000, s = 0.7;
    S_geometric_grid(100, 1.0123, m); /* 100 .. ~13000 */
    for (size_t k = 0; k < m; k++)
        S_ya[k] = 1 / (1 + exp(-(log(S_x[k]) - log(c)) / s));
    double levels[3] = {0.25, 0.5, 0.75};
    for (int i = 0; i < 3; i++) {
        double want = c * exp(s * log(levels[i] / (1 - levels[i]))), got = 0;
        cr_assert_eq(crossover_level(S_x, S_ya, m, 1, levels[i], &got), 1, "level %.2f", levels[i]);
        cr_expect(fabs(got - want) / want < 1e-4, "level %.2f: got %.3f, want %.3f", levels[i], got,
                  want);
    }
}

Test(crossover, probability_curve_that_never_passes_the_level_returns_zero)
{
    double x[4] = {10, 100, 1000, 10000}, p[4] = {0.61, 0.72, 0.93, 0.97}, out = -42;
    cr_assert_eq(crossover_level(x, p, 4, 1, 0.5, &out), 0);
    cr_assert_eq(out, -42);
}

Test(crossover, noisy_probability_curve_reports_every_pass_and_the_first)
{
    double x[6] = {1, 2, 3, 4, 5, 6}, p[6] = {0.31, 0.45, 0.55, 0.47, 0.62, 0.83}, out = 0;
    cr_assert_eq(crossover_level(x, p, 6, 0, 0.5, &out), 3);
    cr_assert_float_eq(out, 2.5, 1e-12);
}
