/* crossover.c — crossings of two curves on a parameter grid, and level
 * passages of a probability curve (see crossover.h for the contract).
 *
 * With d_k = ya_k - yb_k (or p_k - level) on the grid x_k: between two
 * consecutive grid points j < k with d_j d_k < 0 the crossing is the root of
 * the linear interpolant,
 *     t = d_j / (d_j - d_k),   x* = x_j + t (x_k - x_j)                 (linear x)
 *                              x* = exp(ln x_j + t (ln x_k - ln x_j))  (log x),
 * exact when d is linear in x (resp. in ln x) between the two points; the
 * error is otherwise O(h^2 d'') in the grid step h, so the answer is only
 * as good as the sweep's grid. Exact ties (d = 0 on grid points) are a
 * crossing only when the sign before and after differ; x* is then the
 * middle of the tied run (geometric middle in log x), the point the data
 * cannot place better.
 *
 * Reference: any numerical analysis text on inverse linear interpolation
 * (regula falsi step), e.g. W.H. Press et al., Numerical Recipes, 3rd ed.
 * (2007), section 9.2.
 */
#include "crossover.h"

#include <assert.h>
#include <limits.h>
#include <math.h>

static double S_diff(const double *ya, const double *yb, double level, size_t k)
{
    return yb ? ya[k] - yb[k] : ya[k] - level;
}

/* Position at fraction t between xa and xb, on the chosen scale. */
static double S_between(double xa, double xb, double t, int logx)
{
    if (logx) return exp(log(xa) + t * (log(xb) - log(xa)));
    return xa + t * (xb - xa);
}

static int S_sign(double v)
{
    return (v > 0) - (v < 0);
}

/* The scan shared by both entry points: d_k = ya_k - yb_k, or ya_k - level
 * when yb is NULL. Writes at most max_out crossings, returns the count. */
static size_t S_scan(const double *x, const double *ya, const double *yb, double level, size_t m,
                     int logx, double *out, size_t max_out)
{
    size_t count = 0;
    int prev_sign = 0; /* sign of d at prev, 0: none seen since the start or a break */
    size_t prev = 0;   /* last grid index with d != 0 */
    for (size_t k = 0; k < m; k++) {
        assert(k == 0 || x[k] > x[k - 1]);
        assert(!logx || x[k] > 0);
        double dk = S_diff(ya, yb, level, k);
        if (!isfinite(dk)) {
            prev_sign = 0;
            continue;
        }
        int s = S_sign(dk);
        if (s == 0) continue; /* a tie: decided by the next nonzero point */
        if (prev_sign != 0 && s != prev_sign) {
            double xc;
            if (prev + 1 == k) {
                double dj = S_diff(ya, yb, level, prev);
                xc = S_between(x[prev], x[k], dj / (dj - dk), logx);
            } else {
                xc = S_between(x[prev + 1], x[k - 1], 0.5, logx);
            }
            if (count < max_out) out[count] = xc;
            count++;
        }
        prev_sign = s;
        prev = k;
    }
    return count;
}

size_t crossover_find(const double *x, const double *ya, const double *yb, size_t m, int logx,
                      double *out, size_t max_out)
{
    assert(yb != NULL);
    return S_scan(x, ya, yb, 0.0, m, logx, out, max_out);
}

int crossover_level(const double *x, const double *p, size_t m, int logx, double level, double *out)
{
    size_t n = S_scan(x, p, NULL, level, m, logx, out, 1);
    return n > (size_t)INT_MAX ? INT_MAX : (int)n;
}
