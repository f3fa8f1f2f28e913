/* work.c — a worker's workspaces (sim_work, its opt_work), allocated once
 * per run and reused by every trajectory (see engine.h). */
#include <stdlib.h>

#include "engine.h"
#include "scenario/options.h"
#include "streams.h"

void sim_work_free(sim_work *w)
{
    if (!w) return;
    if (w->r) gsl_rng_free(w->r);
    sim_demand_free(w->demand);
    free(w->down);
    free(w->switch_month);
    if (w->opt)
        for (int i = 0; i < w->nres; i++) {
            opt_work *o = &w->opt[i];
            ledger_free(o->led);
            free(o->outages.v);
            free(o->merged.v);
            free(o->disasters.v);
            free(o->month_terms);
            free(o->month_served);
            free(o->month_down);
            free(o->month_peak_msgs);
            free(o->month_overflow);
            free(o->month_lost_outage);
            free(o->month_lost_overflow);
            free(o->month_residual);
            free(o->upgrade_month);
            free(o->upgrade_arrival);
            free(o->day_down);
            free(o->day_overflow);
        }
    free(w->opt);
    free(w);
}

sim_work *sim_work_new(const sim_plan *plan, const model_type *const *models, hs_error *e)
{
    if (!models) models = models_registry;
    sim_models_check(models);
    sim_work *w = calloc(1, sizeof *w);
    if (!w) goto oom;
    w->plan = plan;
    w->models = models;
    w->r = streams_alloc();
    const size_t H = (size_t)plan->hours, M = (size_t)plan->months, D = (size_t)plan->days;
    w->demand = sim_demand_new(plan, e);
    if (!w->demand) goto fail;
    w->down = calloc(H, sizeof *w->down);
    w->nopt = plan->sc->nopt;
    w->nres = sim_result_count(plan);
    w->opt = calloc((size_t)w->nres, sizeof *w->opt);
    for (int s = 0; s < plan->sc->nstrat; s++)
        w->nsw += plan->sc->strat[s].nsteps;
    w->switch_month = calloc((size_t)w->nsw + 1, sizeof *w->switch_month);
    if (!w->r || !w->down || !w->opt || !w->switch_month) goto oom;
    for (int i = 0; i < w->nres; i++) {
        opt_work *o = &w->opt[i];
        o->index = i;
        o->so = i < w->nopt ? &plan->sc->opt[i] : NULL;
        o->name = sim_result_name(plan, i);
        o->stream = o->so ? options_stream_name(o->so) : o->name;
        o->stream_opt =
            o->so && o->so->variant_of[0] ? scenario_option_index(plan->sc, o->so->variant_of) : i;
        o->led = ledger_new((int)M);
        o->month_terms = malloc(M * sizeof *o->month_terms);
        o->month_served = malloc(M * sizeof(double));
        o->month_down = malloc(M * sizeof(double));
        o->month_peak_msgs = malloc(M * sizeof(double));
        o->month_overflow = malloc(M * sizeof(double));
        o->month_lost_outage = malloc(M * sizeof(double));
        o->month_lost_overflow = malloc(M * sizeof(double));
        o->month_residual = malloc(M * sizeof(double));
        o->upgrade_month = malloc(M * sizeof(int));
        o->upgrade_arrival = malloc(M * sizeof(double));
        o->day_down = malloc(D * sizeof(double));
        o->day_overflow = malloc(D * sizeof(double));
        if (!o->led || !o->month_terms || !o->month_served || !o->month_down ||
            !o->month_peak_msgs || !o->month_overflow || !o->month_lost_outage ||
            !o->month_lost_overflow || !o->month_residual || !o->upgrade_month ||
            !o->upgrade_arrival || !o->day_down || !o->day_overflow)
            goto oom;
        /* the lists' first storage, so that a trajectory rarely allocates */
        if (sim_intervals_push(&o->outages, 0, 0, 0, e) ||
            sim_intervals_push(&o->merged, 0, 0, 0, e) ||
            sim_intervals_push(&o->disasters, 0, 0, 0, e))
            goto oom;
    }
    return w;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory allocating a worker's workspace");
fail:
    sim_work_free(w);
    return NULL;
}

void sim_stream(sim_work *w, const char *purpose, const opt_work *o)
{
    streams_key(w->r, w->seed, w->traj, purpose, o ? o->stream : NULL, NULL);
}
