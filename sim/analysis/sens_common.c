/* sens_common.c — shared pieces of the sensitivity commands (see sens_common.h). */
#include "sens_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/record.h"
#include "engine/traffic_record.h"
#include "run/yearly.h"
#include "scenario/param_slot.h"

static hs_status S_option(const scenario *sc, const char *name, int *idx, hs_error *e)
{
    *idx = scenario_option_index(sc, name);
    if (*idx < 0) {
        char list[512] = "";
        for (int o = 0; o < sc->nopt; o++) {
            strncat(list, sc->opt[o].name, sizeof list - strlen(list) - 3);
            if (o + 1 < sc->nopt) strcat(list, ", ");
        }
        return hs_error_set(e, HS_ERR_INPUT, "unknown option '%s' (options: %s)", name, list);
    }
    return HS_OK;
}

hs_status sens_period_check(const sens_opts *a, hs_error *e)
{
    if (a->year && a->by_year)
        return hs_error_set(e, HS_ERR_INPUT, "give --year or --by-year, not both");
    if (a->year > a->years)
        return hs_error_set(e, HS_ERR_INPUT,
                            "--year %d: outside the horizon of %d year%s (expected 1 to %d)",
                            a->year, a->years, a->years == 1 ? "" : "s", a->years);
    const int met = metrics_find(a->metric);
    if ((a->year || a->by_year) && met >= 0 && !yearly_has(met))
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s: metric '%s' has no value per year (per-year metrics: %s)",
                            a->year ? "--year" : "--by-year", a->metric, yearly_metric_list());
    return HS_OK;
}

hs_status sens_target_parse(const scenario *sc, const sens_opts *a, const aggregate *base,
                            sens_target *t, hs_error *e)
{
    memset(t, 0, sizeof *t);
    t->met = metrics_find(a->metric);
    if (t->met < 0)
        return hs_error_set(e, HS_ERR_INPUT,
                            "--metric: unknown metric '%s' (e.g. tco, tco_npv, downtime_hours, "
                            "messages_lost, cost.it_labour; see docs/outputs.md)",
                            a->metric);
    t->b = -1;
    HS_FORWARD(sens_period_check(a, e));
    t->year = a->year;
    if (a->option && a->diff)
        return hs_error_set(e, HS_ERR_INPUT, "give --option or --diff, not both");
    if (a->option)
        HS_FORWARD(S_option(sc, a->option, &t->a, e));
    else if (a->diff) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", a->diff);
        char *comma = strchr(buf, ',');
        if (!comma)
            return hs_error_set(e, HS_ERR_INPUT, "--diff: expected A,B (two options), got '%s'",
                                a->diff);
        *comma = '\0';
        HS_FORWARD(S_option(sc, buf, &t->a, e));
        HS_FORWARD(S_option(sc, comma + 1, &t->b, e));
        if (t->a == t->b)
            return hs_error_set(e, HS_ERR_INPUT, "--diff: the two options must differ");
    } else if (sc->nopt == 1 || !base)
        t->a = 0;
    else {
        double best = INFINITY, second = INFINITY, q = 0.5, v, c;
        int b[2] = {0, 1};
        for (int o = 0; o < sc->nopt && runner_rank() == 0; o++) {
            aggregate_quantiles(base, o, MET_tco, &q, 1, &v, &c);
            if (v < best)
                second = best, b[1] = b[0], best = v, b[0] = o;
            else if (v < second)
                second = v, b[1] = o;
        }
        runner_share(b, sizeof b); /* only rank 0 consumed the base run */
        t->a = b[0], t->b = b[1];
    }
    if (t->b >= 0)
        snprintf(t->label, sizeof t->label, "%s(%s) - %s(%s)", a->metric, sc->opt[t->a].name,
                 a->metric, sc->opt[t->b].name);
    else
        snprintf(t->label, sizeof t->label, "%s(%s)", a->metric, sc->opt[t->a].name);
    if (t->year) {
        char whole[sizeof t->label];
        snprintf(whole, sizeof whole, "%s", t->label);
        snprintf(t->label, sizeof t->label, "%.140s in year %d", whole, t->year);
    }
    return HS_OK;
}

int sens_period(const sens_target *t, int np, int p, char *buf, size_t n)
{
    if (np == 1) {
        snprintf(buf, n, "%s", t->label);
        return t->year;
    }
    if (p)
        snprintf(buf, n, "%.140s in year %d", t->label, p);
    else
        snprintf(buf, n, "%s", t->label);
    return p;
}

void sens_csv_year(outfile *o, int year)
{
    if (year)
        outfile_csv_int(o, year);
    else
        outfile_csv_str(o, "");
}

/* The target's metric over the horizon (year 0) or in year `year`. */
static double S_value_at(const sens_target *t, const runner_layout *L, const double *rec, int year)
{
    if (!year) {
        double v = rec[L->met + (size_t)t->a * MET_COUNT + t->met];
        if (t->b >= 0) v -= rec[L->met + (size_t)t->b * MET_COUNT + t->met];
        return v;
    }
    double v = yearly_value(L, rec, t->a, t->met, year);
    if (t->b >= 0) v -= yearly_value(L, rec, t->b, t->met, year);
    return v;
}

double sens_value(const sens_target *t, const runner_layout *L, const double *rec)
{
    return S_value_at(t, L, rec, t->year);
}

uint32_t sens_target_options(const sens_target *t)
{
    return 1u << t->a | (t->b >= 0 ? 1u << t->b : 0u);
}

int sens_input_moves(const scenario *sc, const sens_target *t, const agg_input *in, char *why,
                     size_t n)
{
    if (in->scope == PARAM_GLOBAL || (sens_target_options(t) >> in->opt & 1u)) return 1;
    snprintf(why, n, "option %s is not in the target", sc->opt[in->opt].name);
    return 0;
}

int sens_inputs(const scenario *sc, sens_input **out, hs_error *e)
{
    sens_input *v = calloc((size_t)(PG_COUNT + sc->nopt * PO_COUNT), sizeof *v);
    if (!v) {
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return -1;
    }
    int n = 0;
    PARAM_SLOTS_FOREACH (slot, sc->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_value *pv = PARAM_SLOT_OF(slot, sc->g, sc->opt[slot.opt].p);
        if (spec_is_const(&pv->s)) continue;
        sens_input *s = &v[n++];
        s->v = pv;
        s->in.scope = slot.d->scope;
        s->in.opt = slot.opt;
        s->in.index = slot.d->index;
        snprintf(s->in.name, sizeof s->in.name, "%s.%s", param_slot_owner(sc, &slot), slot.d->name);
    }
    *out = v;
    return n;
}

void sens_fix(const agg_input *in, double value, double *fixed_g, double *fixed_o)
{
    if (in->scope == PARAM_GLOBAL)
        fixed_g[in->index] = value;
    else
        fixed_o[(size_t)in->opt * PO_COUNT + in->index] = value;
}

static runner_opts S_opts(const sens_opts *a, runner_prepare_fn fn, void *ctx, uint64_t count)
{
    runner_opts ro = {0};
    ro.seed = a->seed;
    ro.threads = a->threads;
    ro.first = 0;
    ro.count = count;
    ro.prepare = fn;
    ro.prepare_ctx = ctx;
    ro.whole = a->whole;
    return ro;
}

hs_status sens_simulate(const scenario *sc, const sens_opts *a, runner_prepare_fn fn, void *ctx,
                        uint64_t count, sens_result *r, hs_error *e)
{
    return sens_simulate_records(sc, a, fn, ctx, count, NULL, NULL, r, e);
}

hs_status sens_simulate_records(const scenario *sc, const sens_opts *a, runner_prepare_fn fn,
                                void *ctx, uint64_t count, struct sim_records **keep,
                                const struct sim_records *reprice, sens_result *r, hs_error *e)
{
    memset(r, 0, sizeof *r);
    if (keep) *keep = NULL;
    HS_FORWARD(scenario_check_horizon(sc, a->start, a->years, e));
    r->plan = sim_plan_new(sc, a->start, a->years, e);
    if (!r->plan) return e->code;
    r->agg = aggregate_new(r->plan, count, e);
    if (!r->agg) return e->code;
    const int met = metrics_find(a->metric);
    if (met >= 0) HS_FORWARD(aggregate_keep(r->agg, met, e));
    runner_opts ro = S_opts(a, fn, ctx, count);
    ro.progress = a->whole && a->progress;
    if (keep) {
        *keep = sens_records_new(r->plan, a, count, e);
        if (!*keep && !a->exhaustive) return e->code;
        ro.keep = *keep;
    }
    if (!a->exhaustive) ro.reprice = reprice;
    uint64_t done;
    HS_FORWARD(runner_run(r->plan, &ro, aggregate_consume, r->agg, &done, e));
    if (a->whole) a->whole->done_before += count;
    return HS_OK;
}

void sens_result_free(sens_result *r)
{
    aggregate_free(r->agg);
    sim_plan_free(r->plan);
    r->agg = NULL;
    r->plan = NULL;
}

typedef struct {
    const sens_target *t;
    runner_layout L;
    double *f;
    uint64_t first, count; /* the runs [first, first + count): f[run - first] */
    int years;             /* 0: the target only; else the horizon and each year, one block each */
} S_collect;

static hs_status S_collect_fn(void *vc, uint64_t run, const double *rec, hs_error *e)
{
    (void)e;
    S_collect *c = vc;
    const uint64_t i = run - c->first;
    if (!c->years)
        c->f[i] = sens_value(c->t, &c->L, rec);
    else
        for (int y = 0; y <= c->years; y++)
            c->f[(size_t)y * c->count + i] = S_value_at(c->t, &c->L, rec, y);
    return HS_OK;
}

hs_status sens_collect_records(const sim_plan *plan, const sens_opts *a, const sens_target *t,
                               runner_prepare_fn fn, void *ctx, uint64_t first, uint64_t count,
                               int by_year, struct sim_records *keep,
                               const struct sim_records *reprice, double *f, hs_error *e)
{
    const int years = by_year ? plan->years : 0;
    S_collect c = {t, runner_layout_of(plan), f, first, count, years};
    runner_opts ro = S_opts(a, fn, ctx, count);
    ro.first = first;
    ro.progress = a->progress;
    ro.skip = ~sens_target_options(t) & ((1u << plan->sc->nopt) - 1u);
    if (!a->exhaustive) ro.keep = keep, ro.reprice = reprice;
    if (runner_rank() != 0) memset(f, 0, (size_t)(years + 1) * count * sizeof *f);
    uint64_t done;
    HS_FORWARD(runner_run(plan, &ro, S_collect_fn, &c, &done, e));
    if (a->whole) a->whole->done_before += count;
    return HS_OK;
}

hs_status sens_collect(const sim_plan *plan, const sens_opts *a, const sens_target *t,
                       runner_prepare_fn fn, void *ctx, uint64_t count, double *f, hs_error *e)
{
    return sens_collect_records(plan, a, t, fn, ctx, 0, count, 0, NULL, NULL, f, e);
}

hs_status sens_collect_years(const sim_plan *plan, const sens_opts *a, const sens_target *t,
                             runner_prepare_fn fn, void *ctx, uint64_t count, double *f,
                             hs_error *e)
{
    return sens_collect_records(plan, a, t, fn, ctx, 0, count, 1, NULL, NULL, f, e);
}

sim_records *sens_records_new(const sim_plan *plan, const sens_opts *a, uint64_t count, hs_error *e)
{
    if (a->exhaustive) return NULL;
    const size_t each = sim_records_bytes_each(plan);
    const uint64_t most = SENS_RECORDS_MAX_BYTES / each, n = count < most ? count : most;
    sim_records *r = sim_records_new(plan, (size_t)n, e);
    /* the traffic of as many of them as the rest of the budget holds (the others simulate it) */
    const uint64_t room = (SENS_RECORDS_MAX_BYTES - n * each) / sim_traffic_bytes_each(plan);
    const uint64_t nt = n < room ? n : room;
    if (r && nt && sim_records_attach_traffic(r, (size_t)nt, e) != HS_OK) {
        sim_records_free(r);
        return NULL;
    }
    return r;
}
