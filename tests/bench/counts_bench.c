/* counts_bench.c — ns per draw of the hourly count sampler (sim/engine/counts.c)
 * against GSL's gsl_ran_poisson, and of an hour with gamma bursts as the
 * traffic model draws it (GSL's gsl_ran_gamma, then counts_poisson) against
 * GSL's gsl_ran_negative_binomial, all on gsl_rng_taus2, at the means of the
 * table in docs/counts.md: mu = 1, 7 (the small-mean path, where a quarter
 * of the default scenario's hours are), 10, 100, 5000, and k = 20, 50. One
 * call per draw, as the traffic model makes them (models/traffic.c).
 *
 * Method: for each row, REPS timed runs of DRAWS draws each, the draws summed
 * into a checksum so none is optimised away; the table shows the median run
 * and the fastest run. Time is the thread's CPU time
 * (CLOCK_THREAD_CPUTIME_ID), not wall time, so that other jobs on a shared
 * machine inflate the figures less; on an idle machine the two agree. The raw uniform
 * is timed the same way, for scale. Built and run by counts_bench.sh.
 *
 * Usage: counts_bench [DRAWS [REPS]]   (defaults 2000000 and 7)
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "engine/counts.h"

typedef enum { S_UNIFORM, S_COUNTS_POISSON, S_GSL_POISSON, S_COUNTS_NEGBIN, S_GSL_NEGBIN } S_kind;

/* An hour with gamma bursts, as models/traffic.c draws it. */
static uint32_t S_gamma_poisson(const gsl_rng *r, double mu, double k)
{
    double lambda = mu * gsl_ran_gamma(r, k, 1.0 / k);
    if (lambda > COUNTS_MU_MAX) lambda = COUNTS_MU_MAX;
    return counts_poisson(r, lambda);
}

static unsigned long long S_checksum;

static double S_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* ns per draw of one timed run. */
static double S_run(const gsl_rng *r, S_kind kind, double mu, double k, long draws)
{
    unsigned long long sum = 0;
    const double p = k / (k + mu); /* GSL's negative binomial parameters */
    const double t0 = S_now();
    switch (kind) {
    case S_UNIFORM:
        for (long i = 0; i < draws; i++)
            sum += (unsigned long long)(gsl_rng_uniform(r) * 1e6);
        break;
    case S_COUNTS_POISSON:
        for (long i = 0; i < draws; i++)
            sum += counts_poisson(r, mu);
        break;
    case S_GSL_POISSON:
        for (long i = 0; i < draws; i++)
            sum += gsl_ran_poisson(r, mu);
        break;
    case S_COUNTS_NEGBIN:
        for (long i = 0; i < draws; i++)
            sum += S_gamma_poisson(r, mu, k);
        break;
    case S_GSL_NEGBIN:
        for (long i = 0; i < draws; i++)
            sum += gsl_ran_negative_binomial(r, p, k);
        break;
    }
    const double t1 = S_now();
    S_checksum += sum;
    return 1e9 * (t1 - t0) / (double)draws;
}

static int S_cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median and minimum over reps runs, the runs of the two samplers of a row
 * interleaved so that drift in the machine's speed hits both alike. */
static void S_row(const char *label, S_kind ours, S_kind theirs, double mu, double k, long draws,
                  int reps)
{
    double t_ours[64], t_theirs[64];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    if (!r) exit(1);
    gsl_rng_set(r, 20240611);
    S_run(r, ours, mu, k, draws / 10); /* warm-up */
    S_run(r, theirs, mu, k, draws / 10);
    for (int i = 0; i < reps; i++) {
        t_ours[i] = S_run(r, ours, mu, k, draws);
        t_theirs[i] = S_run(r, theirs, mu, k, draws);
    }
    gsl_rng_free(r);
    qsort(t_ours, (size_t)reps, sizeof(double), S_cmp_double);
    qsort(t_theirs, (size_t)reps, sizeof(double), S_cmp_double);
    const double m_ours = t_ours[reps / 2], m_theirs = t_theirs[reps / 2];
    printf("%-8s %8g  %7.1f (%5.1f)  %7.1f (%5.1f)  %6.1fx\n", label, mu, m_ours, t_ours[0],
           m_theirs, t_theirs[0], m_theirs / m_ours);
}

int main(int argc, char **argv)
{
    const long draws = argc > 1 ? atol(argv[1]) : 2000000;
    int reps = argc > 2 ? atoi(argv[2]) : 7;
    if (draws < 10 || reps < 1) {
        fprintf(stderr, "usage: counts_bench [DRAWS >= 10 [REPS >= 1]]\n");
        return 2;
    }
    if (reps > 64) reps = 64;

    const double mus[] = {1.0, 7.0, 10.0, 100.0, 5000.0};
    const int n_mu = (int)(sizeof mus / sizeof mus[0]);

    printf("ns per draw, gsl_rng_taus2, median (fastest) of %d runs of %ld draws\n", reps, draws);
    printf("%-8s %8s  %15s  %15s  %7s\n", "", "mu", "hostsim", "GSL", "GSL/us");
    for (int i = 0; i < n_mu; i++)
        S_row("poisson", S_COUNTS_POISSON, S_GSL_POISSON, mus[i], 0.0, draws, reps);
    for (int i = 1; i < n_mu; i++)
        S_row("negbin20", S_COUNTS_NEGBIN, S_GSL_NEGBIN, mus[i], 20.0, draws, reps);
    for (int i = 1; i < n_mu; i++)
        S_row("negbin50", S_COUNTS_NEGBIN, S_GSL_NEGBIN, mus[i], 50.0, draws, reps);
    S_row("uniform", S_UNIFORM, S_UNIFORM, 0.0, 0.0, draws, reps);
    printf("(checksum %llu)\n", S_checksum);
    return 0;
}
