/* streams.c — keyed random streams (see streams.h).
 *
 * taus2 (L'Ecuyer 1996) keeps three 32-bit words s1, s2, s3 that must
 * exceed 1, 7 and 15. GSL's own seeding goes through a 32-bit LCG, which
 * would make distinct 64-bit keys collide among millions of streams; so the
 * three words are set directly from SplitMix64 outputs of the key, through
 * gsl_rng_state, and the generator is warmed up as GSL's taus2_set does.
 */
#include "streams.h"

#include <string.h>

typedef struct {
    unsigned long s1, s2, s3;
} S_taus_state; /* GSL's taus_state_t layout */

static uint64_t S_mix(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t S_fnv(uint64_t h, const char *s)
{
    if (!s) s = "";
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    h ^= 0xff; /* separator, so ("ab","c") != ("a","bc") */
    h *= 0x100000001b3ULL;
    return h;
}

uint64_t streams_hash(uint64_t seed, uint64_t trajectory, const char *purpose, const char *option,
                      const char *name)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h = S_fnv(S_fnv(S_fnv(h, purpose), option), name);
    return S_mix(S_mix(S_mix(seed) ^ trajectory) ^ h);
}

gsl_rng *streams_alloc(void)
{
    return gsl_rng_alloc(gsl_rng_taus2);
}

void streams_key(gsl_rng *r, uint64_t seed, uint64_t trajectory, const char *purpose,
                 const char *option, const char *name)
{
    uint64_t k = streams_hash(seed, trajectory, purpose, option, name);
    S_taus_state *st = gsl_rng_state(r);
    uint64_t a = S_mix(k), b = S_mix(k ^ 0x5851f42d4c957f2dULL);
    st->s1 = (unsigned long)(a & 0xffffffffUL);
    st->s2 = (unsigned long)(a >> 32);
    st->s3 = (unsigned long)(b & 0xffffffffUL);
    if (st->s1 < 2) st->s1 += 2;
    if (st->s2 < 8) st->s2 += 8;
    if (st->s3 < 16) st->s3 += 16;
    for (int i = 0; i < 6; i++)
        gsl_rng_get(r); /* warm up, as taus2_set does */
}
