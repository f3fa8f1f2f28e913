/* traffic_record.c — the traffic part of the demand, kept and restored (see
 * traffic_record.h). */
#include "traffic_record.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

#define S_INDEX(scope, id) PG_##id,
static const int S_inputs[] = {HS_TRAFFIC_INPUTS(S_INDEX)};
#undef S_INDEX
#define S_NIN ((int)(sizeof S_inputs / sizeof S_inputs[0]))

struct sim_traffic {
    const sim_plan *plan;
    size_t n, H, D, M, words, cap; /* slots; hours, days, months; bitmap words; counts room */
    float *rate;                   /* [n][H] */
    uint64_t *drawn;               /* [n][words]: bit h set: hour h drawn by the traffic hooks */
    uint32_t *count;               /* [n][cap]: the drawn hours' counts, in hour order */
    uint32_t *day_rest;            /* [n][D] */
    double *day_rest_rate;         /* [n][D] */
    uint8_t *day_rest_n;           /* [n][D] */
    double *day_peak_rate;         /* [n][D] */
    double *month;                 /* [n][2 M]: month_total, month_peak */
    int *peak_hour;                /* [n][M] */
    uint64_t *key;                 /* [n][2]: seed, trajectory */
    double *in;                    /* [n][S_NIN]: the traffic inputs */
    unsigned char *kept;           /* [n] */
};

int sim_param_traffic(int index)
{
    for (int k = 0; k < S_NIN; k++)
        if (S_inputs[k] == index) return 1;
    return 0;
}

static size_t S_cap(const sim_plan *p)
{
    return (size_t)p->hours / 4;
}

size_t sim_traffic_bytes_each(const sim_plan *p)
{
    const size_t H = (size_t)p->hours, D = (size_t)p->days, M = (size_t)p->months;
    return H * sizeof(float) + (H + 63) / 64 * sizeof(uint64_t) + S_cap(p) * sizeof(uint32_t) +
           D * (sizeof(uint32_t) + 2 * sizeof(double) + 1) +
           M * (2 * sizeof(double) + sizeof(int)) + 2 * sizeof(uint64_t) + S_NIN * sizeof(double) +
           1;
}

size_t sim_traffic_count(const sim_traffic *t)
{
    return t ? t->n : 0;
}

sim_traffic *sim_traffic_new(const sim_plan *p, size_t n, hs_error *e)
{
    sim_traffic *t = calloc(1, sizeof *t);
    if (!t) goto oom;
    t->plan = p;
    t->n = n;
    t->H = (size_t)p->hours, t->D = (size_t)p->days, t->M = (size_t)p->months;
    t->words = (t->H + 63) / 64;
    t->cap = S_cap(p);
    const size_t k = n ? n : 1;
    t->rate = malloc(k * t->H * sizeof *t->rate);
    t->drawn = malloc(k * t->words * sizeof *t->drawn);
    t->count = malloc(k * t->cap * sizeof *t->count);
    t->day_rest = malloc(k * t->D * sizeof *t->day_rest);
    t->day_rest_rate = malloc(k * t->D * sizeof *t->day_rest_rate);
    t->day_rest_n = malloc(k * t->D);
    t->day_peak_rate = malloc(k * t->D * sizeof *t->day_peak_rate);
    t->month = malloc(k * 2 * t->M * sizeof *t->month);
    t->peak_hour = malloc(k * t->M * sizeof *t->peak_hour);
    t->key = malloc(k * 2 * sizeof *t->key);
    t->in = malloc(k * S_NIN * sizeof *t->in);
    t->kept = calloc(k, 1);
    if (!t->rate || !t->drawn || !t->count || !t->day_rest || !t->day_rest_rate || !t->day_rest_n ||
        !t->day_peak_rate || !t->month || !t->peak_hour || !t->key || !t->in || !t->kept)
        goto oom;
    return t;
oom:
    sim_traffic_free(t);
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory keeping %zu traffic records (%zu bytes each)", n,
                 sim_traffic_bytes_each(p));
    return NULL;
}

void sim_traffic_free(sim_traffic *t)
{
    if (!t) return;
    free(t->rate);
    free(t->drawn);
    free(t->count);
    free(t->day_rest);
    free(t->day_rest_rate);
    free(t->day_rest_n);
    free(t->day_peak_rate);
    free(t->month);
    free(t->peak_hour);
    free(t->key);
    free(t->in);
    free(t->kept);
    free(t);
}

/* 1 if every model with a trajectory hook writes only the demand (what a record holds). */
static int S_hooks_demand_only(const sim_work *w)
{
    for (const model_type *const *m = w->models; *m; m++)
        if ((*m)->trajectory && ((*m)->provides & ~(unsigned)SIM_DEMAND)) return 0;
    return 1;
}

int sim_traffic_save(sim_traffic *t, size_t i, const sim_work *w)
{
    if (!t || i >= t->n) return 0;
    assert(w->plan == t->plan);
    t->kept[i] = 0;
    if (!S_hooks_demand_only(w)) return 0;
    const sim_demand_state *d = w->demand;
    uint64_t *bits = t->drawn + i * t->words;
    uint32_t *c = t->count + i * t->cap;
    size_t nc = 0;
    memset(bits, 0, t->words * sizeof *bits);
    for (size_t h = 0; h < t->H; h++) {
        if (d->count[h] == SIM_UNDRAWN) continue;
        if (nc == t->cap) return 0; /* too many drawn hours: simulated again */
        bits[h / 64] |= (uint64_t)1 << (h % 64);
        c[nc++] = d->count[h];
    }
    memcpy(t->rate + i * t->H, d->rate, t->H * sizeof *d->rate);
    memcpy(t->day_rest + i * t->D, d->day_rest, t->D * sizeof *d->day_rest);
    memcpy(t->day_rest_rate + i * t->D, d->day_rest_rate, t->D * sizeof *d->day_rest_rate);
    memcpy(t->day_rest_n + i * t->D, d->day_rest_n, t->D);
    memcpy(t->day_peak_rate + i * t->D, d->day_peak_rate, t->D * sizeof *d->day_peak_rate);
    memcpy(t->month + i * 2 * t->M, d->month_total, t->M * sizeof(double));
    memcpy(t->month + i * 2 * t->M + t->M, d->month_peak, t->M * sizeof(double));
    memcpy(t->peak_hour + i * t->M, d->month_peak_hour, t->M * sizeof(int));
    t->key[2 * i] = w->seed, t->key[2 * i + 1] = w->traj;
    for (int k = 0; k < S_NIN; k++)
        t->in[i * S_NIN + k] = w->g[S_inputs[k]];
    t->kept[i] = 1;
    return 1;
}

int sim_traffic_fits(const sim_traffic *t, size_t i, const sim_work *w)
{
    if (!t || i >= t->n || !t->kept[i] || w->plan != t->plan || w->sample) return 0;
    if (t->key[2 * i] != w->seed || t->key[2 * i + 1] != w->traj) return 0;
    for (int k = 0; k < S_NIN; k++)
        if (memcmp(&t->in[i * S_NIN + k], &w->g[S_inputs[k]], sizeof(double)) != 0) return 0;
    return S_hooks_demand_only(w);
}

int sim_traffic_same(const sim_traffic *t, size_t i, size_t j)
{
    assert(i < t->n && j < t->n && t->kept[i] && t->kept[j]);
#define S_SAME(a, n) (memcmp(t->a + i * (n), t->a + j * (n), (n) * sizeof *t->a) == 0)
    const uint64_t *bi = t->drawn + i * t->words;
    size_t nc = 0;
    for (size_t k = 0; k < t->words; k++)
        nc += (size_t)__builtin_popcountll(bi[k]);
    return S_SAME(rate, t->H) && S_SAME(drawn, t->words) &&
           memcmp(t->count + i * t->cap, t->count + j * t->cap, nc * sizeof *t->count) == 0 &&
           S_SAME(day_rest, t->D) && S_SAME(day_rest_rate, t->D) && S_SAME(day_rest_n, t->D) &&
           S_SAME(day_peak_rate, t->D) && S_SAME(month, 2 * t->M) && S_SAME(peak_hour, t->M);
#undef S_SAME
}

void sim_traffic_load(const sim_traffic *t, size_t i, sim_work *w)
{
    assert(sim_traffic_fits(t, i, w));
    sim_demand_state *d = w->demand;
    const uint64_t *bits = t->drawn + i * t->words;
    const uint32_t *c = t->count + i * t->cap;
    for (size_t k = 0, h0 = 0; k < t->words; k++, h0 += 64) {
        const size_t n = t->H - h0 < 64 ? t->H - h0 : 64;
        uint64_t b = bits[k];
        for (size_t h = 0; h < n; h++, b >>= 1)
            d->count[h0 + h] = b & 1u ? *c++ : SIM_UNDRAWN;
    }
    memcpy(d->rate, t->rate + i * t->H, t->H * sizeof *d->rate);
    memcpy(d->day_rest, t->day_rest + i * t->D, t->D * sizeof *d->day_rest);
    memcpy(d->day_rest_rate, t->day_rest_rate + i * t->D, t->D * sizeof *d->day_rest_rate);
    memcpy(d->day_rest_n, t->day_rest_n + i * t->D, t->D);
    memcpy(d->day_peak_rate, t->day_peak_rate + i * t->D, t->D * sizeof *d->day_peak_rate);
    memcpy(d->month_total, t->month + i * 2 * t->M, t->M * sizeof(double));
    memcpy(d->month_peak, t->month + i * 2 * t->M + t->M, t->M * sizeof(double));
    memcpy(d->month_peak_hour, t->peak_hour + i * t->M, t->M * sizeof(int));
}
