/* counts.h — hourly message counts: exact Poisson and gamma-mixed Poisson draws.
 *
 * The hot path of the simulator: one draw per simulated hour and trajectory.
 * Both samplers are exact (no normal approximation), allocate nothing, keep no
 * state between calls and are thread-safe as long as each thread owns its
 * generator. The same generator state gives the same draws. The number of
 * uniforms a draw consumes varies (rejection), so two streams that must stay
 * aligned should not share a generator. See docs/counts.md.
 */
#ifndef COUNTS_H
#define COUNTS_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* Largest mean accepted: draws must fit a uint32_t with room for the tail. */
#define COUNTS_MU_MAX 1.0e9

/* Exact Poisson(mu) draw, 0 <= mu <= COUNTS_MU_MAX (asserted; NaN rejected).
 * mu == 0 returns 0 and consumes no uniform. Inversion by sequential search
 * for mu < 10, PTRS (Hörmann 1993) for mu >= 10. */
uint32_t counts_poisson(const gsl_rng *r, double mu);

/* Overdispersed counts: Poisson(mu * G), G ~ Gamma(shape k, scale 1/k), so
 * mean mu and variance mu + mu^2/k (negative binomial, GSL's n = k,
 * p = k/(k+mu)). k <= 0 or k = +inf means plain Poisson: the same draws as
 * counts_poisson(r, mu) from the same state. k must not be NaN (asserted).
 * mu == 0 returns 0 and consumes nothing. The mixed mean mu*G is capped at
 * COUNTS_MU_MAX (reached only when G > COUNTS_MU_MAX/mu, i.e. never in
 * practice for hourly traffic). */
uint32_t counts_negbin(const gsl_rng *r, double mu, double k);

#endif
