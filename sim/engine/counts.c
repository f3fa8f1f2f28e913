/* counts.c — exact Poisson draws for the hourly message counts (see
 * counts.h, docs/counts.md).
 *
 * Algorithms (written from the papers; no code taken from R, numpy or GSL):
 *   mu < 10   Poisson(m) + Poisson(delta), m = floor(4 mu)/4: the first by
 *             inversion of a table of its distribution function with a
 *             guide table (Chen & Asau 1974; Devroye 1986, "Non-Uniform
 *             Random Variate Generation", III.2), the second by thinning a
 *             Poisson(1/4) draw (Devroye 1986, VI.1): S_small below.
 *   mu >= 10  PD (Ahrens & Dieter 1982, "Computer generation of Poisson
 *             deviates from modified normal distributions", ACM TOMS 8(2),
 *             163-179), s = sqrt(mu), L = floor(mu - 1.1484):
 *     N  G = mu + s T, T standard normal; if G >= 0, K = floor(G):
 *     I    K >= L: return K                         (55-75 % of draws)
 *     S    U uniform; 6 mu^2 U >= (mu - K)^3: return K         (squeeze)
 *     Q    fy (1 - U) <= py exp(px - fx): return K  (U against p_K / f_K)
 *     E  loop: E standard exponential, U in (-1, 1), t = 1.8 + sign(U) E;
 *          skip t <= -0.6744; K = floor(mu + s t);
 *     H    0.1069/mu |U| <= py exp(px + E) - fy exp(fx + E): return K.
 *   with p_K = py exp(px) the Poisson probability (K < 10: px = -mu,
 *   py = mu^K/K!; else px = K log1p((mu-K)/K) - (mu - K) - [Stirling tail],
 *   py = 1/sqrt(2 pi K)), and f_K = fy exp(fx) the probability step N
 *   proposes K: x = (K + 1/2 - mu)/s, fx = -x^2/2, fy = (1/sqrt(2 pi) s)
 *   (c0 + c1 x^2 + c2 x^4 + c3 x^6), the normal's mass on [K, K+1) to order
 *   1/mu^3 (b1 = 1/(24 mu), b2 = 0.3 b1^2, c3 = b1 b2 / 7, c2 = b2 - 15 c3,
 *   c1 = b1 - 6 b2 + 45 c3, c0 = 1 - b1 + 3 b2 - 15 c3). Where the paper
 *   approximates px by a polynomial in (mu-K)/K with 7-digit coefficients,
 *   this file uses log1p and the Stirling series below (exact to double).
 *   The only approximation left is f_K for the exact normal mass:
 *   total variation < 5e-11 at mu = 10, < 2e-13 from mu = 1000
 *   (tests/bench/pd_check.c, which also checks the conditions steps I, S,
 *   E and H rely on: they hold for 10 <= mu <= 1e6).
 *   normal    GSL's gsl_ran_gaussian_ziggurat (PD's step N).
 *   uniform   GSL's gsl_rng_uniform / gsl_rng_uniform_pos (inline).
 * The generators and the normal sampler are GSL's: only the Poisson method,
 * which GSL does not offer in a fast exact form, is here (the traffic
 * model's gamma bursts are GSL's gsl_ran_gamma, then a Poisson draw here).
 * Draws per hour: 2 (PD's normal and step S's uniform, drawn whether step
 * I accepts or not) or ~2.3 (mu < 10).
 *
 * log k! comes from a table for k < 10 and from Stirling's series otherwise
 * (Abramowitz & Stegun 6.1.41, to the k^-7 term: error < 1e-12 for k >= 10),
 * not from lgamma(): glibc's lgamma() stores the sign in the global signgam,
 * a data race when trajectories run on several threads, and lgamma_r() is
 * not declared under _POSIX_C_SOURCE. PD's px is evaluated as
 * k log1p((mu-k)/k) + (k - mu) - ..., -mu + k log mu - log k! rearranged so
 * that its O(k log k) terms cancel in the algebra, not in floating point.
 */
#define HAVE_INLINE /* GSL's inline gsl_rng_uniform*() in this file only */

#include "counts.h"

#include <assert.h>
#include <float.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <pthread.h>

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

#define S_INV_SQRT_2PI 0.39894228040143267794

/* The fast path (inversion, PD's steps N, I and S) is inlined into
 * counts_poisson; PD's rare steps stay out of line. */
#ifdef __GNUC__
#define S_HOT static inline __attribute__((always_inline))
#define S_COLD static __attribute__((noinline, cold))
#else
#define S_HOT static inline
#define S_COLD static
#endif

/* ------------------------------------------------------------ Poisson */

/* Stirling's series remainder for log(k!) - [(k+1/2) log k - k + log(2 pi)/2],
 * k >= 10: 1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7); the first omitted
 * term, 1/(1188k^9), is below 1e-12 at k = 10. */
static double S_stirling_tail(double k)
{
    const double ik = 1.0 / k;
    const double ik2 = ik * ik;
    return ik * (1.0 / 12.0 - ik2 * (1.0 / 360.0 - ik2 * (1.0 / 1260.0 - ik2 / 1680.0)));
}

/* ------------------------------------------- small means: tables */

/* Poisson(mu) for mu < 10 as Poisson(m) + Poisson(delta), m = j/4 the grid
 * point below mu and delta = mu - m < 1/4 (Poisson variables add):
 *   Poisson(m) by inversion of its tabulated distribution function: one
 *     uniform U, start at guide[j][floor(32 U)] (the smallest x with
 *     F(x) >= floor(32 U)/32), step up while U > F(x): the smallest x with
 *     U <= F(x), what sequential search gives, in ~1.3 compares;
 *   Poisson(delta) by thinning: N ~ Poisson(1/4) from its table, each of
 *     the N points kept with probability 4 delta (a Poisson process of rate
 *     1/4 thinned to rate delta), so 1.25 uniforms on average and no exp().
 * The tables are summed in long double from p_0 = e^-m, p_x = p_{x-1} m/x,
 * and rounded once; F reaches 1.0 (the tail beyond is < 1e-16) within the
 * S_TAB_LEN entries, the last entry is 1.0. Built once per process
 * (pthread_once), read-only afterwards. */
#define S_GRID 4
#define S_NGRID 40 /* m = 0, 1/4, ..., 39/4 */
#define S_TAB_LEN 48
#define S_GUIDE 32

static double S_cdf[S_NGRID + 1][S_TAB_LEN]; /* row S_NGRID: Poisson(1/4), for the thinning */
static uint8_t S_guide[S_NGRID][S_GUIDE];
static pthread_once_t S_tables_once = PTHREAD_ONCE_INIT;

static void S_tables_build(void)
{
    for (int j = 0; j <= S_NGRID; j++) {
        const long double m = j < S_NGRID ? (long double)j / S_GRID : 1.0L / S_GRID;
        long double p = expl(-m), c = p;
        for (int x = 0; x < S_TAB_LEN; x++) {
            if (x > 0) {
                p *= m / x;
                c += p;
            }
            S_cdf[j][x] = c < 1.0L ? (double)c : 1.0;
        }
        S_cdf[j][S_TAB_LEN - 1] = 1.0;
        if (j == S_NGRID) break;
        int x = 0;
        for (int k = 0; k < S_GUIDE; k++) {
            while (S_cdf[j][x] < (double)k / S_GUIDE)
                x++;
            S_guide[j][k] = (uint8_t)x;
        }
    }
}

S_HOT uint32_t S_small(const gsl_rng *r, double mu)
{
    const int j = (int)(mu * S_GRID); /* mu < 10: j < 40 */
    const double delta = mu - (double)j / S_GRID;
    uint32_t x = 0;
    if (j > 0) {
        const double u = gsl_rng_uniform(r);
        const double *cdf = S_cdf[j];
        x = S_guide[j][(int)(u * S_GUIDE)];
        while (u > cdf[x])
            x++;
    }
    const double u = gsl_rng_uniform(r), keep = delta * S_GRID;
    const double *cdf = S_cdf[S_NGRID];
    uint32_t n = 0;
    while (u > cdf[n])
        n++;
    for (; n > 0; n--)
        x += gsl_rng_uniform(r) < keep;
    return x;
}

/* PD's procedure F: p_K = py exp(px) (Poisson) and f_K = fy exp(fx) (what
 * step N proposes), k a whole number >= 0. */
typedef struct {
    double px, py, fx, fy;
} S_pd_f;

static S_pd_f S_pd_procedure_f(double mu, double s, double k)
{
    S_pd_f f;
    if (k < 10.0) {
        f.px = -mu;
        f.py = exp(k * log(mu) - S_LOG_FACTORIAL[(int)k]);
    } else {
        f.px = k * log1p((mu - k) / k) + (k - mu) - S_stirling_tail(k);
        f.py = S_INV_SQRT_2PI / sqrt(k);
    }
    const double b1 = 1.0 / (24.0 * mu), b2 = 0.3 * b1 * b1;
    const double c3 = b1 * b2 / 7.0, c2 = b2 - 15.0 * c3;
    const double c1 = b1 - 6.0 * b2 + 45.0 * c3, c0 = 1.0 - b1 + 3.0 * b2 - 15.0 * c3;
    const double x = (k - mu + 0.5) / s, xx = x * x;
    f.fx = -0.5 * xx;
    f.fy = (S_INV_SQRT_2PI / s) * (((c3 * xx + c2) * xx + c1) * xx + c0);
    return f;
}

/* Steps Q, E and H, for a K that failed steps I and S (k < 0: step N gave G < 0). */
S_COLD uint32_t S_pd_rare(const gsl_rng *r, double mu, double s, double k, double u)
{
    if (k >= 0.0) {
        const S_pd_f f = S_pd_procedure_f(mu, s, k);
        if (f.fy - u * f.fy <= f.py * exp(f.px - f.fx)) return (uint32_t)k; /* step Q */
    }
    const double c = 0.1069 / mu;
    for (;;) { /* steps E and H */
        const double e = -log(gsl_rng_uniform_pos(r));
        const double v = 2.0 * gsl_rng_uniform(r) - 1.0;
        const double t = 1.8 + (v < 0.0 ? -e : e);
        if (t <= -0.6744) continue;
        const double kk = (double)(int64_t)(mu + s * t); /* > 0: mu >= 10 */
        const S_pd_f f = S_pd_procedure_f(mu, s, kk);
        if (c * fabs(v) <= f.py * exp(f.px + e) - f.fy * exp(f.fx + e)) return (uint32_t)kk;
    }
}

/* Steps N, I and S. The uniform U of step S is drawn for every draw, needed
 * or not: an unused uniform changes no distribution, and the branch on
 * "accepted by I or S" (99 % at mu = 100) is predictable where "accepted by
 * I" (57 %) is a coin flip. */
S_HOT uint32_t S_pd(const gsl_rng *r, double mu)
{
    const double s = sqrt(mu);
    const double big_l = (double)(int64_t)(mu - 1.1484);          /* floor: mu >= 10 */
    const double gn = mu + s * gsl_ran_gaussian_ziggurat(r, 1.0); /* step N */
    const double u = gsl_rng_uniform(r);
    const double k = (double)(int64_t)gn, dif = mu - k; /* floor when gn >= 0 */
    const int accept = (gn >= big_l) | (6.0 * mu * mu * u >= dif * dif * dif); /* I | S */
    if ((gn >= 0.0) & accept) return (uint32_t)k;
    return S_pd_rare(r, mu, s, gn >= 0.0 ? k : -1.0, u);
}

/* ---------------------------------------------------------------- API */

uint32_t counts_poisson(const gsl_rng *r, double mu)
{
    assert(mu >= 0.0 && mu <= COUNTS_MU_MAX); /* also false for NaN */
    pthread_once(&S_tables_once, S_tables_build);
    if (mu < COUNTS_SWITCH_MU) return mu > 0.0 ? S_small(r, mu) : 0;
    return S_pd(r, mu);
}

/* Chernoff exponent of P(Poisson(c) >= t) less log_eps, with u = log c:
 * f(u) = -c + t + t (u - log t) - log_eps, increasing and concave in u for
 * c < t. Newton's method on u from the normal approximation of the root
 * (c0 = t - sqrt(2 t |log_eps|)): after the first step the iterates stay
 * left of the root (concavity) and converge to it quadratically. The root
 * is then lowered by 1e-10 relative (and further if rounding still puts f
 * above 0) so that the bound holds however its terms are rounded. */
double counts_poisson_cutoff(double t, double log_eps)
{
    assert(log_eps < 0.0);
    if (!(t > 0.0)) return 0.0;
    const double lt = log(t);
    double c = t - sqrt(2.0 * t * -log_eps);
    if (c < 1e-300) c = 1e-300;
    double u = log(c);
    for (int i = 0; i < 60; i++) {
        c = exp(u);
        const double d = t - c; /* f'(u) */
        if (!(d > 0.0)) {
            u -= 1e-6; /* at t: step left */
            continue;
        }
        const double step = (-c + t + t * (u - lt) - log_eps) / d;
        u -= step;
        if (fabs(step) < 1e-14) break;
    }
    c = exp(u) * (1.0 - 1e-10);
    /* A few steps at most from Newton's root. Below the normal range (a tiny t: the root of
     * t = 0.047 at log_eps = -34 is about e^-727), c (1 - 1e-9) rounds back to c and the loop
     * would never end: there, and should the steps not suffice, 0, the cut-off that skips no
     * hour, is returned (always a valid bound). */
    for (int i = 0; c >= DBL_MIN && -c + t + t * (log(c) - lt) - log_eps > 0.0; i++) {
        if (i == 1000) return 0.0;
        c *= 1.0 - 1e-9;
    }
    return c >= DBL_MIN ? c : 0.0;
}
