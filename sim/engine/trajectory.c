/* trajectory.c — one trajectory: the sampled parameters, every model in
 * order, the metrics of each option (see engine.h); and the check of the
 * models' order.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "scenario/param_slot.h"
#include "streams.h"

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
static hs_status S_sample_params(sim_work *w, hs_error *e)
{
    const scenario *sc = w->plan->sc;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const double f = S_fixed(w, &s);
        const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        const char *owner = param_slot_owner(sc, &s);
        const double x = isnan(f) ? S_sample(w, v, owner, s.d->name) : f;
        const double slack = 1e-9 * (fabs(s.d->lo) + fabs(s.d->hi)); /* rounding of a + (c-a) u */
        if (!(x >= s.d->lo - slack && x <= s.d->hi + slack) &&
            !(x == 0 && s.d->def == 0 && !s.d->required))
            return hs_error_set(e, HS_ERR_RUNTIME,
                                "trajectory %llu: %s.%s = '%s' gave %g %s, outside its bounds "
                                "[%g, %g]: please report this with the scenario",
                                (unsigned long long)w->traj, owner, s.d->name, v->text, x,
                                s.d->unit, s.d->lo, s.d->hi);
        *PARAM_SLOT_OF(s, w->g, w->opt[s.opt].p) = x;
    }
    return HS_OK;
}

static void S_reset_option(const sim_plan *p, opt_work *o)
{
    size_t M = (size_t)p->months;
    sim_plan_index(p, o->p[PO_price_escalation], o->price_index);
    ledger_clear(o->led);
    o->outages.n = o->merged.n = o->disasters.n = 0;
    o->nupgrades = 0;
    memset(o->month_served, 0, M * sizeof(double));
    memset(o->month_down, 0, M * sizeof(double));
    memset(o->month_peak_msgs, 0, M * sizeof(double));
    memset(o->month_overflow, 0, M * sizeof(double));
    memset(o->month_lost_outage, 0, M * sizeof(double));
    memset(o->month_lost_overflow, 0, M * sizeof(double));
    memset(o->met, 0, sizeof o->met);
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
    S_reset_option(w->plan, o);
    if (w->sample) {
        memset(o->day_down, 0, (size_t)w->plan->days * sizeof(double));
        memset(o->day_overflow, 0, (size_t)w->plan->days * sizeof(double));
    }
    sim_demand_begin(w->demand, w->seed, w->traj, o->so->name);
    for (const model_type *const *m = w->models; *m && st == HS_OK; m++)
        if ((*m)->option) st = S_after(*m, o, (*m)->option(w, o, e), e);
    if (st == HS_OK && w->option_done) w->option_done(w->option_done_ctx, w, o);
    for (const model_type *const *m = w->models; *m; m++)
        if ((*m)->option_end) (*m)->option_end(w, o);
    if (st == HS_OK) st = S_finish_option(w, o, e);
    return st;
}

hs_status sim_trajectory(sim_work *w, uint64_t seed, uint64_t traj, int sample_days, hs_error *e)
{
    w->seed = seed;
    w->traj = traj;
    w->sample = sample_days;
    hs_gsl_clear(); /* only what this trajectory raises counts */
    hs_status st = S_sample_params(w, e);
    if (st == HS_OK) st = hs_gsl_take(e);
    if (st != HS_OK) {
        hs_error_prefix(e, "sampling the parameters");
        return st;
    }
    sim_demand_begin(w->demand, seed, traj, NULL); /* no hour of this trajectory is drawn yet */
    for (const model_type *const *m = w->models; *m; m++)
        if ((*m)->trajectory) HS_FORWARD(S_after(*m, NULL, (*m)->trajectory(w, e), e));
    for (int i = 0; i < w->nopt; i++)
        HS_FORWARD(S_run_option(w, &w->opt[i], e));
    return HS_OK;
}

/* ------------------------------------------------------ models' order */

void sim_models_check(const model_type *const *models)
{
    unsigned have = 0, needed = 0;          /* provided / needed by the calls so far */
    for (int phase = 0; phase < 2; phase++) /* the engine's order: trajectory hooks first */
        for (const model_type *const *m = models; *m; m++) {
            const model_type *t = *m;
            assert(t->name && !t->trajectory != !t->option); /* exactly one hook */
            assert(!t->option_end || t->option);
            if (phase == 0 ? !t->trajectory : !t->option) continue;
            if (t->needs & ~have)
                fprintf(stderr,
                        "engine: model %s needs products 0x%x that no model before it "
                        "provides\n",
                        t->name, t->needs & ~have);
            if (t->provides & needed)
                fprintf(stderr,
                        "engine: model %s provides products 0x%x that a model before it "
                        "needed\n",
                        t->name, t->provides & needed);
            assert((t->needs & ~have) == 0 && (t->provides & needed) == 0);
            have |= t->provides;
            needed |= t->needs;
        }
}
