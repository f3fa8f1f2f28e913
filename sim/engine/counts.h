/* counts.h — hourly message counts: exact Poisson and gamma-mixed Poisson draws.
 *
 * The hot path of the simulator: the traffic model draws the hours that could
 * be their month's busiest one by one and the rest of each day as one total
 * (models/traffic.c); counts_poisson_cutoff tells the two apart.
 * The samplers are exact (no normal approximation; see docs/counts.md for
 * the one series truncation in PD, total variation < 5e-11), allocate
 * nothing, keep no state between calls and are thread-safe as long as each
 * thread owns its generator. The same generator state gives the same draws.
 * The number of uniforms a draw consumes varies (rejection), so two streams
 * that must stay aligned should not share a generator.
 *
 * Generators: any gsl_rng works (sim/engine/streams.c hands out gsl_rng_taus2);
 * uniforms come from gsl_rng_uniform / gsl_rng_uniform_pos, normals from
 * gsl_ran_gaussian_ziggurat and gammas from gsl_ran_gamma.
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
 * mu == 0 returns 0 and consumes no uniform. Inversion by sequential search
 * for mu < COUNTS_SWITCH_MU, PD (Ahrens & Dieter 1982) above. */
uint32_t counts_poisson(const gsl_rng *r, double mu);

/* Overdispersed counts: Poisson(mu * G), G ~ Gamma(shape k, scale 1/k), so
 * mean mu and variance mu + mu^2/k (negative binomial, GSL's n = k,
 * p = k/(k+mu)). G by Marsaglia & Tsang (2000). k <= 0 or k = +inf means
 * plain Poisson: the same draws as counts_poisson(r, mu) from the same
 * state. k must not be NaN (asserted). mu == 0 returns 0 and consumes
 * nothing. The mixed mean mu*G is capped at COUNTS_MU_MAX (reached only when
 * G > COUNTS_MU_MAX/mu, i.e. never in practice for hourly traffic). */
uint32_t counts_negbin(const gsl_rng *r, double mu, double k);

/* out[i] = counts_negbin(r, mu[i], k) for i = 0..n-1, in that order: the same
 * draws and the same generator state afterwards as the n calls, with the
 * per-call set-up (generator state, gamma constants) done once. */
void counts_negbin_n(const gsl_rng *r, int n, const double *mu, double k, uint32_t *out);

/* A standard normal deviate: GSL's gsl_ran_gaussian_ziggurat (Marsaglia &
 * Tsang 2000). */
double counts_normal(const gsl_rng *r);

/* The largest mean c, 0 <= c < t, for which the Chernoff bound on the upper
 * tail of Poisson(c),
 *   P(X >= t) <= exp(-c) (e c / t)^t = exp(-c + t - t log(t/c)),
 * is at most exp(log_eps) (log_eps < 0). Every Poisson mean below c then has
 * P(X >= t) <= exp(log_eps): the bound grows with the mean below t. Returns
 * 0 when t <= 0 (no mean qualifies: P(X >= 0) = 1). The traffic model uses it
 * to tell the hours that cannot reach a month's busiest hour. */
double counts_poisson_cutoff(double t, double log_eps);

#endif
