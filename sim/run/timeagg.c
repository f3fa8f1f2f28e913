/* timeagg.c — results over time across trajectories (see timeagg.h). */
#include "timeagg.h"

#include <stdlib.h>
#include <string.h>

int timeagg_compared(int k)
{
    return k == 0 ? MET_tco : MET_net_cost;
}

void timeagg_free(timeagg *t)
{
    if (!t) return;
    if (t->hist)
        for (int i = 0; i < t->L.nres * t->years * YEARLY_NMET; i++)
            loghist_free(&t->hist[i]);
    free(t->hist);
    free(t->mean);
    free(t->m2);
    free(t->cat_mean);
    free(t->be);
    free(t->scratch);
    free(t);
}

timeagg *timeagg_new(const runner_layout *L, hs_error *e)
{
    timeagg *t = calloc(1, sizeof *t);
    if (!t) goto oom;
    t->L = *L;
    t->years = L->months / 12;
    const size_t ny = (size_t)L->nres * t->years * YEARLY_NMET;
    t->mean = calloc(ny, sizeof *t->mean);
    t->m2 = calloc(ny, sizeof *t->m2);
    t->hist = calloc(ny, sizeof *t->hist);
    t->cat_mean = calloc((size_t)L->nres * CAT_COUNT * L->months, sizeof *t->cat_mean);
    t->be = calloc((size_t)TIMEAGG_NCMP * L->nres * L->nres * (L->months + 1), sizeof *t->be);
    t->scratch = calloc(YEARLY_NMET, sizeof *t->scratch);
    if (!t->mean || !t->m2 || !t->hist || !t->cat_mean || !t->be || !t->scratch) goto oom;
    for (size_t i = 0; i < ny; i++)
        if (loghist_init(&t->hist[i])) goto oom;
    return t;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory for the results over time");
    timeagg_free(t);
    return NULL;
}

void timeagg_consume(timeagg *t, const double *rec)
{
    const runner_layout *L = &t->L;
    const int R = L->nres, M = L->months;
    const uint64_t k = ++t->n;
    for (int r = 0; r < R; r++) {
        for (int y = 0; y < t->years; y++) {
            double *v = t->scratch;
            yearly_values(L, rec, r, y + 1, v);
            const size_t base = ((size_t)r * t->years + y) * YEARLY_NMET;
            for (int j = 0; j < YEARLY_NMET; j++) {
                double *mu = &t->mean[base + j], d = v[j] - *mu;
                *mu += d / k;
                t->m2[base + j] += d * (v[j] - *mu);
                loghist_add(&t->hist[base + j], v[j]);
            }
        }
        const double *cat = rec + L->cat + (size_t)r * CAT_COUNT * M;
        double *cm = t->cat_mean + (size_t)r * CAT_COUNT * M;
        for (size_t i = 0; i < (size_t)CAT_COUNT * M; i++)
            cm[i] += (cat[i] - cm[i]) / k;
    }
    for (int c = 0; c < TIMEAGG_NCMP; c++)
        for (int a = 0; a < R; a++)
            for (int b = 0; b < R; b++) {
                if (a == b) continue;
                const int be = yearly_breakeven(L, rec, timeagg_compared(c), a, b);
                t->be[(((size_t)c * R + a) * R + b) * (M + 1) + be]++;
            }
}
