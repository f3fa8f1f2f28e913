/* pbound.c — a Monte Carlo probability with its bound (see pbound.h). */
#include "pbound.h"

#include <math.h>
#include <stdio.h>

double pbound_lower_all(double n)
{
    return n >= 1 ? pow(1 - PBOUND_LEVEL, 1 / n) : 0;
}

char *pbound_format(char *b, size_t n, double p, double ntraj)
{
    const double x = ntraj >= 1 ? floor(p * ntraj + 0.5) : NAN;
    if (!isfinite(p)) {
        snprintf(b, n, "\xE2\x80\x94");
    } else if (ntraj >= 1 && x >= ntraj) { /* every trajectory: the lower bound, rounded down */
        snprintf(b, n, "\xE2\x89\xA5 %.1f %%", floor(1000 * pbound_lower_all(ntraj)) / 10);
    } else if (ntraj >= 1 && x <= 0) { /* none: the upper bound, rounded up */
        snprintf(b, n, "\xE2\x89\xA4 %.1f %%", ceil(1000 * (1 - pbound_lower_all(ntraj))) / 10);
    } else if (ntraj < 1 && (p <= 0 || p >= 1)) {
        snprintf(b, n, "%.0f %% (N unknown)", 100 * p);
    } else if (p >= 0.995) { /* never shown as 100 %: one decimal, rounded down */
        snprintf(b, n, "%.1f %%", fmin(floor(1000 * p) / 10, 99.9));
    } else if (p < 0.005) { /* nor as 0 % */
        snprintf(b, n, "%.1f %%", fmax(ceil(1000 * p) / 10, 0.1));
    } else {
        snprintf(b, n, "%.0f %%", 100 * p);
    }
    return b;
}
