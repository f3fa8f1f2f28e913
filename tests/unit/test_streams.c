/* test_streams.c — keyed random streams (sim/engine/streams.c).
 *
 * A stream is keyed by (seed, trajectory, purpose, option name, parameter
 * name). The contract (docs/random-streams.md): the same key gives the same
 * numbers; changing any part of the key gives other numbers; how many numbers
 * one stream consumes never changes another stream; options are keyed by name,
 * so their order is irrelevant. Plus two sanity checks that neighbouring keys
 * give unrelated streams: first draws across 10^5 trajectories are uniform
 * and uncorrelated from one trajectory to the next.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/streams.h"

#define S_SEED 20271111ULL
#define S_REPLAY "build/test_unit --filter 'streams/*'"

static void S_draws(gsl_rng *r, uint64_t seed, uint64_t traj, const char *purpose,
                    const char *option, const char *name, unsigned long *out, int n)
{
    streams_key(r, seed, traj, purpose, option, name);
    for (int i = 0; i < n; i++)
        out[i] = gsl_rng_get(r);
}

static int S_same(const unsigned long *a, const unsigned long *b, int n)
{
    return memcmp(a, b, (size_t)n * sizeof *a) == 0;
}

Test(streams, the_same_key_gives_the_same_draws)
{
    gsl_rng *r1 = streams_alloc(), *r2 = streams_alloc();
    unsigned long a[64], b[64];
    S_draws(r1, S_SEED, 17, "outages", "on_prem", NULL, a, 64);
    S_draws(r2, S_SEED, 17, "outages", "on_prem", NULL, b, 64);
    cr_expect(S_same(a, b, 64), "two generators, same key, different draws; seed %llu",
              (unsigned long long)S_SEED);
    /* re-keying the same generator restarts the stream */
    S_draws(r1, S_SEED, 17, "outages", "on_prem", NULL, b, 64);
    cr_expect(S_same(a, b, 64), "re-keying does not restart the stream");
    gsl_rng_free(r1);
    gsl_rng_free(r2);
}

Test(streams, a_different_trajectory_gives_different_draws)
{
    gsl_rng *r = streams_alloc();
    unsigned long a[16], b[16];
    S_draws(r, S_SEED, 17, "demand", NULL, NULL, a, 16);
    S_draws(r, S_SEED, 18, "demand", NULL, NULL, b, 16);
    cr_expect(!S_same(a, b, 16), "trajectories 17 and 18 draw the same numbers");
    gsl_rng_free(r);
}

Test(streams, a_different_seed_gives_different_draws)
{
    gsl_rng *r = streams_alloc();
    unsigned long a[16], b[16];
    S_draws(r, S_SEED, 0, "demand", NULL, NULL, a, 16);
    S_draws(r, S_SEED + 1, 0, "demand", NULL, NULL, b, 16);
    cr_expect(!S_same(a, b, 16), "seeds %llu and %llu draw the same numbers",
              (unsigned long long)S_SEED, (unsigned long long)S_SEED + 1);
    gsl_rng_free(r);
}

Test(streams, a_different_option_name_gives_different_draws)
{
    gsl_rng *r = streams_alloc();
    unsigned long a[16], b[16];
    S_draws(r, S_SEED, 3, "outages", "on_prem", NULL, a, 16);
    S_draws(r, S_SEED, 3, "outages", "saas_plan", NULL, b, 16);
    cr_expect(!S_same(a, b, 16), "two options share a stream");
    gsl_rng_free(r);
}

Test(streams, a_different_purpose_or_parameter_gives_different_draws)
{
    gsl_rng *r = streams_alloc();
    unsigned long a[16], b[16], c[16];
    S_draws(r, S_SEED, 3, "outages", "on_prem", NULL, a, 16);
    S_draws(r, S_SEED, 3, "incidents", "on_prem", NULL, b, 16);
    S_draws(r, S_SEED, 3, "outages", "on_prem", "repair_hours", c, 16);
    cr_expect(!S_same(a, b, 16), "two purposes share a stream");
    cr_expect(!S_same(a, c, 16), "a parameter's stream equals its option's");
    gsl_rng_free(r);
}

Test(streams, the_key_parts_are_separated)
{
    /* ("ab", "c") and ("a", "bc") are different keys */
    cr_expect_neq(streams_hash(1, 2, "ab", "c", NULL), streams_hash(1, 2, "a", "bc", NULL));
    cr_expect_neq(streams_hash(1, 2, "x", NULL, "y"), streams_hash(1, 2, "x", "y", NULL));
    cr_expect_neq(streams_hash(1, 2, "x", NULL, NULL), streams_hash(2, 1, "x", NULL, NULL),
                  "seed and trajectory are interchangeable");
}

Test(streams, drawing_more_from_one_purpose_leaves_another_unchanged)
{
    /* A trajectory that has one outage and one that has three hundred: the
     * incident stream drawn afterwards is the same. */
    gsl_rng *r = streams_alloc();
    unsigned long few[3], many[300], inc1[32], inc2[32];
    S_draws(r, S_SEED, 5, "outages", "on_prem", NULL, few, 3);
    S_draws(r, S_SEED, 5, "incidents", "on_prem", NULL, inc1, 32);
    S_draws(r, S_SEED, 5, "outages", "on_prem", NULL, many, 300);
    S_draws(r, S_SEED, 5, "incidents", "on_prem", NULL, inc2, 32);
    cr_expect(S_same(inc1, inc2, 32), "the incident draws depend on how many outages were drawn");
    cr_expect(S_same(few, many, 3), "the first outage draws changed");
    gsl_rng_free(r);
}

Test(streams, reordering_options_changes_no_option_draws)
{
    const char *order1[3] = {"self_hosted", "saas", "payg"};
    const char *order2[3] = {"payg", "self_hosted", "saas"};
    unsigned long d1[3][8], d2[3][8];
    gsl_rng *r = streams_alloc();
    for (int i = 0; i < 3; i++)
        S_draws(r, S_SEED, 9, "outages", order1[i], NULL, d1[i], 8);
    for (int i = 0; i < 3; i++)
        S_draws(r, S_SEED, 9, "outages", order2[i], NULL, d2[i], 8);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (strcmp(order1[i], order2[j]) == 0)
                cr_expect(S_same(d1[i], d2[j], 8), "option %s draws differently in another order",
                          order1[i]);
    gsl_rng_free(r);
}

Test(streams, a_trajectory_draws_the_same_whichever_trajectories_ran_before)
{
    /* what a thread does: run trajectories 0..9, or only 7 */
    gsl_rng *r = streams_alloc();
    unsigned long all[10][8], alone[8];
    for (int t = 0; t < 10; t++)
        S_draws(r, S_SEED, (uint64_t)t, "demand", NULL, NULL, all[t], 8);
    gsl_rng *r2 = streams_alloc();
    S_draws(r2, S_SEED, 7, "demand", NULL, NULL, alone, 8);
    cr_expect(S_same(all[7], alone, 8), "trajectory 7 depends on the trajectories before it");
    gsl_rng_free(r);
    gsl_rng_free(r2);
}

static int S_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

Test(streams, keys_of_many_trajectories_are_distinct)
{
    enum { N = 200000 };
    uint64_t *h = malloc(N * sizeof *h);
    cr_assert_not_null(h);
    for (uint64_t t = 0; t < N; t++)
        h[t] = streams_hash(S_SEED, t, "demand", NULL, NULL);
    qsort(h, N, sizeof *h, S_cmp);
    for (int i = 1; i < N; i++)
        cr_assert_neq(h[i], h[i - 1], "two trajectories share a key");
    free(h);
}

Test(streams, first_draws_of_neighbouring_trajectories_are_uniform_and_uncorrelated)
{
    enum { N = 100000 };
    gsl_rng *r = streams_alloc();
    double prev = 0, sum = 0, sum2 = 0, lag = 0;
    for (uint64_t t = 0; t < N; t++) {
        streams_key(r, S_SEED, t, "demand", NULL, NULL);
        double u = gsl_rng_uniform(r);
        sum += u;
        sum2 += u * u;
        if (t) lag += (u - 0.5) * (prev - 0.5);
        prev = u;
    }
    double mean = sum / N, var = sum2 / N - mean * mean;
    double corr = lag / (N - 1) / (1.0 / 12);
    /* SE of the mean sqrt(1/12/N); of the variance sqrt((1/80 - 1/144)/N); of the lag-1
     * correlation 1/sqrt(N) */
    cr_expect(fabs(mean - 0.5) < 5 * sqrt(1.0 / 12 / N), "mean %g; seed %llu; replay: %s", mean,
              (unsigned long long)S_SEED, S_REPLAY);
    cr_expect(fabs(var - 1.0 / 12) < 5 * sqrt((1.0 / 80 - 1.0 / 144) / N),
              "variance %g; seed %llu; replay: %s", var, (unsigned long long)S_SEED, S_REPLAY);
    cr_expect(fabs(corr) < 5 / sqrt((double)N), "lag-1 correlation %g; seed %llu; replay: %s", corr,
              (unsigned long long)S_SEED, S_REPLAY);
    gsl_rng_free(r);
}
