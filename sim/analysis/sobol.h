/* sobol.h — variance-based (Sobol) sensitivity indices: sample design and
 * estimators, independent of the simulation engine.
 *
 * The model is a function f of D independent inputs. The caller:
 *   1. builds a design:  d = sobol_design_new(r, n, dims, e);
 *   2. for run k = 0 .. sobol_design_runs(d) - 1 asks for the point
 *      sobol_design_point(d, k, u) (u has dims uniforms in (0,1)), maps
 *      each u[j] through input j's inverse CDF and evaluates the model;
 *   3. passes the outputs to sobol_estimate.
 * Runs are ordered: the n rows of A, the n rows of B, then the n rows of
 * AB_1, ..., the n rows of AB_D (AB_i is A with column i taken from B), so
 * the output vector of the n*(D+2) runs is exactly fA | fB | fAB as
 * sobol_estimate wants it. See docs/sensitivity-methods.md.
 */
#ifndef HS_SOBOL_H
#define HS_SOBOL_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "base/hs_error.h"

/* gsl_qrng_sobol's dimension limit: a design with 2*D <= SOBOL_QRNG_MAX_DIM
 * is quasi-random, a wider one pseudo-random. */
#define SOBOL_QRNG_MAX_DIM 40

/* Largest n a quasi-random design accepts (gsl_qrng_sobol has 30 bits). */
#define SOBOL_QRNG_MAX_N ((size_t)1 << 29)

typedef struct sobol_design sobol_design;

/* Builds the n x dims matrices A and B (2*n*dims doubles; the AB_i are
 * derived on the fly). When 2*dims <= SOBOL_QRNG_MAX_DIM, row k of [A | B]
 * is the (k+1)-th point gsl_qrng_sobol returns in dimension 2*dims (GSL
 * starts at Sobol's point 1, all 0.5: the all-zero point 0 never appears)
 * and r is not used (may be NULL). Otherwise each row of
 * [A | B] is 2*dims draws of gsl_rng_uniform_pos(r), A's columns first,
 * row after row; r is advanced by 2*n*dims draws. Either way every
 * coordinate lies in the open interval (0,1), safe for inverse CDFs.
 * n is best a power of two for the quasi-random design.
 * Returns NULL on failure (n < 2, dims == 0, n too large, r NULL when
 * needed, out of memory) with e set. Caller frees with sobol_design_free. */
sobol_design *sobol_design_new(gsl_rng *r, size_t n, size_t dims, hs_error *e);

/* sobol_design_free(NULL) does nothing. */
void sobol_design_free(sobol_design *d);

size_t sobol_design_dims(const sobol_design *d);
/* Number of model runs: n * (dims + 2). */
size_t sobol_design_runs(const sobol_design *d);
/* 1 if the design is quasi-random (gsl_qrng_sobol), 0 if pseudo-random. */
int sobol_design_is_quasi(const sobol_design *d);

/* Writes the dims uniforms of run `run` (0 <= run < sobol_design_runs(d))
 * into u_out. Pure: the same run always gives the same point, so runs can
 * be evaluated in any order, by any thread. */
void sobol_design_point(const sobol_design *d, size_t run, double *u_out);

/* First-order (s1) and total-order (st) index of one input, each with the
 * bounds of its bootstrap 95 % percentile interval. */
typedef struct {
    double s1, s1_lo, s1_hi;
    double st, st_lo, st_hi;
} sobol_index;

/* Estimates the indices of the d inputs from the outputs of the design's
 * runs: fA[n], fB[n], and fAB[d*n] (block i, fAB + i*n, holds f(AB_i)).
 *   V     = sample variance (n-1 denominator) of the 2n pooled fA, fB;
 *   s1_i  = mean_k((fB_k - m)(fAB_i,k - fA_k)) / V   (Saltelli et al. 2010,
 *           on outputs centred by m, the mean of the pooled fA, fB: the
 *           same expectation, but shift-invariant, see the docs);
 *   st_i  = mean_k((fA_k - fAB_i,k)^2) / 2 / V        (Jansen 1999).
 * Bootstrap: n_boot replicates resample the n row indices with replacement
 * (the same rows for fA, fB and every fAB_i), recompute V and the indices;
 * lo/hi are the 2.5 % and 97.5 % quantiles of the replicates. Deterministic
 * given seed (a gsl_rng_mt19937 seeded with it). n_boot == 0 gives point
 * estimates only, with lo = hi = NaN. A constant output (V == 0) gives NaN
 * indices and HS_OK: the indices are undefined, not an error.
 * Errors: n < 2 or d == 0 (HS_ERR_RUNTIME, a caller bug), a non-finite
 * output (HS_ERR_RUNTIME, names the vector and row), out of memory.
 * out has d elements. */
hs_status sobol_estimate(size_t n, size_t d, const double *fA, const double *fB, const double *fAB,
                         size_t n_boot, unsigned long seed, sobol_index *out, hs_error *e);

#endif
