/* sobol.c — Sobol sensitivity indices: the sample design and the estimators.
 *
 * Design (Saltelli 2002; Saltelli et al. 2010): two independent n x D
 * matrices A and B of uniforms, and for each input i the matrix AB_i, A
 * with column i taken from B: n*(D+2) model runs in all. [A | B] is one
 * 2D-dimensional sample: quasi-random (gsl_qrng_sobol, which omits the
 * all-zero point 0) when 2D <= 40, the generator's limit, pseudo-random
 * (gsl_rng) beyond.
 * Only A and B are stored; a point of AB_i is assembled on request.
 *
 * Estimators, with V the variance of the pooled f(A), f(B) and m its mean:
 *   first order  S_i  = (1/n) sum_k (f(B)_k - m) (f(AB_i)_k - f(A)_k) / V
 *                (Saltelli et al. 2010, table 2 (b); centring by m leaves
 *                the expectation unchanged — E[f(AB_i) - f(A)] = 0 — and
 *                makes the estimate invariant to a shift of f: costs have
 *                means far larger than their spread, and without centring
 *                the estimator's variance grows with mean^2 / V);
 *   total order  ST_i = (1/2n) sum_k (f(A)_k - f(AB_i)_k)^2 / V
 *                (Jansen 1999; Saltelli et al. 2010, table 2 (f)).
 * Confidence intervals: nonparametric bootstrap over the n rows (Efron &
 * Tibshirani 1993; Archer, Saltelli & Sobol 1997), percentile 95 %.
 *
 * References:
 *   A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S.
 *     Tarantola (2010), Variance based sensitivity analysis of model output.
 *     Design and estimator for the total sensitivity index, Computer
 *     Physics Communications 181(2), 259-270.
 *   M.J.W. Jansen (1999), Analysis of variance designs for model output,
 *     Computer Physics Communications 117(1-2), 35-43.
 *   A. Saltelli (2002), Making best use of model evaluations to compute
 *     sensitivity indices, Computer Physics Communications 145(2), 280-297.
 *   G.E.B. Archer, A. Saltelli, I.M. Sobol (1997), Sensitivity measures,
 *     ANOVA-like techniques and the use of bootstrap, J. Statist. Comput.
 *     Simul. 58, 99-120.
 */
#include "sobol.h"

#include <assert.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sobol_design {
    size_t n;    /* rows */
    size_t dims; /* D, the number of inputs */
    int quasi;   /* 1: gsl_qrng_sobol, 0: gsl_rng */
    double *ab;  /* n rows of 2*dims: A's row then B's row */
};

sobol_design *sobol_design_new(gsl_rng *r, size_t n, size_t dims, hs_error *e)
{
    if (n < 2 || dims == 0) {
        hs_error_set(e, HS_ERR_RUNTIME,
                     "sobol design: need n >= 2 rows and at least one input "
                     "(got n = %zu, inputs = %zu)",
                     n, dims);
        return NULL;
    }
    if (dims > SIZE_MAX / 2 / n / sizeof(double) || n > SIZE_MAX / (dims + 2)) {
        hs_error_set(e, HS_ERR_RUNTIME, "sobol design: %zu rows x %zu inputs is too large", n,
                     dims);
        return NULL;
    }
    int quasi = 2 * dims <= SOBOL_QRNG_MAX_DIM;
    if (quasi && n > SOBOL_QRNG_MAX_N) {
        hs_error_set(e, HS_ERR_RUNTIME,
                     "sobol design: at most %zu rows with a quasi-random "
                     "design (got %zu)",
                     SOBOL_QRNG_MAX_N, n);
        return NULL;
    }
    if (!quasi && !r) {
        hs_error_set(e, HS_ERR_RUNTIME,
                     "sobol design: %zu inputs need a pseudo-random "
                     "design, but no generator was given",
                     dims);
        return NULL;
    }

    sobol_design *d = calloc(1, sizeof *d);
    if (!d) {
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    d->n = n;
    d->dims = dims;
    d->quasi = quasi;
    d->ab = malloc(2 * n * dims * sizeof *d->ab);
    if (!d->ab) {
        sobol_design_free(d);
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory (sobol design, %zu x %zu)", n, 2 * dims);
        return NULL;
    }

    size_t w = 2 * dims;
    if (quasi) {
        gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)w);
        if (!q) {
            sobol_design_free(d);
            hs_error_set(e, HS_ERR_RUNTIME, "out of memory (gsl_qrng_sobol, dimension %zu)", w);
            return NULL;
        }
        /* Sobol's point 0 is all zeros, which would hit every inverse CDF at
         * its left end; GSL's generator already starts at point 1 (all
         * 0.5), so nothing is skipped here. No later point has a zero
         * coordinate: the direction-number matrices are nonsingular. */
        for (size_t k = 0; k < n; k++) {
            if (gsl_qrng_get(q, d->ab + k * w) != GSL_SUCCESS) {
                gsl_qrng_free(q);
                sobol_design_free(d);
                hs_error_set(e, HS_ERR_RUNTIME,
                             "sobol design: gsl_qrng_sobol ran out of points "
                             "at row %zu",
                             k);
                return NULL;
            }
        }
        gsl_qrng_free(q);
    } else {
        for (size_t k = 0; k < n * w; k++)
            d->ab[k] = gsl_rng_uniform_pos(r);
    }
    return d;
}

void sobol_design_free(sobol_design *d)
{
    if (!d) return;
    free(d->ab);
    free(d);
}

size_t sobol_design_dims(const sobol_design *d)
{
    return d->dims;
}
size_t sobol_design_runs(const sobol_design *d)
{
    return d->n * (d->dims + 2);
}
int sobol_design_is_quasi(const sobol_design *d)
{
    return d->quasi;
}

void sobol_design_point(const sobol_design *d, size_t run, double *u_out)
{
    assert(run < sobol_design_runs(d));
    size_t block = run / d->n; /* 0: A, 1: B, 2 + i: AB_i */
    size_t row = run % d->n;
    const double *a = d->ab + row * 2 * d->dims;
    const double *b = a + d->dims;
    if (block == 1) {
        memcpy(u_out, b, d->dims * sizeof *u_out);
        return;
    }
    memcpy(u_out, a, d->dims * sizeof *u_out);
    if (block >= 2) u_out[block - 2] = b[block - 2];
}

/* Checks that every output is finite; names the first that is not. */
static hs_status S_check_finite(const double *f, size_t n, const char *what, size_t block,
                                hs_error *e)
{
    for (size_t k = 0; k < n; k++) {
        if (isfinite(f[k])) continue;
        if (block == 0)
            return hs_error_set(e, HS_ERR_RUNTIME, "sobol: model output %s[%zu] is %g", what, k,
                                f[k]);
        return hs_error_set(e, HS_ERR_RUNTIME, "sobol: model output %s_%zu[%zu] is %g", what, block,
                            k, f[k]);
    }
    return HS_OK;
}

/* The percentile interval of the finite values among rep[0..nrep-1]
 * (sorted in place); NaN bounds when there are none. */
static void S_interval(double *rep, size_t nrep, double *lo, double *hi)
{
    size_t m = 0;
    for (size_t k = 0; k < nrep; k++)
        if (isfinite(rep[k])) rep[m++] = rep[k];
    if (m == 0) {
        *lo = *hi = NAN;
        return;
    }
    gsl_sort(rep, 1, m);
    *lo = gsl_stats_quantile_from_sorted_data(rep, 1, m, 0.025);
    *hi = gsl_stats_quantile_from_sorted_data(rep, 1, m, 0.975);
}

hs_status sobol_estimate(size_t n, size_t d, const double *fA, const double *fB, const double *fAB,
                         size_t n_boot, unsigned long seed, sobol_index *out, hs_error *e)
{
    if (n < 2 || d == 0)
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "sobol: need n >= 2 rows and at least one input "
                            "(got n = %zu, inputs = %zu)",
                            n, d);
    HS_FORWARD(S_check_finite(fA, n, "f(A)", 0, e));
    HS_FORWARD(S_check_finite(fB, n, "f(B)", 0, e));
    for (size_t i = 0; i < d; i++)
        HS_FORWARD(S_check_finite(fAB + i * n, n, "f(AB)", i + 1, e));

    /* Per-row terms: y1[i*n+k] = (fB_k - m)(fAB_i,k - fA_k), yt[i*n+k] =
     * (fA_k - fAB_i,k)^2 / 2; the estimates are their means over V, for
     * the full sample as for a bootstrap replicate. */
    double *pool = malloc(2 * n * sizeof *pool);
    double *y1 = malloc(d * n * sizeof *y1);
    double *yt = malloc(d * n * sizeof *yt);
    double *gather = malloc(2 * n * sizeof *gather);
    double *rep = malloc(2 * d * (n_boot ? n_boot : 1) * sizeof *rep);
    size_t *idx = malloc(n * sizeof *idx);
    gsl_rng *r = n_boot ? gsl_rng_alloc(gsl_rng_mt19937) : NULL;
    hs_status s = HS_OK;
    if (!pool || !y1 || !yt || !gather || !rep || !idx || (n_boot && !r)) {
        s = hs_error_set(e, HS_ERR_RUNTIME, "out of memory (sobol estimate, n = %zu, inputs = %zu)",
                         n, d);
        goto done;
    }

    memcpy(pool, fA, n * sizeof *pool);
    memcpy(pool + n, fB, n * sizeof *pool);
    double m = gsl_stats_mean(pool, 1, 2 * n);
    double v = gsl_stats_variance_m(pool, 1, 2 * n, m);
    for (size_t i = 0; i < d; i++) {
        const double *fab = fAB + i * n;
        for (size_t k = 0; k < n; k++) {
            double diff = fab[k] - fA[k];
            y1[i * n + k] = (fB[k] - m) * diff;
            yt[i * n + k] = 0.5 * diff * diff;
        }
        double s1 = gsl_stats_mean(y1 + i * n, 1, n) / v;
        double st = gsl_stats_mean(yt + i * n, 1, n) / v;
        out[i].s1 = v > 0 ? s1 : NAN;
        out[i].st = v > 0 ? st : NAN;
        out[i].s1_lo = out[i].s1_hi = out[i].st_lo = out[i].st_hi = NAN;
    }
    if (n_boot == 0 || !(v > 0)) goto done;

    /* rep[(2i) * n_boot + b] holds replicate b of s1_i, rep[(2i+1) * n_boot + b] of st_i. */
    gsl_rng_set(r, seed);
    for (size_t b = 0; b < n_boot; b++) {
        for (size_t k = 0; k < n; k++)
            idx[k] = gsl_rng_uniform_int(r, n);
        for (size_t k = 0; k < n; k++) {
            gather[k] = fA[idx[k]];
            gather[n + k] = fB[idx[k]];
        }
        double vb = gsl_stats_variance(gather, 1, 2 * n);
        for (size_t i = 0; i < d; i++) {
            double s1b = NAN, stb = NAN;
            if (vb > 0) {
                for (size_t k = 0; k < n; k++)
                    gather[k] = y1[i * n + idx[k]];
                s1b = gsl_stats_mean(gather, 1, n) / vb;
                for (size_t k = 0; k < n; k++)
                    gather[k] = yt[i * n + idx[k]];
                stb = gsl_stats_mean(gather, 1, n) / vb;
            }
            rep[(2 * i) * n_boot + b] = s1b;
            rep[(2 * i + 1) * n_boot + b] = stb;
        }
    }
    for (size_t i = 0; i < d; i++) {
        S_interval(rep + (2 * i) * n_boot, n_boot, &out[i].s1_lo, &out[i].s1_hi);
        S_interval(rep + (2 * i + 1) * n_boot, n_boot, &out[i].st_lo, &out[i].st_hi);
    }

done:
    gsl_rng_free(r);
    free(idx);
    free(rep);
    free(gather);
    free(yt);
    free(y1);
    free(pool);
    return s;
}
