/* counts.h — hourly message counts: exact Poisson draws, and the cut-off
 * that tells which hours need one.
 *
 * The hot path of the simulator: the traffic model draws the hours that
 * could be their month's busiest one by one and the rest of each day as one
 * total (models/traffic.c, sim/engine/demand.h); counts_poisson_cutoff tells
 * the two apart. With hourly gamma bursts the traffic model draws the gamma
 * factor with GSL's gsl_ran_gamma and then the Poisson count here.
 * The sampler is exact (no normal approximation; see docs/counts.md for the
 * one series truncation in PD, total variation < 5e-11), allocates nothing,
 * keeps no state between calls and is thread-safe as long as each thread
 * owns its generator. The same generator state gives the same draws. The
 * number of uniforms a draw consumes varies (rejection), so two streams
 * that must stay aligned should not share a generator.
 *
 * Generators: any gsl_rng works (sim/engine/streams.c hands out
 * gsl_rng_taus2); uniforms come from gsl_rng_uniform / gsl_rng_uniform_pos,
 * normals from gsl_ran_gaussian_ziggurat.
 */
#ifndef COUNTS_H
#define COUNTS_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* Largest mean accepted: draws must fit a uint32_t with room for the tail. */
#define COUNTS_MU_MAX 1.0e9

/* Means below this use inversion, at or above it PD (Ahrens & Dieter's
 * domain). */
#define COUNTS_SWITCH_MU 10.0

/* Exact Poisson(mu) draw, 0 <= mu <= COUNTS_MU_MAX (asserted; NaN rejected).
 * mu == 0 returns 0 and consumes no uniform. Below COUNTS_SWITCH_MU by
 * inversion of tabulated distribution functions and thinning, at or above
 * it by PD (Ahrens & Dieter 1982); docs/counts.md. */
uint32_t counts_poisson(const gsl_rng *r, double mu);

/* The largest mean c, 0 <= c < t, for which the Chernoff bound on the upper
 * tail of Poisson(c),
 *   P(X >= t) <= exp(-c) (e c / t)^t = exp(-c + t - t log(t/c)),
 * is at most exp(log_eps) (log_eps < 0). Every Poisson mean below c then has
 * P(X >= t) <= exp(log_eps): the bound grows with the mean below t. Returns
 * 0 when t <= 0 (no mean qualifies: P(X >= 0) = 1). The traffic model uses it
 * to tell the hours that cannot reach a month's busiest hour. */
double counts_poisson_cutoff(double t, double log_eps);

#endif
