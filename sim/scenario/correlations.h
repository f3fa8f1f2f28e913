/* correlations.h — rank correlations between sampled parameters (correlations.csv).
 *
 * File (optional): parameter_a,parameter_b,rank_correlation,source. A parameter is written
 * OWNER.NAME as `hostsim params` lists it (global.volume_month, saas.seat_fee), across options
 * too; both must be sampled (a distribution in params.csv, not a fixed number); the value is
 * Spearman's rho in [-1, 1]; a pair comes at most once and never pairs a parameter with itself.
 * The Gaussian copula that imposes them (engine/sampling.h) correlates normal scores with
 * Pearson r = 2 sin(pi rho / 6), the one whose Spearman is rho; the matrix of those r (1 on the
 * diagonal, 0 for an undeclared pair) must be positive definite, and the file is checked row by
 * row so the first row after which it is not is the one named. |rho| = 1 is taken as
 * |r| = 1 - CORR_R_EPS, so a perfect pair keeps the matrix positive definite.
 *
 * correlations_finalize (from scenario_finalize) drops every row of a parameter that --set
 * or --param made a fixed number (what is left is a principal submatrix, still positive
 * definite) and factors the matrix of the rest, L L^T (Cholesky, GSL): read-only afterwards.
 */
#ifndef HS_CORRELATIONS_H
#define HS_CORRELATIONS_H

#include <stddef.h>

#include "base/hs_error.h"
#include "csvin.h"
#include "params.h"
#include "scenario.h"

#define CORR_MAX_PARAMS 64 /* distinct parameters named in correlations.csv */
#define CORR_MAX_ROWS 512
#define CORR_R_EPS 1e-9

/* The index of a value slot in one flat array: g[PG_*] first, then opt[o].p[PO_*] option by
 * option (the order of a runner record's sampled part). */
#define CORR_FLAT(opt, index) ((opt) < 0 ? (index) : PG_COUNT + (opt)*PO_COUNT + (index))

typedef struct {
    int opt; /* -1 for a global parameter */
    const param_def *d;
    char name[80]; /* "global.volume_month" */
    int active;    /* still sampled once finalized; k below is its place among them */
    int k;
} corr_param;

typedef struct {
    int a, b;      /* indices in params[] */
    double rho;    /* the rank correlation asked */
    size_t line;   /* in correlations.csv */
    char src[256]; /* the source cell (cut to fit: it is not written out) */
} corr_row;

typedef struct scenario_corr {
    corr_param params[CORR_MAX_PARAMS];
    int nparams;
    corr_row rows[CORR_MAX_ROWS];
    int nrows;
    /* once finalized */
    int k;                       /* active parameters: those the copula draws, in params[] order */
    int active[CORR_MAX_PARAMS]; /* params[] index of the j-th active parameter */
    double chol[CORR_MAX_PARAMS * CORR_MAX_PARAMS]; /* L, k x k row-major, lower triangle */
    int slot_k[PG_COUNT +
               SCENARIO_MAX_OPTIONS * PO_COUNT]; /* CORR_FLAT slot -> active index, or -1 */
} scenario_corr;

/* One data row of correlations.csv (the header and the column count already checked):
 * resolves both names, checks the value, the pair, and that the matrix so far is positive
 * definite. DIR is the scenario folder of the file: a parameter fixed by another folder of
 * the scenario (one that extends this base) is accepted and its rows dropped at finalize, as
 * for --set. Creates sc->corr at the first row. File:line:col errors (HS_ERR_INPUT). */
hs_status correlations_row(scenario *sc, const csvin_row *row, const char *dir, hs_error *e);

/* Drops the rows of parameters no longer sampled and factors the rest (see above). */
hs_status correlations_finalize(scenario *sc, hs_error *e);

/* The Pearson correlation of the normal scores for rank correlation rho. */
double correlations_pearson(double rho);

#endif
