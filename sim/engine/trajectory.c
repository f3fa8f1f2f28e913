/* trajectory.c — one trajectory: the sampled parameters, every model in
 * order, the metrics of each option (see engine.h); and the check of the
 * models' order.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "record.h"
#include "sampling.h"
#include "scenario/correlations.h"
#include "scenario/param_slot.h"
#include "strategy.h"
#include "streams.h"
#include "traffic_record.h"

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

/* Every value a model reads is finite and inside its parameter's bounds (param_list.h), which
 * keep the models finite and their loops short: the loader checked the distributions, and
 * this catches, where it is made and with the parameter that made it, any value that still
 * is not (a quantile at the edge of a Sobol design, a sampler's rounding). */
hs_status sim_param_check(const sim_work *w, const param_slot *s, double x, hs_error *e)
{
    const double slack = 1e-9 * (fabs(s->d->lo) + fabs(s->d->hi)); /* rounding of a + (c-a) u */
    if ((x >= s->d->lo - slack && x <= s->d->hi + slack) ||
        (x == 0 && s->d->def == 0 && !s->d->required))
        return HS_OK;
    const scenario *sc = w->plan->sc;
    const param_value *v = PARAM_SLOT_OF(*s, sc->g, sc->opt[s->opt].p);
    return hs_error_set(e, HS_ERR_RUNTIME,
                        "trajectory %llu: %s.%s = '%s' gave %g %s, outside its bounds "
                        "[%g, %g]: please report this with the scenario",
                        (unsigned long long)w->traj, param_slot_owner(sc, s), s->d->name, v->text,
                        x, s->d->unit, s->d->lo, s->d->hi);
}

/* Checks x (sim_param_check) and stores it in slot s. */
static hs_status S_store(sim_work *w, const param_slot *s, double x, hs_error *e)
{
    HS_FORWARD(sim_param_check(w, s, x, e));
    *PARAM_SLOT_OF(*s, w->g, w->opt[s->opt].p) = x;
    return HS_OK;
}

/* The uniform of a parameter under Latin hypercube or the copula (sampling.h), from its own
 * stream, keyed as S_sample keys it. */
static double S_uniform(sim_work *w, const char *option, const char *name, int flat)
{
    streams_key(w->r, w->seed, w->traj, "param", option, name);
    return sampling_uniform(w->lhs, flat, w->traj, w->r);
}

/* Each value: fixed (Sobol, tornado), a constant, else drawn. A parameter of no correlation
 * without Latin hypercube is drawn by S_sample (one spec_sample); with Latin hypercube it is
 * F^-1 of its stratified uniform; a correlated one waits for the copula, which needs every
 * correlated uniform first (a fixed one's uniform is drawn too, so fixing one input leaves the
 * others' draws as they were). */
static hs_status S_sample_params(sim_work *w, hs_error *e)
{
    const scenario *sc = w->plan->sc;
    const scenario_corr *c = sc->corr && sc->corr->k ? sc->corr : NULL;
    double u[CORR_MAX_PARAMS];
    /* a variant's parameters that take their base's correlated uniform, after the copula */
    param_slot later[SCENARIO_MAX_OPTIONS * PO_COUNT];
    int later_k[SCENARIO_MAX_OPTIONS * PO_COUNT], nlater = 0;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const double f = S_fixed(w, &s);
        const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        const char *owner = param_slot_owner(sc, &s);
        /* a variant draws as its base does (its streams, its strata, its copula entry), so an
         * unchanged SPEC gives its base's value and a changed one its own quantile of the
         * same uniform (docs/random-streams.md, "Variants") */
        const int base = s.opt < 0 ? -1 : w->opt[s.opt].stream_opt;
        const char *key = s.opt < 0 ? owner : w->opt[s.opt].stream;
        const int flat = CORR_FLAT(s.opt, s.d->index), bflat = CORR_FLAT(base, s.d->index);
        const int k = c ? c->slot_k[flat] : -1, bk = c && k < 0 ? c->slot_k[bflat] : -1;
        double x;
        if (k >= 0) {
            u[k] = S_uniform(w, key, s.d->name, flat);
            continue;
        }
        if (bk >= 0 && !spec_is_const(&v->s)) {
            later[nlater] = s;
            later_k[nlater++] = bk;
            continue;
        }
        if (!isnan(f))
            x = f;
        else if (w->lhs && !spec_is_const(&v->s))
            x = spec_quantile(&v->s, S_uniform(w, key, s.d->name, bflat));
        else
            x = S_sample(w, v, key, s.d->name);
        HS_FORWARD(S_store(w, &s, x, e));
    }
    if (!c) return HS_OK;
    sampling_copula(c, u);
    for (int k = 0; k < c->k; k++) {
        const corr_param *p = &c->params[c->active[k]];
        param_slot s = {.d = p->d, .opt = p->opt};
        const double f = S_fixed(w, &s);
        const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        const double x = isnan(f) ? spec_quantile(&v->s, u[k]) : f;
        HS_FORWARD(S_store(w, &s, x, e));
    }
    for (int i = 0; i < nlater; i++) {
        const param_slot *s = &later[i];
        const double f = S_fixed(w, s);
        const param_value *v = PARAM_SLOT_OF(*s, sc->g, sc->opt[s->opt].p);
        const double x = isnan(f) ? spec_quantile(&v->s, u[later_k[i]]) : f;
        HS_FORWARD(S_store(w, s, x, e));
    }
    return HS_OK;
}

static void S_reset_option(const sim_work *w, opt_work *o)
{
    const sim_plan *p = w->plan;
    size_t M = (size_t)p->months;
    o->outages.n = o->merged.n = o->disasters.n = 0;
    o->nupgrades = 0;
    memset(o->month_served, 0, M * sizeof(double));
    memset(o->month_down, 0, M * sizeof(double));
    memset(o->month_peak_msgs, 0, M * sizeof(double));
    memset(o->month_overflow, 0, M * sizeof(double));
    memset(o->month_lost_outage, 0, M * sizeof(double));
    memset(o->month_lost_overflow, 0, M * sizeof(double));
    memset(o->met, 0, sizeof o->met);
    if (w->sample) {
        memset(o->day_down, 0, (size_t)w->plan->days * sizeof(double));
        memset(o->day_overflow, 0, (size_t)w->plan->days * sizeof(double));
    }
}

static hs_status S_finish_option(sim_work *w, opt_work *o, hs_error *e)
{
    const sim_plan *p = w->plan;
    double tco = 0;
    for (int c = 0; c < CAT_COUNT; c++) {
        double t = ledger_category_total(o->led, (ledger_category)c);
        o->met[MET_COST(c)] = t;
        tco += t;
    }
    double value = 0;
    for (int v = 0; v < VAL_COUNT; v++) {
        double t = ledger_value_total(o->led, (ledger_value)v);
        o->met[MET_VALUE(v)] = t;
        value += t;
    }
    o->met[MET_tco] = tco;
    o->met[MET_tco_npv] = ledger_npv(o->led, w->g[PG_discount_rate]);
    if (!isfinite(tco) || !isfinite(o->met[MET_tco_npv])) { /* never past the engine */
        int c = 0;
        while (c + 1 < CAT_COUNT && isfinite(o->met[MET_COST(c)]))
            c++;
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "option %s: the cost '%s' is not a finite number: please report "
                            "this with the scenario",
                            o->name, ledger_category_names[c]);
    }
    o->met[MET_value] = value;
    o->met[MET_net_cost] = tco - value;
    double down = 0;
    for (int m = 0; m < p->months; m++)
        down += o->month_down[m];
    o->met[MET_downtime_hours] = down;
    o->met[MET_downtime_hours_per_year] = down / p->years;
    o->met[MET_availability] = 1 - down / (double)p->hours;
    return HS_OK;
}

/* After a hook of model m (for option o, or NULL): its status, else a GSL
 * error raised while it ran; either said with where it happened. */
static hs_status S_after(const model_type *m, const opt_work *o, hs_status st, hs_error *e)
{
    if (st == HS_OK) st = hs_gsl_take(e);
    if (st == HS_OK) return HS_OK;
    if (o)
        hs_error_prefix(e, "option %s, model %s", o->so->name, m->name);
    else
        hs_error_prefix(e, "model %s", m->name);
    return st;
}

/* One option's models, then their clean-up whatever happened. */
static hs_status S_run_option(sim_work *w, opt_work *o, hs_error *e)
{
    hs_status st = HS_OK;
    S_reset_option(w, o);
    sim_demand_begin(w->demand, w->seed, w->traj, o->stream);
    for (const model_type *const *m = w->models; *m && st == HS_OK; m++)
        if ((*m)->option) st = S_after(*m, o, (*m)->option(w, o, e), e);
    if (st == HS_OK && w->option_done) w->option_done(w->option_done_ctx, w, o);
    for (const model_type *const *m = w->models; *m; m++)
        if ((*m)->option_end) (*m)->option_end(w, o);
    return st;
}

/* An option the caller does not read (w->skip), in the first step: nothing simulated, every
 * metric NaN. */
static void S_skip_option(sim_work *w, opt_work *o)
{
    S_reset_option(w, o);
    for (int m = 0; m < MET_COUNT; m++)
        o->met[m] = NAN;
}

/* One option's price hooks on its physical record, then its metrics; a skipped option (w->skip)
 * is not priced: its ledger and residuals empty, its metrics NaN. */
static hs_status S_price_option(sim_work *w, opt_work *o, hs_error *e)
{
    sim_plan_index(w->plan, o->p[PO_price_escalation], o->price_index);
    ledger_clear(o->led);
    memset(o->month_residual, 0, (size_t)w->plan->months * sizeof(double));
    if (w->skip >> o->index & 1u) {
        for (int m = 0; m < MET_COUNT; m++)
            o->met[m] = NAN;
        return HS_OK;
    }
    for (const model_type *const *m = w->models; *m; m++)
        if ((*m)->price) HS_FORWARD(S_after(*m, o, (*m)->price(w, o, e), e));
    return S_finish_option(w, o, e);
}

hs_status sim_trajectory_price(sim_work *w, hs_error *e)
{
    hs_gsl_clear();
    for (int i = 0; i < w->nopt; i++)
        HS_FORWARD(S_price_option(w, &w->opt[i], e));
    sim_strategies_compose(w); /* after every option's price step: composed from their results */
    for (int i = w->nopt; i < w->nres; i++)
        HS_FORWARD(S_finish_option(w, &w->opt[i], e));
    return HS_OK;
}

hs_status sim_trajectory(sim_work *w, uint64_t seed, uint64_t traj, int sample_days, hs_error *e)
{
    HS_FORWARD(sim_trajectory_happen(w, seed, traj, sample_days, e));
    return sim_trajectory_price(w, e);
}

hs_status sim_trajectory_sample(sim_work *w, uint64_t seed, uint64_t traj, hs_error *e)
{
    w->seed = seed;
    w->traj = traj;
    hs_gsl_clear(); /* only what this trajectory raises counts */
    hs_status st = S_sample_params(w, e);
    if (st == HS_OK) st = hs_gsl_take(e);
    if (st != HS_OK) hs_error_prefix(e, "sampling the parameters");
    return st;
}

hs_status sim_trajectory_happen(sim_work *w, uint64_t seed, uint64_t traj, int sample_days,
                                hs_error *e)
{
    return sim_trajectory_happen_reusing(w, seed, traj, sample_days, NULL, 0, NULL, e);
}

hs_status sim_trajectory_happen_reusing(sim_work *w, uint64_t seed, uint64_t traj, int sample_days,
                                        const sim_traffic *t, size_t slot, int *restored,
                                        hs_error *e)
{
    w->sample = sample_days;
    HS_FORWARD(sim_trajectory_sample(w, seed, traj, e));
    sim_demand_begin(w->demand, seed, traj, NULL);  /* no hour of this trajectory is drawn yet */
    const int reuse = sim_traffic_fits(t, slot, w); /* after sampling: compares its values */
    if (restored) *restored = reuse;
    if (reuse)
        sim_traffic_load(t, slot, w); /* what the trajectory hooks would write, to the bit */
    else
        for (const model_type *const *m = w->models; *m; m++)
            if ((*m)->trajectory) HS_FORWARD(S_after(*m, NULL, (*m)->trajectory(w, e), e));
    for (int i = 0; i < w->nopt; i++)
        if (w->skip >> i & 1u)
            S_skip_option(w, &w->opt[i]);
        else
            HS_FORWARD(S_run_option(w, &w->opt[i], e));
    return HS_OK;
}

/* ------------------------------------------------------ models' order */

void sim_models_check(const model_type *const *models)
{
    unsigned have = 0, needed = 0; /* provided / needed by the calls so far */
    /* the engine's order: trajectory hooks, option hooks, price hooks */
    for (int phase = 0; phase < 3; phase++)
        for (const model_type *const *m = models; *m; m++) {
            const model_type *t = *m;
            assert(t->name && !(t->trajectory && t->option)); /* at most one of the two */
            assert(t->trajectory || t->option || t->price);
            assert(!t->option_end || t->option);
            const int has = phase == 0 ? !!t->trajectory : phase == 1 ? !!t->option : !!t->price;
            if (!has) continue;
            if (t->needs & ~have)
                fprintf(stderr,
                        "engine: model %s needs products 0x%x that no model before it "
                        "provides\n",
                        t->name, t->needs & ~have);
            assert((t->needs & ~have) == 0);
            if (phase == 2) continue; /* price hooks provide nothing but the ledger */
            if (t->provides & needed)
                fprintf(stderr,
                        "engine: model %s provides products 0x%x that a model before it "
                        "needed\n",
                        t->name, t->provides & needed);
            assert((t->provides & needed) == 0);
            have |= t->provides;
            needed |= t->needs;
        }
}
