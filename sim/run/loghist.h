/* loghist.h — a fixed-size histogram with relative-width bins, for quantiles
 * of millions of values in bounded memory.
 *
 * Bins: |v| < LOGHIST_VMIN (1 CNY) counts as zero; above, bin k of either
 * sign covers [VMIN r^k, VMIN r^(k+1)) with r = 1 + LOGHIST_REL (0.2 %), up
 * to 1e12. A quantile is read by linear interpolation of the counts and the
 * geometric middle of its bin, and clamped to the observed min and max, so
 * its relative error is at most LOGHIST_REL / 2 (0.1 %) — and zero for a
 * constant. Counts only: the result does not depend on the order of the
 * additions (so not on threads either).
 */
#ifndef HS_LOGHIST_H
#define HS_LOGHIST_H

#include <stdint.h>

#define LOGHIST_VMIN 1.0
#define LOGHIST_VMAX 1e12
#define LOGHIST_REL 0.002

typedef struct {
    uint32_t *count; /* [2 * nb + 1]: negatives (reversed), zero, positives */
    int nb;          /* bins per sign */
    uint64_t n;
    double min, max;
} loghist;

int loghist_init(loghist *h); /* -1 when out of memory */
void loghist_free(loghist *h);
void loghist_add(loghist *h, double v);
/* The q-quantile (0 <= q <= 1) of the values added; 0 when empty. */
double loghist_quantile(const loghist *h, double q);
/* Mean of the values at or above the q-quantile (CVaR), from bin middles. */
double loghist_tail_mean(const loghist *h, double q);

#endif
