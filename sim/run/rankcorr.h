/* rankcorr.h — Spearman rank correlation between sampled inputs and model
 * outputs (a global, monotone measure of which input drives which output).
 * See docs/sensitivity-methods.md.
 */
#ifndef HS_RANKCORR_H
#define HS_RANKCORR_H

#include <stddef.h>

#include "base/hs_error.h"

/* Spearman's rho of the n pairs (x[k], y[k]): the Pearson correlation of
 * their ranks, ties given their average rank (gsl_stats_spearman). A
 * constant x or y leaves rho undefined: *rho = NaN and HS_OK.
 * Errors: n < 2 (HS_ERR_RUNTIME, a caller bug), a non-finite value
 * (HS_ERR_RUNTIME, names it), out of memory. */
hs_status rankcorr_spearman(const double *x, const double *y, size_t n, double *rho, hs_error *e);

/* Spearman's rho of every input column against every output column, with
 * one work array for all: X holds p columns of n values (column j is
 * X + j*n), Y q columns of n values; rho[j*q + l] = rho(X_j, Y_l) (a p x q
 * row-major table: one row per input). Same rules and errors as
 * rankcorr_spearman; rho has p*q elements. */
hs_status rankcorr_matrix(const double *X, size_t p, const double *Y, size_t q, size_t n,
                          double *rho, hs_error *e);

/* Ranks of x[0..n-1] (1..n, ties given their average rank) into rank;
 * perm is n elements of work. Error: a non-finite value (HS_ERR_RUNTIME). */
hs_status rankcorr_rank(const double *x, size_t n, size_t *perm, double *rank, hs_error *e);

/* Spearman's rho from two columns of ranks (rankcorr_rank): their Pearson
 * correlation; NaN when a column is constant. */
double rankcorr_of_ranks(const double *rx, const double *ry, size_t n);

#endif
