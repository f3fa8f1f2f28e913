/* pd_check.c — checks, in long double, the conditions under which PD (the
 * Poisson sampler of sim/engine/counts.c for mu >= 10) is exact, and how close it is.
 *
 * PD proposes K = floor(mu + s T) (T normal, s = sqrt mu), i.e. K with the
 * normal's mass q_K on [K, K+1), but its tests use f_K = fy exp(fx), a
 * series for q_K (sim/engine/counts.c). With p_K the Poisson pmf, the sampler is
 * exact when f_K = q_K and
 *   (a) p_K >= f_K for K >= L = floor(mu - 1.1484)  (step I accepts at once),
 *   (b) for K < L with p_K < f_K: 1 - p_K/f_K <= (mu-K)^3 / (6 mu^2)
 *       (step S's squeeze lies inside step Q's acceptance),
 *   (c) p_K <= f_K for every K whose interval reaches below t = -0.6744
 *       (step E never proposes there, so no residual may be left there),
 *   (d) (p_K - f_K) e^|t - 1.8| <= 0.1069/mu for t in K's interval
 *       (step H's hat covers the residual).
 * For each mean of a grid it prints the worst case of each, and
 *   TV = 1/2 sum |P(PD returns K) - p_K|, with P(PD returns K) computed from
 *   q (the true proposal), the acceptance rules and the residual (p - f)+;
 *   the only source of error is f != q.
 * Usage: cc -O2 -o pd_check tests/bench/pd_check.c -lm
 *        ./pd_check [MU_FROM [MU_TO [FACTOR]]]   (default 10 1e4 1.002)
 * Measured (glibc 2.36): (a)-(c) never violated and (d) <= 0.99948 (at
 * mu = 10.46) for 10 <= mu <= 1e6; TV <= 4.7e-11 (mu = 10), 2.3e-11 (12),
 * < 2e-13 from mu = 1000 on (there the check's own rounding dominates).
 * Above ~1e8 the check runs out of long double precision (k log mu ~ 1e10).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static long double S_phi(long double z)
{
    return 0.5L * erfcl(-z / sqrtl(2.0L));
}

int main(int argc, char **argv)
{
    const double mu0 = argc > 1 ? atof(argv[1]) : 10.0;
    const double mu1 = argc > 2 ? atof(argv[2]) : 1e4;
    const double step = argc > 3 ? atof(argv[3]) : 1.002;
    if (mu0 < 10 || mu1 < mu0 || step <= 1) {
        fprintf(stderr, "usage: pd_check [MU_FROM >= 10 [MU_TO [FACTOR > 1]]]\n");
        return 2;
    }
    double worst[5] = {0}, at[5] = {0}, worst_tv = 0, at_tv = 0;
    long nmu = 0;
    for (double mu = mu0; mu <= mu1; mu *= step, nmu++) {
        const long double m = mu, s = sqrtl(m), om = 0.39894228040143267794L / s;
        const long double b1 = 1.0L / (24 * m), b2 = 0.3L * b1 * b1, c3 = b1 * b2 / 7;
        const long double c2 = b2 - 15 * c3, c1 = b1 - 6 * b2 + 45 * c3,
                          c0 = 1 - b1 + 3 * b2 - 15 * c3;
        const long big_l = (long)floor(mu - 1.1484);
        long k0 = (long)(mu - 60 * s), k1 = (long)(mu + 60 * s + 60);
        if (k0 < 0) k0 = 0;
        const long n = k1 - k0 + 1;
        long double *pk = malloc((size_t)n * sizeof *pk), *acc = malloc((size_t)n * sizeof *acc);
        long double *res = malloc((size_t)n * sizeof *res);
        if (!pk || !acc || !res) return 1;
        long double accepted = 0, residual = 0;
        for (long k = k0; k <= k1; k++) {
            const long double p = expl(-m + k * logl(m) - lgammal(k + 1.0L));
            const long double x = (k - m + 0.5L) / s, xx = x * x;
            const long double f = om * expl(-0.5L * xx) * (((c3 * xx + c2) * xx + c1) * xx + c0);
            const long double q = S_phi((k + 1 - m) / s) - S_phi((k - m) / s);
            const long double tlo = (k - m) / s, thi = (k + 1 - m) / s;
            if (k >= big_l && p < f && (double)((f - p) / f) > worst[0])
                worst[0] = (double)((f - p) / f), at[0] = mu;
            if (k < big_l && p < f) {
                const double v = (double)(1 - p / f - powl(m - k, 3) / (6 * m * m));
                if (v > worst[1]) worst[1] = v, at[1] = mu;
            }
            if (tlo < -0.6744L && p > f && (double)(p - f) > worst[2])
                worst[2] = (double)(p - f), at[2] = mu;
            if (p > f && thi > -0.6744L) {
                const long double lo = tlo < -0.6744L ? -0.6744L : tlo;
                const long double e = fmaxl(fabsl(lo - 1.8L), fabsl(thi - 1.8L));
                const double r = (double)((p - f) * expl(e) / (0.1069L / m));
                if (r > worst[3]) worst[3] = r, at[3] = mu;
            }
            if (q > 1e-12L && (double)(fabsl(f - q) / q) > worst[4])
                worst[4] = (double)(fabsl(f - q) / q), at[4] = mu;
            const long double a = k >= big_l ? 1.0L : (p < f ? p / f : 1.0L);
            pk[k - k0] = p;
            acc[k - k0] = q * a;
            res[k - k0] = (tlo >= -0.6744L && p > f) ? p - f : 0;
            accepted += q * a;
            residual += res[k - k0];
        }
        long double tv = 0;
        for (long i = 0; i < n; i++)
            tv += fabsl(acc[i] + (1 - accepted) * res[i] / residual - pk[i]);
        tv /= 2;
        if ((double)tv > worst_tv) worst_tv = (double)tv, at_tv = mu;
        free(pk), free(acc), free(res);
    }
    printf("%ld means from %g to %g (factor %g)\n", nmu, mu0, mu1, step);
    printf("(a) worst (f-p)/f for K >= L:           %.3g (mu %g; must be 0)\n", worst[0], at[0]);
    printf("(b) worst squeeze excess:               %.3g (mu %g; must be 0)\n", worst[1], at[1]);
    printf("(c) worst p - f below t = -0.6744:      %.3g (mu %g; must be 0)\n", worst[2], at[2]);
    printf("(d) worst residual / hat:               %.6f (mu %g; must be <= 1)\n", worst[3], at[3]);
    printf("    worst |f - q| / q where q > 1e-12:  %.3g (mu %g)\n", worst[4], at[4]);
    printf("TV(PD, Poisson) worst:                  %.3g (mu %g)\n", worst_tv, at_tv);
    return worst[0] > 0 || worst[1] > 0 || worst[2] > 0 || worst[3] > 1;
}
