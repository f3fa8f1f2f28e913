/* test_counts.c — the hourly count sampler (sim/engine/counts.c) against the exact
 * distributions.
 *
 * Checks: chi-square goodness of fit of 200,000 draws against GSL's pmf, tail
 * cells pooled until each expects >= 5, p-value > 1e-4; sample mean and
 * variance within 5 standard errors of the analytic values; edge cases
 * (mu = 0); reproducibility from the seed; the share of
 * draws above mu + 3 sd against the exact tail; and the power of the checks
 * themselves, which must reject the normal approximation round(mu + sqrt(mu) z).
 * Then the parts of the samplers: means at and next to the switch points
 * (the small-mean table grid at multiples of 1/4, inversion/PD at 10) and
 * where PD's hat is tightest (mu = 10.46); the traffic model's gamma bursts
 * (GSL's gamma, then counts_poisson: negative binomial) for k < 1 and
 * k = 50; GSL's ziggurat normal, which PD's step N and the day noise use
 * (equiprobable-cell chi-square and its tail).
 * Every check uses a fixed taus2 seed and prints it on failure with the
 * command that replays the test.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/counts.h"

#define S_DRAWS 200000
#define S_P_MIN 1e-4
#define S_SE_MAX 5.0
#define S_REPLAY "build/test_unit --filter 'counts/*'"

/* A distribution under test: a sampler, its pmf and its parameters.
 * inv_k is 1/k (0 for Poisson): variance mu + mu^2 inv_k. */
typedef struct {
    const char *name;
    uint32_t (*draw)(const gsl_rng *r, double mu, double k);
    double mu;
    double k;
    double inv_k;
} S_case;

static uint32_t S_draw_poisson(const gsl_rng *r, double mu, double k)
{
    (void)k;
    return counts_poisson(r, mu);
}

/* An hour with gamma bursts as the traffic model draws it: Poisson(mu G),
 * G ~ Gamma(k, 1/k) (GSL), the mean capped as there; a negative binomial of
 * mean mu and variance mu + mu^2/k. */
static uint32_t S_draw_negbin(const gsl_rng *r, double mu, double k)
{
    double lambda = mu * gsl_ran_gamma(r, k, 1.0 / k);
    if (lambda > COUNTS_MU_MAX) lambda = COUNTS_MU_MAX;
    return counts_poisson(r, lambda);
}

/* The normal approximation the simulator must not use (PERFORMANCE.md). */
static uint32_t S_draw_normal_approx(const gsl_rng *r, double mu, double k)
{
    (void)k;
    double x = round(mu + sqrt(mu) * gsl_ran_gaussian_ziggurat(r, 1.0));
    return x > 0.0 ? (uint32_t)x : 0;
}

static double S_pmf(const S_case *c, unsigned int x)
{
    if (c->inv_k == 0.0) return gsl_ran_poisson_pdf(x, c->mu);
    return gsl_ran_negative_binomial_pdf(x, c->k / (c->k + c->mu), c->k);
}

static gsl_rng *S_rng(unsigned long seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    cr_assert_not_null(r);
    gsl_rng_set(r, seed);
    return r;
}

/* Chi-square p-value of S_DRAWS draws of c from seed against c's pmf.
 * Cells run from 0 upwards; a cell closes once it expects >= 5 draws, so the
 * lower tail pools into the first cell; the upper tail (everything above the
 * histogram, with the rest of the probability) pools into the last. */
static double S_chisq_p(const S_case *c, unsigned long seed, int *cells_out)
{
    const double sd = sqrt(c->mu + c->mu * c->mu * c->inv_k);
    const size_t len = (size_t)(c->mu + 40.0 * sd + 60.0);
    long *hist = calloc(len + 1, sizeof *hist); /* hist[len]: all x >= len */
    cr_assert_not_null(hist);

    gsl_rng *r = S_rng(seed);
    for (int i = 0; i < S_DRAWS; i++) {
        uint32_t x = c->draw(r, c->mu, c->k);
        hist[x < len ? x : len]++;
    }
    gsl_rng_free(r);

    double chisq = 0.0, cell_exp = 0.0, cum_p = 0.0;
    long cell_obs = 0;
    int cells = 0;
    for (size_t x = 0; x < len; x++) {
        double p = S_pmf(c, (unsigned int)x);
        cum_p += p;
        cell_exp += S_DRAWS * p;
        cell_obs += hist[x];
        /* close the cell unless what remains could not fill another one */
        if (cell_exp >= 5.0 && S_DRAWS * (1.0 - cum_p) >= 5.0) {
            chisq += (cell_obs - cell_exp) * (cell_obs - cell_exp) / cell_exp;
            cells++;
            cell_exp = 0.0;
            cell_obs = 0;
        }
    }
    cell_exp += S_DRAWS * fmax(0.0, 1.0 - cum_p);
    cell_obs += hist[len];
    chisq += (cell_obs - cell_exp) * (cell_obs - cell_exp) / cell_exp;
    cells++;
    free(hist);

    if (cells_out) *cells_out = cells;
    return gsl_cdf_chisq_Q(chisq, cells - 1);
}

static void S_assert_fits(const S_case *c, unsigned long seed)
{
    int cells = 0;
    double p = S_chisq_p(c, seed, &cells);
    cr_assert(cells >= 3, "%s mu=%g k=%g: only %d chi-square cells", c->name, c->mu, c->k, cells);
    cr_expect(p > S_P_MIN,
              "%s mu=%g k=%g: chi-square p = %.3g over %d cells (want > %g); seed %lu, replay: %s",
              c->name, c->mu, c->k, p, cells, S_P_MIN, seed, S_REPLAY);
}

/* Sample mean and variance within S_SE_MAX standard errors of mu and
 * sigma^2 = kappa2. SE(mean) = sqrt(kappa2/n); SE(variance) =
 * sqrt((kappa4 + 2 kappa2^2)/n), with the cumulants of the gamma-mixed
 * Poisson (factorial cumulants mu^j (j-1)!/k^(j-1)):
 * kappa2 = mu + mu^2/k, kappa4 = mu + 7mu^2/k + 12mu^3/k^2 + 6mu^4/k^3. */
static void S_assert_moments(const S_case *c, unsigned long seed)
{
    gsl_rng *r = S_rng(seed);
    double mean = 0.0, m2 = 0.0; /* Welford */
    for (int i = 0; i < S_DRAWS; i++) {
        double x = c->draw(r, c->mu, c->k);
        double d = x - mean;
        mean += d / (i + 1);
        m2 += d * (x - mean);
    }
    gsl_rng_free(r);
    const double var = m2 / (S_DRAWS - 1);

    const double mu = c->mu, q = c->inv_k;
    const double kappa2 = mu + mu * mu * q;
    const double kappa4 =
        mu + 7 * mu * mu * q + 12 * mu * mu * mu * q * q + 6 * mu * mu * mu * mu * q * q * q;
    const double se_mean = sqrt(kappa2 / S_DRAWS);
    const double se_var = sqrt((kappa4 + 2 * kappa2 * kappa2) / S_DRAWS);

    cr_expect(fabs(mean - mu) < S_SE_MAX * se_mean,
              "%s mu=%g k=%g: mean %.6g is %.2f SE from %g; seed %lu, replay: %s", c->name, mu,
              c->k, mean, (mean - mu) / se_mean, mu, seed, S_REPLAY);
    cr_expect(fabs(var - kappa2) < S_SE_MAX * se_var,
              "%s mu=%g k=%g: variance %.6g is %.2f SE from %g; seed %lu, replay: %s", c->name, mu,
              c->k, var, (var - kappa2) / se_var, kappa2, seed, S_REPLAY);
}

/* z-score of the share of S_TAIL_DRAWS draws above c = floor(mu + 3 sqrt(mu))
 * against the exact Poisson P(X > c): the overflow tail this simulator
 * measures, where the chi-square check of the bulk has little power at large
 * means (it cannot tell round(mu + sqrt(mu) z) from Poisson at mu = 5123.7). */
#define S_TAIL_DRAWS 2000000
static double S_tail_z(const S_case *c, unsigned long seed)
{
    const unsigned int cap = (unsigned int)floor(c->mu + 3.0 * sqrt(c->mu));
    const double q = gsl_cdf_poisson_Q(cap, c->mu);
    gsl_rng *r = S_rng(seed);
    long above = 0;
    for (long i = 0; i < S_TAIL_DRAWS; i++)
        above += c->draw(r, c->mu, c->k) > cap;
    gsl_rng_free(r);
    return ((double)above / S_TAIL_DRAWS - q) / sqrt(q * (1.0 - q) / S_TAIL_DRAWS);
}

static const double S_MU_INVERSION[] = {0.37, 2.71, 9.93};
static const double S_MU_PD[] = {10.07, 37.5, 412.3, 5123.7};
static const double S_MU_NEGBIN[] = {7.31, 215.6};
static const double S_K_NEGBIN[] = {3.3, 20.0};

#define S_LEN(a) (sizeof(a) / sizeof((a)[0]))

static S_case S_poisson_case(double mu)
{
    return (S_case){"counts_poisson", S_draw_poisson, mu, 0.0, 0.0};
}

static S_case S_negbin_case(double mu, double k)
{
    return (S_case){"gamma-Poisson", S_draw_negbin, mu, k, 1.0 / k};
}

Test(counts, poisson_by_inversion_fits_the_pmf_below_mean_10)
{
    for (size_t i = 0; i < S_LEN(S_MU_INVERSION); i++) {
        S_case c = S_poisson_case(S_MU_INVERSION[i]);
        S_assert_fits(&c, 1001 + i);
    }
}

Test(counts, poisson_by_pd_fits_the_pmf_from_mean_10)
{
    for (size_t i = 0; i < S_LEN(S_MU_PD); i++) {
        S_case c = S_poisson_case(S_MU_PD[i]);
        S_assert_fits(&c, 2011 + i);
    }
}

Test(counts, poisson_mean_and_variance_are_within_5_se)
{
    for (size_t i = 0; i < S_LEN(S_MU_INVERSION); i++) {
        S_case c = S_poisson_case(S_MU_INVERSION[i]);
        S_assert_moments(&c, 3001 + i);
    }
    for (size_t i = 0; i < S_LEN(S_MU_PD); i++) {
        S_case c = S_poisson_case(S_MU_PD[i]);
        S_assert_moments(&c, 3101 + i);
    }
}

Test(counts, poisson_at_a_very_large_mean_has_the_right_mean_and_variance)
{
    S_case c = S_poisson_case(2.5e7 + 0.37);
    S_assert_moments(&c, 3201);
}

Test(counts, gamma_poisson_fits_the_negative_binomial_pmf)
{
    for (size_t i = 0; i < S_LEN(S_MU_NEGBIN); i++)
        for (size_t j = 0; j < S_LEN(S_K_NEGBIN); j++) {
            S_case c = S_negbin_case(S_MU_NEGBIN[i], S_K_NEGBIN[j]);
            S_assert_fits(&c, 4001 + 10 * i + j);
        }
}

Test(counts, gamma_poisson_mean_and_variance_are_within_5_se)
{
    for (size_t i = 0; i < S_LEN(S_MU_NEGBIN); i++)
        for (size_t j = 0; j < S_LEN(S_K_NEGBIN); j++) {
            S_case c = S_negbin_case(S_MU_NEGBIN[i], S_K_NEGBIN[j]);
            S_assert_moments(&c, 5001 + 10 * i + j);
        }
}

Test(counts, chi_square_check_rejects_the_normal_approximation)
{
    const unsigned long seed = 6001;
    S_case c = {"round(mu + sqrt(mu) z)", S_draw_normal_approx, 37.5, 0.0, 0.0};
    double p = S_chisq_p(&c, seed, NULL);
    cr_expect(p < S_P_MIN,
              "the chi-square check failed to reject %s at mu=%g: p = %.3g; seed %lu, replay: %s",
              c.name, c.mu, p, seed, S_REPLAY);
}

Test(counts, poisson_tail_above_mean_plus_3_sd_has_the_exact_probability)
{
    const double mus[] = {37.5, 412.3, 5123.7};
    for (size_t i = 0; i < S_LEN(mus); i++) {
        const unsigned long seed = 10001 + i;
        S_case c = S_poisson_case(mus[i]);
        double z = S_tail_z(&c, seed);
        cr_expect(fabs(z) < S_SE_MAX,
                  "mu=%g: share above mu + 3 sd is %.2f SE from exact; seed %lu, replay: %s",
                  mus[i], z, seed, S_REPLAY);
    }
}

Test(counts, tail_check_rejects_the_normal_approximation)
{
    const unsigned long seed = 10101;
    S_case c = {"round(mu + sqrt(mu) z)", S_draw_normal_approx, 412.3, 0.0, 0.0};
    double z = S_tail_z(&c, seed);
    cr_expect(fabs(z) > S_SE_MAX,
              "the tail check failed to reject %s at mu=%g: %.2f SE; seed %lu, replay: %s", c.name,
              c.mu, z, seed, S_REPLAY);
}

Test(counts, poisson_of_zero_mean_is_zero_and_consumes_nothing)
{
    gsl_rng *r = S_rng(7001), *ref = S_rng(7001);
    for (int i = 0; i < 100; i++) {
        cr_expect_eq(counts_poisson(r, 0.0), 0u);
    }
    cr_expect_eq(gsl_rng_get(r), gsl_rng_get(ref), "a zero-mean draw used the generator");
    gsl_rng_free(r);
    gsl_rng_free(ref);
}

Test(counts, draws_are_reproducible_from_the_generator_state)
{
    const double mus[] = {2.71, 37.5, 5123.7};
    const unsigned long seed = 9001;
    gsl_rng *a = S_rng(seed), *b = S_rng(seed);
    for (int n = 0; n < 30000; n++) {
        double mu = mus[n % 3];
        uint32_t x = counts_poisson(a, mu), y = counts_poisson(b, mu);
        cr_assert_eq(x, y, "poisson draw %d differs; seed %lu, replay: %s", n, seed, S_REPLAY);
    }
    gsl_rng_free(a);
    gsl_rng_free(b);
}

/* ------------------------------------------------ the parts of the samplers */

/* Means at and either side of the switch points: the small-mean tables sit
 * on a grid of 1/4 (0.25, 2.75, 9.75 exactly on it, the others just off it),
 * PD takes over at 10, and PD's hat constant is tightest near 10.46
 * (tests/bench/pd_check.c: ratio 0.9995 of the bound). */
static const double S_MU_SWITCH[] = {0.2499999, 0.25,      2.75,  4.0000001, 9.75, 9.9999999,
                                     10.0,      10.000001, 10.46, 11.3,      14.87};

Test(counts, poisson_fits_the_pmf_at_and_next_to_the_switch_points)
{
    for (size_t i = 0; i < S_LEN(S_MU_SWITCH); i++) {
        S_case c = S_poisson_case(S_MU_SWITCH[i]);
        S_assert_fits(&c, 11001 + i);
        S_assert_moments(&c, 11101 + i);
    }
}

/* PD's steps Q, E and H carry ~2-3 % of the mass near mu = 10; 2e6 draws
 * see a mistake there that 2e5 might not. */
Test(counts, poisson_tail_near_mean_10_has_the_exact_probability)
{
    const double mus[] = {9.9999999, 10.0, 10.46, 14.87};
    for (size_t i = 0; i < S_LEN(mus); i++) {
        const unsigned long seed = 11201 + i;
        S_case c = S_poisson_case(mus[i]);
        double z = S_tail_z(&c, seed);
        cr_expect(fabs(z) < S_SE_MAX,
                  "mu=%g: share above mu + 3 sd is %.2f SE from exact; seed %lu, replay: %s",
                  mus[i], z, seed, S_REPLAY);
    }
}

Test(counts, gamma_poisson_fits_for_shape_below_1_and_shape_50)
{
    const double mus[] = {3.37, 10.2, 187.9};
    const double ks[] = {0.7, 50.0};
    for (size_t i = 0; i < S_LEN(mus); i++)
        for (size_t j = 0; j < S_LEN(ks); j++) {
            S_case c = S_negbin_case(mus[i], ks[j]);
            S_assert_fits(&c, 12001 + 10 * i + j);
            S_assert_moments(&c, 12101 + 10 * i + j);
        }
}

/* Chi-square of S_NORMAL_DRAWS normals over S_NORMAL_CELLS cells of equal
 * probability; the share beyond the ziggurat's tail start R (drawn by the
 * tail algorithm, not the layers) within 5 SE of 2 (1 - Phi(R)), and the
 * shares beyond 3.7 and 4.2 (the shape of that tail) from 10 times as many. */
#define S_NORMAL_DRAWS 2000000
#define S_NORMAL_CELLS 2000
#define S_ZIG_R 3.4426198558966521

Test(counts, normal_fits_the_gaussian_in_the_bulk_and_beyond_the_ziggurat_tail)
{
    const unsigned long seed = 13001;
    gsl_rng *r = S_rng(seed);
    long *hist = calloc(S_NORMAL_CELLS, sizeof *hist);
    cr_assert_not_null(hist);
    long beyond = 0;
    double sum = 0, sum2 = 0;
    for (long i = 0; i < S_NORMAL_DRAWS; i++) {
        const double x = gsl_ran_gaussian_ziggurat(r, 1.0);
        long cell = (long)(gsl_cdf_ugaussian_P(x) * S_NORMAL_CELLS);
        hist[cell < S_NORMAL_CELLS ? cell : S_NORMAL_CELLS - 1]++;
        beyond += fabs(x) > S_ZIG_R;
        sum += x;
        sum2 += x * x;
    }
    gsl_rng_free(r);
    const double e = (double)S_NORMAL_DRAWS / S_NORMAL_CELLS;
    double chisq = 0;
    for (int k = 0; k < S_NORMAL_CELLS; k++)
        chisq += (hist[k] - e) * (hist[k] - e) / e;
    free(hist);
    const double p = gsl_cdf_chisq_Q(chisq, S_NORMAL_CELLS - 1);
    cr_expect(p > S_P_MIN, "normal: chi-square p = %.3g over %d cells; seed %lu, replay: %s", p,
              S_NORMAL_CELLS, seed, S_REPLAY);
    const double q = 2 * gsl_cdf_ugaussian_Q(S_ZIG_R);
    const double z = ((double)beyond / S_NORMAL_DRAWS - q) / sqrt(q * (1 - q) / S_NORMAL_DRAWS);
    cr_expect(fabs(z) < S_SE_MAX,
              "normal: share beyond %g is %.2f SE from %g; seed %lu, replay: %s", S_ZIG_R, z, q,
              seed, S_REPLAY);
    /* the shape inside the tail: 2e7 more draws, shares beyond 3.7 and 4.2 */
    r = S_rng(seed + 1);
    const double cut[2] = {3.7, 4.2};
    long above[2] = {0, 0};
    for (long i = 0; i < 10 * S_NORMAL_DRAWS; i++) {
        const double x = fabs(gsl_ran_gaussian_ziggurat(r, 1.0));
        above[0] += x > cut[0];
        above[1] += x > cut[1];
    }
    gsl_rng_free(r);
    for (int k = 0; k < 2; k++) {
        const double qk = 2 * gsl_cdf_ugaussian_Q(cut[k]), n = 10.0 * S_NORMAL_DRAWS;
        const double zk = ((double)above[k] / n - qk) / sqrt(qk * (1 - qk) / n);
        cr_expect(fabs(zk) < S_SE_MAX,
                  "normal: share beyond %g is %.2f SE from %g; seed %lu, replay: %s", cut[k], zk,
                  qk, seed + 1, S_REPLAY);
    }
    const double mean = sum / S_NORMAL_DRAWS, var = sum2 / S_NORMAL_DRAWS - mean * mean;
    cr_expect(fabs(mean) < S_SE_MAX / sqrt(S_NORMAL_DRAWS), "normal: mean %g; seed %lu", mean,
              seed);
    cr_expect(fabs(var - 1) < S_SE_MAX * sqrt(2.0 / S_NORMAL_DRAWS),
              "normal: variance %g; seed %lu", var, seed);
}
