/* sampling.h — how a trajectory's uncertain parameters are drawn, beyond one independent
 * draw each: Latin hypercube strata and the Gaussian copula of correlations.csv.
 *
 * Latin hypercube (`--sampling lhs`): for a run of n trajectories, each sampled parameter has
 * a permutation pi of 0..n-1, drawn once per run from the stream keyed (seed, 0, "lhs",
 * owner, parameter) (gsl_ran_shuffle); trajectory t takes u = (pi[t] + v) / n, v uniform on
 * (0,1) from the trajectory's own parameter stream, and x = F^-1(u) (spec_quantile). Each of
 * the n strata of each parameter is hit exactly once, and a trajectory's values depend only on
 * (seed, n, t): any thread or MPI rank count gives the same bytes. Memory: 4 bytes per sampled
 * parameter and trajectory, built before the run.
 *
 * Gaussian copula (correlations.csv, scenario/correlations.h): the k correlated parameters
 * take uniforms u_j as above (stratified or not), normal scores z = Phi^-1(u), z' = L z with L
 * the Cholesky factor of the Pearson matrix, u'_j = Phi(z'_j) and x_j = F_j^-1(u'_j): every
 * marginal is F_j exactly, the rank correlations are those asked. Under LHS a parameter whose
 * row of L is a unit vector (the first correlated one, and the first of each group independent
 * of those before it) keeps its strata exactly; the others only approximately
 * (docs/sensitivity-methods.md §6).
 */
#ifndef HS_SAMPLING_H
#define HS_SAMPLING_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "base/hs_error.h"
#include "scenario/correlations.h"
#include "scenario/scenario.h"

/* The largest run Latin hypercube sampling takes (its strata are kept in memory). */
#define SAMPLING_LHS_MAX 10000000ULL

typedef struct sampling_lhs sampling_lhs;

/* The strata of a run of n trajectories (1 <= n <= SAMPLING_LHS_MAX) of the finalized
 * scenario sc. NULL on error (e set: out of memory). Caller frees. */
sampling_lhs *sampling_lhs_new(const scenario *sc, uint64_t seed, uint64_t n, hs_error *e);
void sampling_lhs_free(sampling_lhs *l);

/* The uniform of trajectory t (< n) for the value slot `flat` (CORR_FLAT), from r, keyed for
 * that parameter of that trajectory: (stratum + v) / n, or v when l is NULL. */
double sampling_uniform(const sampling_lhs *l, int flat, uint64_t t, const gsl_rng *r);

/* The copula in place: u[0..c->k-1] (uniforms of the active parameters, in order) become
 * the correlated uniforms, each in (0, 1). */
void sampling_copula(const scenario_corr *c, double *u);

#endif
