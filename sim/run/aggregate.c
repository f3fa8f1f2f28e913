/* aggregate.c — distributions from per-trajectory records (see aggregate.h). */
#include "aggregate.h"

#include <assert.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/param_slot.h"
#include "timeagg.h"

void aggregate_free(aggregate *a)
{
    if (!a) return;
    timeagg_free(a->time);
    free(a->keep_d);
    free(a->keep_f);
    free(a->keep_sw);
    free(a->mean);
    free(a->m2);
    if (a->hist)
        for (int i = 0; i < a->nres * a->nh; i++)
            loghist_free(&a->hist[i]);
    if (a->month)
        for (int i = 0; i < a->nres * a->L.months; i++)
            loghist_free(&a->month[i]);
    free(a->hist);
    free(a->month);
    free(a->month_mean);
    free(a->month_vmean);
    free(a->inputs);
    free(a->sx);
    free(a->sy);
    free(a);
}

static int S_grow(aggregate *a, uint64_t want)
{
    if (want <= a->cap) return 0;
    uint64_t cap = a->cap ? a->cap : 1024;
    while (cap < want)
        cap *= 2;
    const size_t nd = (size_t)a->nres * a->nd, nf = (size_t)a->nres * a->nf;
    const size_t ns = (size_t)a->nsw;
    double *d = malloc((nd ? nd : 1) * cap * sizeof *d);
    float *f = malloc((nf ? nf : 1) * cap * sizeof *f);
    double *sw = malloc((ns ? ns : 1) * cap * sizeof *sw);
    if (!d || !f || !sw) {
        free(d), free(f), free(sw);
        return -1;
    }
    if (a->n) {
        for (size_t k = 0; k < nd; k++)
            memcpy(d + k * cap, a->keep_d + k * a->cap, a->n * sizeof *d);
        for (size_t k = 0; k < nf; k++)
            memcpy(f + k * cap, a->keep_f + k * a->cap, a->n * sizeof *f);
        for (size_t k = 0; k < ns; k++)
            memcpy(sw + k * cap, a->keep_sw + k * a->cap, a->n * sizeof *sw);
    }
    free(a->keep_d);
    free(a->keep_f);
    free(a->keep_sw);
    a->keep_d = d, a->keep_f = f, a->keep_sw = sw, a->cap = cap;
    return 0;
}

aggregate *aggregate_new(const sim_plan *plan, uint64_t expected, hs_error *e)
{
    aggregate *a = calloc(1, sizeof *a);
    if (!a) goto oom;
    a->plan = plan;
    a->L = runner_layout_of(plan);
    a->nopt = a->L.nopt;
    a->nres = a->L.nres;
    a->nsw = a->L.nsw;
    const scenario *sc = plan->sc;
    size_t nm = (size_t)a->nres * MET_COUNT;
    a->mean = calloc(nm, sizeof *a->mean);
    a->m2 = calloc(nm, sizeof *a->m2);
    for (int m = 0; m < MET_COUNT; m++) {
        const metric_keep k = metrics_defs[m].keep;
        a->dslot[m] = k == MET_KEEP_DOUBLE ? a->nd++ : -1;
        a->fslot[m] = k == MET_KEEP_FLOAT ? a->nf++ : -1;
        a->hslot[m] = k == MET_KEEP_HIST ? a->nh++ : -1;
    }
    a->hist = calloc((size_t)a->nres * a->nh + 1, sizeof *a->hist);
    a->month = calloc((size_t)a->nres * a->L.months, sizeof *a->month);
    a->month_mean = calloc((size_t)a->nres * a->L.months, sizeof *a->month_mean);
    a->month_vmean = calloc((size_t)a->nres * a->L.months, sizeof *a->month_vmean);
    if (!a->mean || !a->m2 || !a->hist || !a->month || !a->month_mean || !a->month_vmean) goto oom;
    for (int i = 0; i < a->nres * a->nh; i++)
        if (loghist_init(&a->hist[i])) goto oom;
    for (int i = 0; i < a->nres * a->L.months; i++)
        if (loghist_init(&a->month[i])) goto oom;
    if (S_grow(a, expected < 1024 ? 1024 : expected)) goto oom;
    /* the uncertain inputs */
    a->inputs = calloc((size_t)(PG_COUNT + a->nopt * PO_COUNT), sizeof *a->inputs);
    if (!a->inputs) goto oom;
    PARAM_SLOTS_FOREACH (s, a->nopt, PARAM_SLOTS_BY_PARAM) {
        if (spec_is_const(&PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p)->s)) continue;
        agg_input *in = &a->inputs[a->ninputs++];
        in->scope = s.d->scope;
        in->opt = s.opt;
        in->index = s.d->index;
        snprintf(in->name, sizeof in->name, "%s.%s", param_slot_owner(sc, &s), s.d->name);
    }
    a->sx = malloc(((size_t)a->ninputs + 1) * AGG_SPEARMAN_MAX * sizeof *a->sx);
    a->sy = malloc((size_t)a->nres * 3 * AGG_SPEARMAN_MAX * sizeof *a->sy);
    if (!a->sx || !a->sy) goto oom;
    if (!(a->time = timeagg_new(&a->L, e))) goto fail;
    return a;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory for the aggregates");
fail:
    aggregate_free(a);
    return NULL;
}

static double S_input(const aggregate *a, const agg_input *in, const double *rec)
{
    if (in->scope == PARAM_GLOBAL) return rec[a->L.g + in->index];
    return rec[a->L.o + (size_t)in->opt * PO_COUNT + in->index];
}

/* The most steps of a strategy (0 without strategies): trajectories.csv's switch columns. */
static int S_max_steps(const aggregate *a)
{
    int k = 0;
    for (int i = 0; i < a->plan->sc->nstrat; i++)
        if (a->plan->sc->strat[i].nsteps > k) k = a->plan->sc->strat[i].nsteps;
    return k;
}

void aggregate_traj_header(aggregate *a)
{
    outfile *f = a->traj_csv;
    outfile_csv_str(f, "trajectory");
    outfile_csv_str(f, "option");
    for (int i = 0; i < a->ninputs; i++)
        outfile_csv_str(f, a->inputs[i].name);
    for (int m = 0; m < MET_COUNT; m++)
        outfile_csv_str(f, metrics_defs[m].name);
    for (int k = 0; k < S_max_steps(a); k++) {
        char name[32];
        snprintf(name, sizeof name, "switch_month.%d", k + 1);
        outfile_csv_str(f, name);
    }
    outfile_csv_end(f);
}

/* Result i's switch months in trajectories.csv: a strategy's steps, empty cells beyond them
 * and for an option. */
static void S_traj_switches(const aggregate *a, outfile *f, int i, const double *rec)
{
    const scenario *sc = a->plan->sc;
    int first = 0, n = 0;
    for (int s = 0; s < sc->nstrat; s++) {
        if (s == i - a->nopt) n = sc->strat[s].nsteps;
        if (s < i - a->nopt) first += sc->strat[s].nsteps;
    }
    for (int k = 0; k < S_max_steps(a); k++)
        if (k < n)
            outfile_csv_num(f, rec[a->L.sw + first + k]);
        else
            outfile_csv_str(f, "");
}

hs_status aggregate_consume(void *va, uint64_t run, const double *rec, hs_error *e)
{
    aggregate *a = va;
    (void)run;
    if (a->n == a->cap && S_grow(a, a->n + 1))
        return hs_error_set(e, HS_ERR_RUNTIME, "out of memory storing trajectory results");
    const uint64_t n = a->n, k = n + 1;
    for (int i = 0; i < a->nres; i++) {
        const double *met = rec + a->L.met + (size_t)i * MET_COUNT;
        for (int m = 0; m < MET_COUNT; m++) {
            double *mu = &a->mean[i * MET_COUNT + m], x = met[m], d = x - *mu;
            *mu += d / k;
            a->m2[i * MET_COUNT + m] += d * (x - *mu);
        }
        for (int m = 0; m < MET_COUNT; m++) {
            if (a->dslot[m] >= 0)
                a->keep_d[((size_t)i * a->nd + a->dslot[m]) * a->cap + n] = met[m];
            if (a->fslot[m] >= 0)
                a->keep_f[((size_t)i * a->nf + a->fslot[m]) * a->cap + n] = (float)met[m];
            if (a->hslot[m] >= 0) loghist_add(&a->hist[i * a->nh + a->hslot[m]], met[m]);
        }
        const double *cum = rec + a->L.cum + (size_t)i * a->L.months;
        const double *vcum = rec + a->L.vcum + (size_t)i * a->L.months;
        for (int m = 0; m < a->L.months; m++) {
            loghist_add(&a->month[i * a->L.months + m], cum[m]);
            double *mu = &a->month_mean[i * a->L.months + m];
            *mu += (cum[m] - *mu) / k;
            double *vmu = &a->month_vmean[i * a->L.months + m];
            *vmu += (vcum[m] - *vmu) / k;
        }
        if (a->ns < AGG_SPEARMAN_MAX) {
            a->sy[((size_t)i * 3 + 0) * AGG_SPEARMAN_MAX + a->ns] = met[MET_tco];
            a->sy[((size_t)i * 3 + 1) * AGG_SPEARMAN_MAX + a->ns] = met[MET_tco_npv];
            a->sy[((size_t)i * 3 + 2) * AGG_SPEARMAN_MAX + a->ns] = met[MET_downtime_hours];
        }
    }
    for (int j = 0; j < a->nsw; j++)
        a->keep_sw[(size_t)j * a->cap + n] = rec[a->L.sw + j];
    if (a->ns < AGG_SPEARMAN_MAX) {
        for (int j = 0; j < a->ninputs; j++)
            a->sx[(size_t)j * AGG_SPEARMAN_MAX + a->ns] = S_input(a, &a->inputs[j], rec);
        a->ns++;
    }
    if (a->traj_csv) {
        outfile *f = a->traj_csv;
        for (int i = 0; i < a->nres; i++) {
            const double *met = rec + a->L.met + (size_t)i * MET_COUNT;
            outfile_csv_int(f, (long long)n);
            outfile_csv_str(f, sim_result_name(a->plan, i));
            for (int j = 0; j < a->ninputs; j++)
                outfile_csv_num(f, S_input(a, &a->inputs[j], rec));
            for (int m = 0; m < MET_COUNT; m++)
                outfile_csv_num(f, met[m]);
            S_traj_switches(a, f, i, rec);
            outfile_csv_end(f);
        }
    }
    timeagg_consume(a->time, rec);
    a->n = k;
    return HS_OK;
}

hs_status aggregate_keep(aggregate *a, int met, hs_error *e)
{
    assert(met >= 0 && met < MET_COUNT && a->n == 0);
    if (aggregate_is_kept(a, met)) return HS_OK;
    double *d = malloc((size_t)a->nres * (size_t)(a->nd + 1) * a->cap * sizeof *d);
    if (!d) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory for the aggregates");
    free(a->keep_d);
    a->keep_d = d;
    a->dslot[met] = a->nd++;
    return HS_OK;
}

int aggregate_is_kept(const aggregate *a, int met)
{
    return a->dslot[met] >= 0 || a->fslot[met] >= 0;
}

const double *aggregate_exact(const aggregate *a, int opt, int met)
{
    assert(a->dslot[met] >= 0);
    return a->keep_d + ((size_t)opt * a->nd + a->dslot[met]) * a->cap;
}

double *aggregate_values(const aggregate *a, int opt, int met)
{
    assert(aggregate_is_kept(a, met));
    double *v = malloc((a->n ? a->n : 1) * sizeof *v);
    if (!v) return NULL;
    if (a->dslot[met] >= 0)
        memcpy(v, aggregate_exact(a, opt, met), a->n * sizeof *v);
    else {
        const float *c = a->keep_f + ((size_t)opt * a->nf + a->fslot[met]) * a->cap;
        for (uint64_t i = 0; i < a->n; i++)
            v[i] = c[i];
    }
    return v;
}

void aggregate_quantiles(const aggregate *a, int opt, int met, const double *q, int nq, double *out,
                         double *cvar95)
{
    if (metrics_defs[met].keep == MET_KEEP_HIST) {
        const loghist *h = &a->hist[opt * a->nh + a->hslot[met]];
        for (int i = 0; i < nq; i++)
            out[i] = loghist_quantile(h, q[i]);
        *cvar95 = loghist_tail_mean(h, 0.95);
        return;
    }
    double *v = aggregate_values(a, opt, met);
    if (!v) {
        for (int i = 0; i < nq; i++)
            out[i] = NAN;
        *cvar95 = NAN;
        return;
    }
    gsl_sort(v, 1, a->n);
    for (int i = 0; i < nq; i++)
        out[i] = gsl_stats_quantile_from_sorted_data(v, 1, a->n, q[i]);
    double p95 = gsl_stats_quantile_from_sorted_data(v, 1, a->n, 0.95), s = 0;
    uint64_t c = 0;
    for (uint64_t i = 0; i < a->n; i++)
        if (v[i] >= p95) s += v[i], c++;
    *cvar95 = c ? s / c : p95;
    free(v);
}

double aggregate_se(const aggregate *a, int opt, int met)
{
    if (a->n < 2) return 0;
    double var = a->m2[opt * MET_COUNT + met] / (a->n - 1);
    return sqrt(var / a->n);
}

double aggregate_month_mean(const aggregate *a, int opt, int met, int m)
{
    assert((met == MET_tco || met == MET_net_cost) && m >= 0 && m < a->L.months);
    const size_t k = (size_t)opt * a->L.months + (size_t)m;
    return met == MET_tco ? a->month_mean[k] : a->month_mean[k] - a->month_vmean[k];
}

const double *aggregate_switch_months(const aggregate *a, int k)
{
    assert(k >= 0 && k < a->nsw);
    return a->keep_sw + (size_t)k * a->cap;
}
