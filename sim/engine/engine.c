/* engine.c — the plan, the workspaces, event lists and one trajectory.
 *
 * Calendar tables: the horizon starts on the first day of a month and lasts
 * `years` calendar years. hour_weight[h] = profile[weekday][hour] x
 * multiplier[day] / Z_y, where Z_y sums profile x multiplier over the hours
 * of horizon year y, so each horizon year's weights sum to 1: without growth
 * a year's expected volume is exactly 12 x volume_month; growth compounds
 * monthly on top (docs/model.md, "Traffic").
 */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/param_slot.h"
#include "streams.h"

/* ---------------------------------------------------------------- plan */

static float S_day_multiplier(const scenario *sc, cal_date d, long day)
{
    int md = d.m * 100 + d.d;
    for (int i = 0; i < sc->npeaks; i++) {
        const peak_window *w = &sc->peaks[i];
        if (w->recurring) {
            int s = w->start.m * 100 + w->start.d, e = w->end.m * 100 + w->end.d;
            int in = s <= e ? (md >= s && md <= e) : (md >= s || md <= e);
            if (in) return (float)w->multiplier;
        } else {
            long a = cal_days_from_civil(w->start.y, w->start.m, w->start.d);
            long b = cal_days_from_civil(w->end.y, w->end.m, w->end.d);
            if (day >= a && day <= b) return (float)w->multiplier;
        }
    }
    return 1.0f;
}

void sim_plan_free(sim_plan *p)
{
    if (!p) return;
    free(p->month_first_hour);
    free(p->month_year);
    free(p->month_days);
    free(p->hour_month);
    free(p->hour_weight);
    free(p->day_weekday);
    free(p->day_multiplier);
    free(p->day_top_weight);
    free(p);
}

sim_plan *sim_plan_new(const scenario *sc, cal_date start, int years, hs_error *e)
{
    if (start.d != 1) {
        hs_error_set(e, HS_ERR_INPUT,
                     "--start: the horizon starts on the first day of a month, got %04d-%02d-%02d",
                     start.y, start.m, start.d);
        return NULL;
    }
    if (years < 1 || years > SIM_MAX_YEARS) {
        hs_error_set(e, HS_ERR_INPUT, "--years: %d is out of range (1 to %d)", years,
                     SIM_MAX_YEARS);
        return NULL;
    }
    sim_plan *p = calloc(1, sizeof *p);
    if (!p) goto oom;
    p->sc = sc;
    p->years = years;
    p->months = 12 * years;
    p->start = start;
    p->start_day = cal_days_from_civil(start.y, start.m, start.d);
    long end_day = cal_days_from_civil(start.y + years, start.m, 1);
    p->days = (int)(end_day - p->start_day);
    p->hours = 24L * p->days;
    p->month_first_hour = malloc((size_t)(p->months + 1) * sizeof *p->month_first_hour);
    p->month_year = malloc((size_t)p->months * sizeof *p->month_year);
    p->month_days = malloc((size_t)p->months * sizeof *p->month_days);
    p->hour_month = malloc((size_t)p->hours * sizeof *p->hour_month);
    p->hour_weight = malloc((size_t)p->hours * sizeof *p->hour_weight);
    p->day_weekday = malloc((size_t)p->days * sizeof *p->day_weekday);
    p->day_multiplier = malloc((size_t)p->days * sizeof *p->day_multiplier);
    p->day_top_weight = malloc((size_t)p->days * sizeof *p->day_top_weight);
    if (!p->month_first_hour || !p->month_year || !p->month_days || !p->hour_month ||
        !p->hour_weight || !p->day_weekday || !p->day_multiplier || !p->day_top_weight)
        goto oom;
    for (int m = 0; m <= p->months; m++) {
        int y = start.y + (start.m - 1 + m) / 12, mo = (start.m - 1 + m) % 12 + 1;
        long d = cal_days_from_civil(y, mo, 1) - p->start_day;
        p->month_first_hour[m] = (int)(24 * d);
        if (m < p->months) {
            p->month_year[m] = m / 12;
            p->month_days[m] = cal_month_days(y, mo);
        }
    }
    for (int m = 0; m < p->months; m++)
        for (int h = p->month_first_hour[m]; h < p->month_first_hour[m + 1]; h++)
            p->hour_month[h] = (uint16_t)m;
    for (int d = 0; d < p->days; d++) {
        long day = p->start_day + d;
        p->day_weekday[d] = (uint8_t)cal_weekday(day);
        p->day_multiplier[d] = S_day_multiplier(sc, cal_civil_from_days(day), day);
    }
    for (int y = 0; y < years; y++) {
        int h0 = p->month_first_hour[12 * y], h1 = p->month_first_hour[12 * y + 12];
        double z = 0;
        for (int h = h0; h < h1; h++) {
            int d = h / 24;
            double wgt = sc->profile[p->day_weekday[d]][h % 24] * p->day_multiplier[d];
            p->hour_weight[h] = (float)wgt;
            z += wgt;
        }
        for (int h = h0; h < h1; h++)
            p->hour_weight[h] = (float)(p->hour_weight[h] / z);
    }
    for (int d = 0; d < p->days; d++) {
        float top = 0;
        for (long h = 24L * d; h < 24L * d + 24; h++)
            if (p->hour_weight[h] > top) top = p->hour_weight[h];
        p->day_top_weight[d] = top;
    }
    return p;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory building the calendar");
    sim_plan_free(p);
    return NULL;
}

/* --------------------------------------------------------- event lists */

int sim_intervals_push(sim_intervals *l, double t0, double t1, int kind)
{
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 64;
        sim_interval *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) return -1;
        l->v = v, l->cap = cap;
    }
    l->v[l->n].t0 = t0;
    l->v[l->n].t1 = t1;
    l->v[l->n].kind = kind;
    l->n++;
    return 0;
}

static int S_cmp_start(const void *a, const void *b)
{
    const sim_interval *x = a, *y = b;
    if (x->t0 < y->t0) return -1;
    if (x->t0 > y->t0) return 1;
    if (x->t1 < y->t1) return -1;
    if (x->t1 > y->t1) return 1;
    return x->kind - y->kind;
}

int sim_intervals_union(const sim_intervals *in, sim_intervals *out)
{
    out->n = 0;
    if (in->n == 0) return 0;
    /* sort a copy in out's storage, then merge in place */
    if (out->cap < in->n) {
        sim_interval *v = realloc(out->v, (size_t)in->n * sizeof *v);
        if (!v) return -1;
        out->v = v, out->cap = in->n;
    }
    memcpy(out->v, in->v, (size_t)in->n * sizeof *in->v);
    qsort(out->v, (size_t)in->n, sizeof *out->v, S_cmp_start);
    int k = 0;
    for (int i = 1; i < in->n; i++) {
        if (out->v[i].t0 <= out->v[k].t1) {
            if (out->v[i].t1 > out->v[k].t1) out->v[k].t1 = out->v[i].t1;
        } else
            out->v[++k] = out->v[i];
    }
    out->n = k + 1;
    return 0;
}

/* ----------------------------------------------------------- workspace */

/* Moves the generator's state to a cache line of its own. The state is
 * written at every draw; left where malloc put it (all workspaces are
 * allocated by the main thread, from one heap), it can share a line with
 * data another worker writes, and the two cores then fight over the line.
 * Whether it does depends on the heap layout (it varied with
 * --trajectories): with the sampler of commit cdfb1e2, 400 trajectories
 * took 1.76 s on one thread and 1.85 s on two, 1.08 s on two once isolated.
 * gsl_rng_free frees the state with free(), which takes aligned_alloc's
 * memory. */
#define S_LINE 128 /* two 64-byte lines: adjacent-line prefetch pairs them */
static int S_isolate_state(gsl_rng *r)
{
    size_t size = r->type->size;
    void *st = aligned_alloc(S_LINE, (size + S_LINE - 1) / S_LINE * S_LINE);
    if (!st) return -1;
    memcpy(st, r->state, size);
    free(r->state);
    r->state = st;
    return 0;
}

void sim_work_free(sim_work *w)
{
    if (!w) return;
    if (w->r) gsl_rng_free(w->r);
    if (w->hours_r) gsl_rng_free(w->hours_r);
    free(w->demand);
    free(w->rate);
    free(w->day_rest);
    free(w->day_rest_rate);
    free(w->day_rest_n);
    free(w->own);
    free(w->own_stamp);
    free(w->own_rest);
    free(w->own_rest_rate);
    free(w->own_rest_n);
    free(w->own_day_stamp);
    free(w->down);
    free(w->month_demand);
    free(w->month_peak);
    free(w->month_peak_hour);
    free(w->day_demand);
    if (w->opt)
        for (int i = 0; i < w->nopt; i++) {
            opt_work *o = &w->opt[i];
            ledger_free(o->led);
            free(o->outages.v);
            free(o->merged.v);
            free(o->disasters.v);
            free(o->month_served);
            free(o->month_down);
            free(o->month_peak_msgs);
            free(o->month_overflow);
            free(o->month_lost_outage);
            free(o->month_lost_overflow);
            free(o->day_down);
            free(o->day_overflow);
        }
    free(w->opt);
    free(w);
}

sim_work *sim_work_new(const sim_plan *plan, hs_error *e)
{
    sim_work *w = calloc(1, sizeof *w);
    if (!w) goto oom;
    w->plan = plan;
    w->r = streams_alloc();
    size_t H = (size_t)plan->hours, M = (size_t)plan->months, D = (size_t)plan->days;
    w->hours_r = streams_alloc();
    w->demand = malloc(H * sizeof *w->demand);
    w->rate = malloc(H * sizeof *w->rate);
    w->day_rest = malloc(D * sizeof *w->day_rest);
    w->day_rest_rate = malloc(D * sizeof *w->day_rest_rate);
    w->day_rest_n = malloc(D * sizeof *w->day_rest_n);
    w->own = malloc(H * sizeof *w->own);
    w->own_stamp = calloc(H, sizeof *w->own_stamp);
    w->own_rest = malloc(D * sizeof *w->own_rest);
    w->own_rest_rate = malloc(D * sizeof *w->own_rest_rate);
    w->own_rest_n = malloc(D * sizeof *w->own_rest_n);
    w->own_day_stamp = calloc(D, sizeof *w->own_day_stamp);
    w->down = calloc(H, sizeof *w->down);
    w->month_demand = malloc(M * sizeof *w->month_demand);
    w->month_peak = malloc(M * sizeof *w->month_peak);
    w->month_peak_hour = malloc(M * sizeof *w->month_peak_hour);
    w->day_demand = malloc(D * sizeof *w->day_demand);
    w->nopt = plan->sc->nopt;
    w->opt = calloc((size_t)w->nopt, sizeof *w->opt);
    if (!w->r || !w->hours_r || !w->rate || !w->day_rest || !w->day_rest_rate || !w->day_rest_n ||
        !w->own || !w->own_stamp || !w->own_rest || !w->own_rest_rate || !w->own_rest_n ||
        !w->own_day_stamp || !w->demand || !w->down || !w->month_demand || !w->month_peak ||
        !w->month_peak_hour || !w->day_demand || !w->opt)
        goto oom;
    if (S_isolate_state(w->r) || S_isolate_state(w->hours_r)) goto oom;
    for (int i = 0; i < w->nopt; i++) {
        opt_work *o = &w->opt[i];
        o->index = i;
        o->so = &plan->sc->opt[i];
        o->led = ledger_new((int)M);
        o->month_served = malloc(M * sizeof(double));
        o->month_down = malloc(M * sizeof(double));
        o->month_peak_msgs = malloc(M * sizeof(double));
        o->month_overflow = malloc(M * sizeof(double));
        o->month_lost_outage = malloc(M * sizeof(double));
        o->month_lost_overflow = malloc(M * sizeof(double));
        o->day_down = malloc(D * sizeof(double));
        o->day_overflow = malloc(D * sizeof(double));
        if (!o->led || !o->month_served || !o->month_down || !o->month_peak_msgs ||
            !o->month_overflow || !o->month_lost_outage || !o->month_lost_overflow ||
            !o->day_down || !o->day_overflow)
            goto oom;
        if (sim_intervals_push(&o->outages, 0, 0, 0) || sim_intervals_push(&o->merged, 0, 0, 0) ||
            sim_intervals_push(&o->disasters, 0, 0, 0))
            goto oom;
    }
    return w;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory allocating a worker's workspace");
    sim_work_free(w);
    return NULL;
}

void sim_stream(sim_work *w, const char *purpose, const char *option)
{
    streams_key(w->r, w->seed, w->traj, purpose, option, NULL);
}

/* ---------------------------------------------------------- trajectory */

static double S_sample(sim_work *w, const param_value *v, const char *option, const char *name)
{
    if (spec_is_const(&v->s)) return v->s.a;
    streams_key(w->r, w->seed, w->traj, "param", option, name);
    return spec_sample(w->r, &v->s);
}

/* The value slot s is fixed to (Sobol, tornado), or NaN. */
static double S_fixed(const sim_work *w, const param_slot *s)
{
    const double *f = s->opt < 0   ? w->fixed_g
                      : w->fixed_o ? w->fixed_o + (size_t)s->opt * PO_COUNT
                                   : NULL;
    return f ? f[s->d->index] : NAN;
}

static void S_sample_params(sim_work *w)
{
    const scenario *sc = w->plan->sc;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const double f = S_fixed(w, &s);
        *PARAM_SLOT_OF(s, w->g, w->opt[s.opt].p) =
            isnan(f) ? S_sample(w, PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p),
                                param_slot_owner(sc, &s), s.d->name)
                     : f;
    }
}

static void S_reset_option(const sim_plan *p, opt_work *o)
{
    size_t M = (size_t)p->months;
    ledger_clear(o->led);
    o->outages.n = o->merged.n = o->disasters.n = 0;
    memset(o->month_served, 0, M * sizeof(double));
    memset(o->month_down, 0, M * sizeof(double));
    memset(o->month_peak_msgs, 0, M * sizeof(double));
    memset(o->month_overflow, 0, M * sizeof(double));
    memset(o->month_lost_outage, 0, M * sizeof(double));
    memset(o->month_lost_overflow, 0, M * sizeof(double));
    memset(o->met, 0, sizeof o->met);
}

static void S_finish_option(sim_work *w, opt_work *o)
{
    const sim_plan *p = w->plan;
    double tco = 0;
    for (int c = 0; c < CAT_COUNT; c++) {
        double t = ledger_category_total(o->led, (ledger_category)c);
        o->met[MET_COST(c)] = t;
        tco += t;
    }
    o->met[MET_tco] = tco;
    o->met[MET_tco_npv] = ledger_npv(o->led, w->g[PG_discount_rate]);
    double down = 0;
    for (int m = 0; m < p->months; m++)
        down += o->month_down[m];
    o->met[MET_downtime_hours] = down;
    o->met[MET_downtime_hours_per_year] = down / p->years;
    o->met[MET_availability] = 1 - down / (double)p->hours;
}

void sim_trajectory(sim_work *w, uint64_t seed, uint64_t traj, int sample_days)
{
    w->seed = seed;
    w->traj = traj;
    w->sample = sample_days;
    S_sample_params(w);
    sim_demand_begin(w, NULL); /* no hour of this trajectory is drawn yet */
    for (const model_type *const *m = models_registry; *m; m++)
        if ((*m)->trajectory) (*m)->trajectory(w);
    for (int i = 0; i < w->nopt; i++) {
        opt_work *o = &w->opt[i];
        S_reset_option(w->plan, o);
        if (sample_days) {
            memset(o->day_down, 0, (size_t)w->plan->days * sizeof(double));
            memset(o->day_overflow, 0, (size_t)w->plan->days * sizeof(double));
        }
        sim_demand_begin(w, o->so->name);
        for (const model_type *const *m = models_registry; *m; m++)
            if ((*m)->option) (*m)->option(w, o);
        if (w->option_done) w->option_done(w->option_done_ctx, w, o);
        S_finish_option(w, o);
    }
}
