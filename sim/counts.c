/* counts.c — exact Poisson and gamma-mixed Poisson (negative binomial) draws
 * for the hourly message counts (see counts.h, docs/counts.md).
 *
 * Algorithms:
 *   mu < 10   inversion by sequential search ("chop-down"): with
 *             p_0 = e^-mu, p_x = p_{x-1} mu / x, subtract p_0, p_1, ... from
 *             one uniform until it is <= the next p_x. Expected work mu + 1
 *             steps. (Devroye 1986, "Non-Uniform Random Variate Generation",
 *             Springer, sections III.2 and X.3.)
 *   mu >= 10  PTRS, transformed rejection with squeeze (Hörmann 1993, "The
 *             transformed rejection method for generating Poisson random
 *             variables", Insurance: Mathematics and Economics 12, 39–45):
 *               b = 0.931 + 2.53 sqrt(mu),  a = -0.059 + 0.02483 b,
 *               alpha = 1.1239 + 1.1328/(b - 3.4),  v_r = 0.9277 - 3.6224/(b - 2)
 *               U, V ~ U(0,1); U -= 1/2; us = 1/2 - |U|;
 *               k = floor((2a/us + b) U + mu + 0.43)
 *               accept at once if us >= 0.07 and V <= v_r;
 *               reject if k < 0 or (us < 0.013 and V > us);
 *               accept if log(V alpha / (a/us^2 + b)) <= -mu + k log mu - log k!
 *   negbin    Poisson(mu G), G ~ Gamma(k, 1/k) by gsl_ran_gamma
 *             (Marsaglia & Tsang 2000, ACM TOMS 26, 363–372).
 *
 * log k! comes from a table for k < 10 and from Stirling's series otherwise
 * (Abramowitz & Stegun 6.1.41, to the k^-7 term: error < 1e-12 for k >= 10),
 * not from lgamma(): glibc's lgamma() stores the sign in the global signgam,
 * a data race when trajectories run on several threads, and lgamma_r() is
 * not declared under _POSIX_C_SOURCE. The PTRS acceptance test is evaluated
 * as k log1p((mu-k)/k) + (k - mu) - ..., which is the paper's right-hand side
 * rearranged so that its O(k log k) terms cancel in the algebra, not in
 * floating point (accurate to ~1e-11 at mu = 1e6, where -mu + k log mu -
 * lgamma(k+1) is off by ~1e-9).
 *
 * Written from the papers; no code taken from R, numpy or GSL's randist.
 */
#define HAVE_INLINE /* GSL's inline gsl_rng_uniform*() in this file only */

#include "counts.h"

#include <assert.h>
#include <gsl/gsl_randist.h>
#include <math.h>

/* Means below this use inversion, at or above it PTRS (Hörmann's domain). */
#define S_SWITCH_MU 10.0

/* Inversion gives up on a uniform after this many steps and draws another.
 * For mu < 10, P(X > 128) < 1e-80: only a uniform that falls in the rounding
 * gap above the summed probabilities gets here. */
#define S_INVERSION_CAP 128u

/* log(k!) for k = 0..9. */
static const double S_LOG_FACTORIAL[10] = {
    0.0,
    0.0,
    0.69314718055994529,
    1.791759469228055,
    3.1780538303479458,
    4.7874917427820458,
    6.5792512120101012,
    8.5251613610654147,
    10.604602902745251,
    12.801827480081469,
};

#define S_HALF_LOG_2PI 0.91893853320467274178

/* Stirling's series remainder for log(k!) - [(k+1/2) log k - k + log(2 pi)/2],
 * k >= 10: 1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7); the first omitted
 * term, 1/(1188k^9), is below 1e-12 at k = 10. */
static double S_stirling_tail(double k)
{
    const double ik = 1.0 / k;
    const double ik2 = ik * ik;
    return ik * (1.0 / 12.0 - ik2 * (1.0 / 360.0 - ik2 * (1.0 / 1260.0 - ik2 / 1680.0)));
}

/* log P(X = k) for X ~ Poisson(mu); k is a whole number >= 0 held in a double. */
static double S_log_pmf(double mu, double k)
{
    if (k < 10.0) return -mu + k * log(mu) - S_LOG_FACTORIAL[(int)k];
    /* -mu + k log mu - log k!, with log k! by Stirling and the O(k) terms
     * grouped: k log(mu/k) + (k - mu) is O((k-mu)^2/k), not O(k log k). */
    return k * log1p((mu - k) / k) + (k - mu) - 0.5 * log(k) - S_HALF_LOG_2PI - S_stirling_tail(k);
}

static uint32_t S_poisson_inversion(const gsl_rng *r, double mu)
{
    const double p0 = exp(-mu);
    for (;;) {
        double u = gsl_rng_uniform(r);
        double p = p0;
        uint32_t x = 0;
        while (u > p) {
            u -= p;
            if (++x > S_INVERSION_CAP) break;
            p *= mu / (double)x;
        }
        if (x <= S_INVERSION_CAP) return x;
    }
}

static uint32_t S_poisson_ptrs(const gsl_rng *r, double mu)
{
    const double b = 0.931 + 2.53 * sqrt(mu);
    const double a = -0.059 + 0.02483 * b;
    const double v_r = 0.9277 - 3.6224 / (b - 2.0);
    double alpha = 0.0; /* needed only after the squeeze fails */

    for (;;) {
        /* uniform_pos keeps us > 0, so 2a/us is finite */
        const double u = gsl_rng_uniform_pos(r) - 0.5;
        const double v = gsl_rng_uniform_pos(r);
        const double us = 0.5 - fabs(u);
        const double k = floor((2.0 * a / us + b) * u + mu + 0.43);

        if (us >= 0.07 && v <= v_r) return (uint32_t)k;
        if (k < 0.0 || (us < 0.013 && v > us)) continue;
        if (alpha == 0.0) alpha = 1.1239 + 1.1328 / (b - 3.4);
        if (k > (double)UINT32_MAX) continue; /* pmf there is 0 in double */
        if (log(v * alpha / (a / (us * us) + b)) <= S_log_pmf(mu, k)) return (uint32_t)k;
    }
}

uint32_t counts_poisson(const gsl_rng *r, double mu)
{
    assert(mu >= 0.0 && mu <= COUNTS_MU_MAX); /* also false for NaN */
    if (mu < S_SWITCH_MU) return mu > 0.0 ? S_poisson_inversion(r, mu) : 0;
    return S_poisson_ptrs(r, mu);
}

uint32_t counts_negbin(const gsl_rng *r, double mu, double k)
{
    assert(!isnan(k));
    if (k <= 0.0 || isinf(k)) return counts_poisson(r, mu);
    assert(mu >= 0.0 && mu <= COUNTS_MU_MAX);
    if (mu == 0.0) return 0;
    double lambda = mu * gsl_ran_gamma(r, k, 1.0 / k);
    if (lambda > COUNTS_MU_MAX) lambda = COUNTS_MU_MAX;
    return counts_poisson(r, lambda);
}
