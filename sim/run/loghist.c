/* loghist.c — relative-width histogram (see loghist.h). */
#include "loghist.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

static double S_logr(void)
{
    return log1p(LOGHIST_REL);
}

int loghist_init(loghist *h)
{
    h->nb = (int)ceil(log(LOGHIST_VMAX / LOGHIST_VMIN) / S_logr()) + 1;
    h->count = calloc((size_t)(2 * h->nb + 1), sizeof *h->count);
    h->n = 0;
    h->min = INFINITY;
    h->max = -INFINITY;
    return h->count ? 0 : -1;
}

void loghist_free(loghist *h)
{
    free(h->count);
    h->count = NULL;
}

static int S_index(const loghist *h, double v)
{
    double a = fabs(v);
    if (a < LOGHIST_VMIN) return h->nb;
    int k = (int)(log(a / LOGHIST_VMIN) / S_logr());
    if (k >= h->nb) k = h->nb - 1;
    return v > 0 ? h->nb + 1 + k : h->nb - 1 - k;
}

void loghist_add(loghist *h, double v)
{
    assert(isfinite(v)); /* S_index's cast; the engine lets no NaN or infinity through */
    h->count[S_index(h, v)]++;
    h->n++;
    if (v < h->min) h->min = v;
    if (v > h->max) h->max = v;
}

/* Middle value of bin i. */
static double S_mid(const loghist *h, int i)
{
    if (i == h->nb) return 0;
    int k = i > h->nb ? i - h->nb - 1 : h->nb - 1 - i;
    double mid = LOGHIST_VMIN * exp((k + 0.5) * S_logr());
    return i > h->nb ? mid : -mid;
}

double loghist_quantile(const loghist *h, double q)
{
    if (h->n == 0) return 0;
    if (h->min == h->max) return h->min;
    /* position as gsl_stats_quantile_from_sorted_data: (n-1) q, 0-based */
    double pos = q * (double)(h->n - 1);
    uint64_t lo = (uint64_t)pos;
    double frac = pos - (double)lo;
    double vlo = 0, vhi = 0;
    uint64_t cum = 0;
    int found_lo = 0;
    for (int i = 0; i < 2 * h->nb + 1; i++) {
        uint64_t c = h->count[i];
        if (!c) continue;
        if (!found_lo && lo < cum + c) vlo = S_mid(h, i), found_lo = 1;
        if (lo + 1 < cum + c || (lo + 1 >= h->n && found_lo)) {
            vhi = S_mid(h, i);
            break;
        }
        cum += c;
    }
    double v = vlo + frac * (vhi - vlo);
    if (v < h->min) v = h->min;
    if (v > h->max) v = h->max;
    return v;
}

double loghist_tail_mean(const loghist *h, double q)
{
    if (h->n == 0) return 0;
    if (h->min == h->max) return h->min;
    /* walk down from the top until the tail holds (1 - q) n values */
    double want = (1 - q) * (double)h->n, got = 0, sum = 0;
    if (want < 1) want = 1;
    for (int i = 2 * h->nb; i >= 0 && got < want; i--) {
        double c = h->count[i];
        if (!c) continue;
        double take = got + c > want ? want - got : c;
        double v = S_mid(h, i);
        if (v > h->max) v = h->max;
        if (v < h->min) v = h->min;
        sum += take * v;
        got += take;
    }
    return sum / got;
}
