/* streams.h — independent random streams per trajectory and purpose.
 *
 * Every random number a trajectory uses comes from a GSL generator
 * (gsl_rng_taus2) whose state is derived from the key
 *   (run seed, trajectory index, purpose, option name, parameter name)
 * by hashing: FNV-1a 64 of the strings, mixed with the seed and index by
 * the SplitMix64 finaliser, expanded to taus2's three 32-bit state words.
 * Consequences (docs/random-streams.md):
 *  - a trajectory's numbers do not depend on which thread or process runs it;
 *  - adding, removing or reordering options changes no other option's draws
 *    (streams are keyed by option *name*, not position; a variant's by its
 *    base's name, options.csv);
 *  - drawing more or fewer numbers in one purpose (e.g. more outages) leaves
 *    every other purpose's numbers unchanged.
 * The generator is re-keyed in place: no allocation per trajectory.
 */
#ifndef HS_STREAMS_H
#define HS_STREAMS_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* Allocates a generator suitable for streams_key, its state on a cache line
 * of its own (caller frees with gsl_rng_free). NULL when out of memory. */
gsl_rng *streams_alloc(void);

/* Re-keys r, a generator from streams_alloc (asserted). option and name may
 * be NULL. */
void streams_key(gsl_rng *r, uint64_t seed, uint64_t trajectory, const char *purpose,
                 const char *option, const char *name);

/* The 64-bit key itself (exposed for tests and for Sobol designs). */
uint64_t streams_hash(uint64_t seed, uint64_t trajectory, const char *purpose, const char *option,
                      const char *name);

#endif
