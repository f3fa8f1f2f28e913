/* record.c — physical records: kept after the first step, re-priced by the
 * second (see record.h). */
#include "record.h"

#include "traffic_record.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_PRICE_CASE_G(scope, id) S_CASE_G_##scope(id)
#define S_CASE_G_G(id) case PG_##id:
#define S_CASE_G_O(id)
#define S_CASE_O_G(id)
#define S_CASE_O_O(id) case PO_##id:
#define S_PRICE_CASE_O(scope, id) S_CASE_O_##scope(id)

int sim_param_price_only(param_scope scope, int index)
{
    if (scope == PARAM_GLOBAL) switch (index) {
            HS_PRICE_ONLY(S_PRICE_CASE_G)
            return 1;
        default:
            return 0;
        }
    switch (index) {
        HS_PRICE_ONLY(S_PRICE_CASE_O)
        return 1;
    default:
        return 0;
    }
}

/* The month arrays of an option a record keeps (S_month_arrays). */
#define S_MONTH_ARRAYS 6

typedef struct {
    size_t g, total, peak_rate, opt; /* offsets of a record; opt: the first option's part */
    size_t o_p, o_met, o_terms, o_months, o_nup, o_upm, o_upa, o_ndis, o_dis, o_size;
    size_t size; /* doubles of a record */
} S_layout;

struct sim_records {
    const sim_plan *plan;
    S_layout L;
    size_t n;
    double *v;              /* [n][L.size] */
    uint64_t *key;          /* [n][2]: seed, trajectory */
    unsigned char *sampled; /* [n][slots]: the value was sampled (not fixed), by slot order */
    size_t slots;           /* PG_COUNT + nopt x PO_COUNT */
    unsigned char *kept;    /* [n] */
    uint32_t *skip;         /* [n]: the options the first step skipped (sim_work.skip) */
    const struct sampling_lhs **lhs; /* [n]: the strata it drew from (sim_work.lhs) */
    sim_traffic *traffic;            /* the traffic records beside them, or NULL */
};

static S_layout S_layout_of(const sim_plan *p)
{
    const size_t M = (size_t)p->months, D = (size_t)p->days;
    S_layout L;
    L.g = 0;
    L.total = L.g + PG_COUNT;
    L.peak_rate = L.total + M;
    L.opt = L.peak_rate + D;
    L.o_p = 0;
    L.o_met = L.o_p + PO_COUNT;
    L.o_terms = L.o_met + MET_COUNT;
    L.o_months = L.o_terms + 5 * M;
    L.o_nup = L.o_months + S_MONTH_ARRAYS * M;
    L.o_upm = L.o_nup + 1;
    L.o_upa = L.o_upm + M;
    L.o_ndis = L.o_upa + M;
    L.o_dis = L.o_ndis + 1;
    L.o_size = L.o_dis + 2 * SIM_RECORD_DISASTERS; /* t0, t1 of each */
    L.size = L.opt + (size_t)p->sc->nopt * L.o_size;
    return L;
}

size_t sim_records_count(const sim_records *r)
{
    return r->n;
}

size_t sim_records_bytes_each(const sim_plan *p)
{
    return S_layout_of(p).size * sizeof(double);
}

sim_records *sim_records_new(const sim_plan *p, size_t n, hs_error *e)
{
    sim_records *r = calloc(1, sizeof *r);
    if (!r) goto oom;
    r->plan = p;
    r->L = S_layout_of(p);
    r->n = n;
    r->v = malloc((n ? n : 1) * r->L.size * sizeof *r->v);
    r->key = malloc((n ? n : 1) * 2 * sizeof *r->key);
    r->kept = calloc(n ? n : 1, 1);
    r->slots = PG_COUNT + (size_t)p->sc->nopt * PO_COUNT;
    r->sampled = malloc((n ? n : 1) * r->slots);
    r->skip = malloc((n ? n : 1) * sizeof *r->skip);
    r->lhs = malloc((n ? n : 1) * sizeof *r->lhs);
    if (!r->v || !r->key || !r->kept || !r->sampled || !r->skip || !r->lhs) goto oom;
    return r;
oom:
    sim_records_free(r);
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory keeping %zu physical records (%zu bytes each)",
                 n, sim_records_bytes_each(p));
    return NULL;
}

void sim_records_free(sim_records *r)
{
    if (!r) return;
    free(r->v);
    free(r->key);
    free(r->kept);
    free(r->sampled);
    free(r->skip);
    free(r->lhs);
    sim_traffic_free(r->traffic);
    free(r);
}

/* Where slot s is fixed in a pair of fixed arrays (either may be NULL), or NULL. */
static const double *S_fixed_of(const param_slot *s, const double *fixed_g, const double *fixed_o)
{
    if (s->opt < 0) return fixed_g ? fixed_g + s->d->index : NULL;
    return fixed_o ? fixed_o + (size_t)s->opt * PO_COUNT + s->d->index : NULL;
}

/* The month arrays of option o, in record order. */
static void S_month_arrays(const opt_work *o, double *a[S_MONTH_ARRAYS])
{
    a[0] = o->month_served, a[1] = o->month_down, a[2] = o->month_peak_msgs;
    a[3] = o->month_overflow, a[4] = o->month_lost_outage, a[5] = o->month_lost_overflow;
}

/* Copies between a workspace and a record, one direction or the other: save = 1 copies w
 * into rec. The one list of what a record holds. */
static hs_status S_copy(const S_layout *L, const sim_plan *p, sim_work *w, double *rec, int save,
                        hs_error *e)
{
    const size_t M = (size_t)p->months, D = (size_t)p->days;
#define S_MOVE(dst_w, src_rec, n)                                                                  \
    do {                                                                                           \
        if (save)                                                                                  \
            memcpy((src_rec), (dst_w), (n) * sizeof(double));                                      \
        else                                                                                       \
            memcpy((dst_w), (src_rec), (n) * sizeof(double));                                      \
    } while (0)
    S_MOVE(w->g, rec + L->g, (size_t)PG_COUNT);
    S_MOVE(w->demand->month_total, rec + L->total, M);
    S_MOVE(w->demand->day_peak_rate, rec + L->peak_rate, D);
    for (int i = 0; i < w->nopt; i++) {
        opt_work *o = &w->opt[i];
        double *r = rec + L->opt + (size_t)i * L->o_size;
        S_MOVE(o->p, r + L->o_p, (size_t)PO_COUNT);
        S_MOVE(o->met, r + L->o_met, (size_t)MET_COUNT);
        double *a[S_MONTH_ARRAYS];
        S_month_arrays(o, a);
        for (int k = 0; k < S_MONTH_ARRAYS; k++)
            S_MOVE(a[k], r + L->o_months + (size_t)k * M, M);
        double *t = r + L->o_terms, *um = r + L->o_upm, *dis = r + L->o_dis;
        if (save) {
            for (size_t m = 0; m < M; m++) {
                const sim_terms *x = &o->month_terms[m];
                t[5 * m] = x->fee, t[5 * m + 1] = x->quota, t[5 * m + 2] = x->capacity_rps;
                t[5 * m + 3] = x->seats_included, t[5 * m + 4] = x->tier;
            }
            /* the lists' unused room zero, so that two records compare by their bytes */
            memset(um, 0, 2 * M * sizeof *um); /* upgrade months and arrivals */
            memset(dis, 0, 2 * SIM_RECORD_DISASTERS * sizeof *dis);
            memcpy(r + L->o_upa, o->upgrade_arrival, (size_t)o->nupgrades * sizeof(double));
            r[L->o_nup] = o->nupgrades;
            for (int k = 0; k < o->nupgrades; k++)
                um[k] = o->upgrade_month[k];
            r[L->o_ndis] = o->disasters.n;
            for (int k = 0; k < o->disasters.n; k++)
                dis[2 * k] = o->disasters.v[k].t0, dis[2 * k + 1] = o->disasters.v[k].t1;
        } else {
            for (size_t m = 0; m < M; m++)
                o->month_terms[m] = (sim_terms){t[5 * m], t[5 * m + 1], t[5 * m + 2], t[5 * m + 3],
                                                (int)t[5 * m + 4]};
            o->nupgrades = (int)r[L->o_nup];
            for (int k = 0; k < o->nupgrades; k++)
                o->upgrade_month[k] = (int)um[k];
            memcpy(o->upgrade_arrival, r + L->o_upa, (size_t)o->nupgrades * sizeof(double));
            o->disasters.n = 0; /* kind: not read by a price hook */
            for (int k = 0; k < (int)r[L->o_ndis]; k++)
                HS_FORWARD(sim_intervals_push(&o->disasters, dis[2 * k], dis[2 * k + 1], 0, e));
        }
    }
#undef S_MOVE
    return HS_OK;
}

int sim_record_save(sim_records *r, size_t i, const sim_work *w)
{
    assert(i < r->n);
    r->kept[i] = 0;
    for (int k = 0; k < w->nopt; k++)
        if (w->opt[k].disasters.n > SIM_RECORD_DISASTERS) return 0;
    /* saving writes only to the record, and cannot fail */
    (void)S_copy(&r->L, r->plan, (sim_work *)w, r->v + i * r->L.size, 1, NULL);
    r->key[2 * i] = w->seed;
    r->key[2 * i + 1] = w->traj;
    r->skip[i] = w->skip;
    r->lhs[i] = w->lhs;
    unsigned char *sampled = r->sampled + i * r->slots;
    size_t k = 0;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const double *f = S_fixed_of(&s, w->fixed_g, w->fixed_o);
        sampled[k++] = !f || isnan(*f);
    }
    r->kept[i] = 1;
    return 1;
}

/* Where record rec keeps the value of slot s. */
static const double *S_kept_of(const sim_records *r, const double *rec, const param_slot *s)
{
    return s->opt < 0 ? rec + r->L.g + s->d->index
                      : rec + r->L.opt + (size_t)s->opt * r->L.o_size + r->L.o_p + s->d->index;
}

/* The first value slot s of a record in slot order that differs from what a run with these
 * fixed values would take, or NULL. */
static const param_def *S_mismatch(const sim_records *r, size_t i, const double *fixed_g,
                                   const double *fixed_o, int *opt)
{
    const double *rec = r->v + i * r->L.size;
    const unsigned char *sampled = r->sampled + i * r->slots;
    size_t k = 0;
    PARAM_SLOTS_FOREACH (s, r->plan->sc->nopt, PARAM_SLOTS_BY_PARAM) {
        const int was_sampled = sampled[k++];
        if (sim_param_price_only(s.d->scope, s.d->index)) continue;
        const double *f = S_fixed_of(&s, fixed_g, fixed_o);
        const double *kept = S_kept_of(r, rec, &s);
        const int same = !f || isnan(*f) ? was_sampled : memcmp(kept, f, sizeof *f) == 0;
        if (!same) {
            *opt = s.opt;
            return s.d;
        }
    }
    return NULL;
}

/* 1 if a run of w's skip mask and strata can re-price slot i: it skips the options the record
 * skipped (a skipped option has nothing to re-price) and no other (the record holds the
 * physical results of those, which a skipping first step would have cleared), and the record
 * drew from the same strata. */
static int S_same_draws(const sim_records *r, size_t i, const sim_work *w)
{
    return r->skip[i] == w->skip && r->lhs[i] == w->lhs;
}

/* 1 if plans a and b (of two scenarios, e.g. two points of a sweep) make the same first step
 * of the same values: the same horizon, the same files (the checksums of the scenario's folder
 * and of each base it extends: calendar, profile, plans, assets, options and their streams,
 * strategies, correlations), the same options and strategies. What else two such scenarios
 * differ in is their parameters (--set), which S_sampled_mismatch compares per trajectory. */
static int S_plans_match(const sim_plan *a, const sim_plan *b)
{
    const scenario *x = a->sc, *y = b->sc;
    if (a->years != b->years || a->months != b->months || a->days != b->days ||
        a->hours != b->hours || a->start_day != b->start_day || x->checksum != y->checksum ||
        x->nbase != y->nbase || x->nopt != y->nopt || x->nstrat != y->nstrat)
        return 0;
    for (int k = 0; k < x->nbase; k++)
        if (x->base_checksum[k] != y->base_checksum[k]) return 0;
    for (int o = 0; o < x->nopt; o++)
        if (strcmp(x->opt[o].name, y->opt[o].name) != 0 ||
            strcmp(x->opt[o].variant_of, y->opt[o].variant_of) != 0)
            return 0;
    for (int k = 0; k < x->nstrat; k++)
        if (strcmp(x->strat[k].name, y->strat[k].name) != 0) return 0;
    return 1;
}

/* The first slot in slot order that is not price-only and whose value in w (as sampled for
 * the record's trajectory) differs from the record's to the bit, or NULL. */
static const param_def *S_sampled_mismatch(const sim_records *r, size_t i, const sim_work *w,
                                           int *opt)
{
    const double *rec = r->v + i * r->L.size;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        if (sim_param_price_only(s.d->scope, s.d->index)) continue;
        const double *x = PARAM_SLOT_OF(s, w->g, w->opt[s.opt].p);
        if (memcmp(x, S_kept_of(r, rec, &s), sizeof *x) != 0) {
            *opt = s.opt;
            return s.d;
        }
    }
    return NULL;
}

/* A workspace of another plan than the record's: its plan matches (S_plans_match) and what it
 * samples for the record's trajectory, fixed values applied, has every value that is not
 * price-only equal to the record's to the bit. Samples w's parameters (e set on failure). */
static hs_status S_other_plan_fits(const sim_records *r, size_t i, sim_work *w, int *fits,
                                   hs_error *e)
{
    int opt;
    *fits = 0;
    if (!S_plans_match(r->plan, w->plan)) return HS_OK;
    HS_FORWARD(sim_trajectory_sample(w, r->key[2 * i], r->key[2 * i + 1], e));
    *fits = !S_sampled_mismatch(r, i, w, &opt);
    return HS_OK;
}

int sim_record_fits(const sim_records *r, size_t i, uint64_t seed, uint64_t traj, sim_work *w)
{
    int opt, fits;
    if (!(i < r->n && r->kept[i] && r->key[2 * i] == seed && r->key[2 * i + 1] == traj &&
          S_same_draws(r, i, w)))
        return 0;
    if (w->plan == r->plan) return !S_mismatch(r, i, w->fixed_g, w->fixed_o, &opt);
    hs_error ignore = {0}; /* a value that cannot be sampled: the simulation says why */
    return S_other_plan_fits(r, i, w, &fits, &ignore) == HS_OK && fits;
}

/* Re-prices slot i in a workspace of another plan (S_other_plan_fits): the record's first
 * step, the parameters w samples (its price-only values are its scenario's). */
static hs_status S_price_other_plan(sim_work *w, const sim_records *r, size_t i, hs_error *e)
{
    int fits;
    HS_FORWARD(S_other_plan_fits(r, i, w, &fits, e));
    if (!fits)
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "trajectory %llu: re-pricing a record of another horizon, other "
                            "files or other physical values: please report this",
                            (unsigned long long)r->key[2 * i + 1]);
    double g[PG_COUNT], p[SCENARIO_MAX_OPTIONS][PO_COUNT];
    memcpy(g, w->g, sizeof g);
    for (int k = 0; k < w->nopt; k++)
        memcpy(p[k], w->opt[k].p, sizeof p[k]);
    w->sample = 0;
    HS_FORWARD(S_copy(&r->L, r->plan, w, r->v + i * r->L.size, 0, e));
    memcpy(w->g, g, sizeof g); /* the physical ones are the record's to the bit */
    for (int k = 0; k < w->nopt; k++)
        memcpy(w->opt[k].p, p[k], sizeof p[k]);
    return sim_trajectory_price(w, e);
}

int sim_record_same_physics(const sim_records *r, size_t i, size_t j)
{
    assert(i < r->n && j < r->n && r->kept[i] && r->kept[j]);
    const double *a = r->v + i * r->L.size, *b = r->v + j * r->L.size;
    double *ga = malloc(r->L.size * sizeof *ga), *gb = malloc(r->L.size * sizeof *gb);
    if (!ga || !gb) abort(); /* tests only */
    memcpy(ga, a, r->L.size * sizeof *ga);
    memcpy(gb, b, r->L.size * sizeof *gb);
    PARAM_SLOTS_FOREACH (s, r->plan->sc->nopt, PARAM_SLOTS_BY_PARAM) {
        if (!sim_param_price_only(s.d->scope, s.d->index)) continue;
        const size_t at = (size_t)(S_kept_of(r, a, &s) - a);
        ga[at] = gb[at] = 0;
    }
    const int same = memcmp(ga, gb, r->L.size * sizeof *ga) == 0;
    free(ga);
    free(gb);
    return same;
}

hs_status sim_record_price(sim_work *w, const sim_records *r, size_t i, hs_error *e)
{
    assert(i < r->n && r->kept[i]);
    const double *fixed_g = w->fixed_g, *fixed_o = w->fixed_o;
    if (!S_same_draws(r, i, w))
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "trajectory %llu: re-pricing an option the record skipped, or with "
                            "other strata: please report this",
                            (unsigned long long)r->key[2 * i + 1]);
    if (w->plan != r->plan) return S_price_other_plan(w, r, i, e);
    /* the same scenario: its values not fixed are the record's */
    int opt;
    const param_def *d = S_mismatch(r, i, fixed_g, fixed_o, &opt);
    if (d)
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "trajectory %llu: re-pricing cannot change %s.%s, which is not "
                            "price-only: please report this",
                            (unsigned long long)r->key[2 * i + 1],
                            opt < 0 ? "global" : w->plan->sc->opt[opt].name, d->name);
    w->seed = r->key[2 * i];
    w->traj = r->key[2 * i + 1];
    w->sample = 0;
    HS_FORWARD(S_copy(&r->L, r->plan, w, r->v + i * r->L.size, 0, e));
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const double *f = S_fixed_of(&s, fixed_g, fixed_o);
        if (!f || isnan(*f) || !sim_param_price_only(s.d->scope, s.d->index)) continue;
        HS_FORWARD(sim_param_check(w, &s, *f, e));
        *PARAM_SLOT_OF(s, w->g, w->opt[s.opt].p) = *f;
    }
    return sim_trajectory_price(w, e);
}

sim_traffic *sim_records_traffic(const sim_records *r)
{
    return r ? r->traffic : NULL;
}

hs_status sim_records_attach_traffic(sim_records *r, size_t n, hs_error *e)
{
    sim_traffic_free(r->traffic);
    r->traffic = sim_traffic_new(r->plan, n, e);
    return r->traffic ? HS_OK : e->code;
}
