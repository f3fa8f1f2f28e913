/* rankcorr.c — Spearman rank correlation (see rankcorr.h).
 *
 *   rho = corr(rank(x), rank(y)),
 * ranks from 1 to n, tied values sharing the mean of the ranks they span;
 * without ties this equals 1 - 6 sum d_k^2 / (n (n^2 - 1)), d_k the rank
 * differences. The computation is GSL's gsl_stats_spearman; for many
 * columns against many, rankcorr_rank ranks each column once (GSL's
 * gsl_sort_index, ties averaged as gsl_stats_spearman does) and
 * rankcorr_of_ranks takes GSL's Pearson correlation of two rank columns:
 * the same rho (to rounding), with one sort per column instead of two per
 * pair.
 *
 * References:
 *   C. Spearman (1904), The proof and measurement of association between
 *     two things, American Journal of Psychology 15(1), 72-101.
 *   GSL reference manual, section "Correlation" (gsl_stats_spearman).
 */
#include "rankcorr.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

static hs_status S_check(const double *v, size_t n, const char *what, size_t col, hs_error *e)
{
    for (size_t k = 0; k < n; k++)
        if (!isfinite(v[k]))
            return hs_error_set(e, HS_ERR_RUNTIME, "rank correlation: %s column %zu, row %zu is %g",
                                what, col, k, v[k]);
    return HS_OK;
}

/* gsl_stats_spearman on checked data; NaN when a column is constant. */
static double S_rho(const double *x, const double *y, size_t n, double *work)
{
    double r = gsl_stats_spearman(x, 1, y, 1, n, work);
    return isfinite(r) ? r : NAN;
}

hs_status rankcorr_matrix(const double *X, size_t p, const double *Y, size_t q, size_t n,
                          double *rho, hs_error *e)
{
    if (n < 2)
        return hs_error_set(e, HS_ERR_RUNTIME, "rank correlation: need at least 2 pairs (got %zu)",
                            n);
    for (size_t j = 0; j < p; j++)
        HS_FORWARD(S_check(X + j * n, n, "input", j, e));
    for (size_t l = 0; l < q; l++)
        HS_FORWARD(S_check(Y + l * n, n, "output", l, e));
    if (p == 0 || q == 0) return HS_OK;
    double *work = malloc(2 * n * sizeof *work);
    if (!work)
        return hs_error_set(e, HS_ERR_RUNTIME, "out of memory (rank correlation, n = %zu)", n);
    for (size_t j = 0; j < p; j++)
        for (size_t l = 0; l < q; l++)
            rho[j * q + l] = S_rho(X + j * n, Y + l * n, n, work);
    free(work);
    return HS_OK;
}

hs_status rankcorr_spearman(const double *x, const double *y, size_t n, double *rho, hs_error *e)
{
    return rankcorr_matrix(x, 1, y, 1, n, rho, e);
}

hs_status rankcorr_rank(const double *x, size_t n, size_t *perm, double *rank, hs_error *e)
{
    HS_FORWARD(S_check(x, n, "column", 0, e));
    gsl_sort_index(perm, x, 1, n);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && x[perm[j]] == x[perm[i]])
            j++;
        const double r = (double)(i + 1 + j) / 2.0; /* the mean of ranks i+1 .. j */
        for (size_t k = i; k < j; k++)
            rank[perm[k]] = r;
        i = j;
    }
    return HS_OK;
}

double rankcorr_of_ranks(const double *rx, const double *ry, size_t n)
{
    const double r = gsl_stats_correlation(rx, 1, ry, 1, n);
    return isfinite(r) ? r : NAN;
}
