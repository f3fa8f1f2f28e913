/* streams.c — keyed random streams (see streams.h).
 *
 * taus2 (L'Ecuyer 1996) keeps three 32-bit words s1, s2, s3 that must
 * exceed 1, 7 and 15. GSL's own seeding goes through a 32-bit LCG, which
 * would make distinct 64-bit keys collide among millions of streams; so the
 * three words are set directly from SplitMix64 outputs of the key, through
 * gsl_rng_state, and the generator is warmed up as GSL's taus2_set does.
 */
#include "streams.h"

#include <assert.h>
#include <stdlib.h>
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

/* Moves the generator's state to a cache line of its own. The state is
 * written at every draw; left where malloc put it (all workspaces are
 * allocated by the main thread, from one heap), it can share a line with
 * data another worker writes, and the two cores then fight over the line.
 * Whether it does depends on the heap layout (it varied with
 * --trajectories): with the sampler of commit cdfb1e2, 400 trajectories
 * took 1.76 s on one thread and 1.85 s on two, 1.08 s on two once isolated.
 * gsl_rng_free frees the state with free(), which takes aligned_alloc's
 * memory. */
#define S_LINE 128 /* two 64-byte lines: adjacent-line prefetch pairs them */
static int S_isolate_state(gsl_rng *r)
{
    size_t size = r->type->size;
    void *st = aligned_alloc(S_LINE, (size + S_LINE - 1) / S_LINE * S_LINE);
    if (!st) return -1;
    memcpy(st, r->state, size);
    free(r->state);
    r->state = st;
    return 0;
}

gsl_rng *streams_alloc(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    if (r && S_isolate_state(r)) {
        gsl_rng_free(r);
        return NULL;
    }
    return r;
}

void streams_key(gsl_rng *r, uint64_t seed, uint64_t trajectory, const char *purpose,
                 const char *option, const char *name)
{
    uint64_t k = streams_hash(seed, trajectory, purpose, option, name);
    /* the three words are written through GSL's own state layout */
    assert(r->type == gsl_rng_taus2 && gsl_rng_size(r) == sizeof(S_taus_state));
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
