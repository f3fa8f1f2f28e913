/* output.c — writing summary.csv, compare.csv, monthly.csv and the chart
 * data (hist.csv, cdf.csv, daily.csv, profile.csv, options.csv), params.csv
 * and manifest.csv. Formats: docs/outputs.md. */
#include "output.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/hs_fmt.h"
#include "base/units.h"
#include "output_time.h"
#include "rankcorr.h"
#include "scenario/correlations.h"
#include "scenario/params_io.h"

static const double S_q[7] = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

static double S_sd(const aggregate *a, int o, int m)
{
    return a->n > 1 ? sqrt(a->m2[o * MET_COUNT + m] / (a->n - 1)) : 0;
}

/* A summary row of values v (n, sorted in place) that no metric row keeps: a strategy step's
 * switch month or whether it switched. */
static void S_summary_values(outfile *f, const char *result, const char *metric, const char *unit,
                             double *v, uint64_t n)
{
    const double mean = n ? gsl_stats_mean(v, 1, n) : 0;
    const double sd = n > 1 ? gsl_stats_sd_m(v, 1, n, mean) : 0;
    outfile_csv_str(f, result);
    outfile_csv_str(f, metric);
    outfile_csv_str(f, unit);
    outfile_csv_num(f, mean);
    outfile_csv_num(f, sd);
    outfile_csv_num(f, n ? sd / sqrt((double)n) : 0);
    gsl_sort(v, 1, n);
    for (int k = 0; k < 7; k++)
        outfile_csv_num(f, n ? gsl_stats_quantile_from_sorted_data(v, 1, n, S_q[k]) : 0);
    double p95 = n ? gsl_stats_quantile_from_sorted_data(v, 1, n, 0.95) : 0, t = 0;
    uint64_t c = 0;
    for (uint64_t i = 0; i < n; i++)
        if (v[i] >= p95) t += v[i], c++;
    outfile_csv_num(f, c ? t / c : p95);
    outfile_csv_end(f);
}

/* Strategy st's rows switch_month.K (months from the start; the horizon's months when it did
 * not switch) and switched.K (share of trajectories that switched) for each step K. */
static hs_status S_summary_switches(const aggregate *a, outfile *f, int st, int first, hs_error *e)
{
    const scenario_strategy *s = &a->plan->sc->strat[st];
    double *v = malloc((a->n ? a->n : 1) * sizeof *v);
    if (!v) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    for (int k = 0; k < s->nsteps; k++) {
        char metric[32];
        const double *sw = aggregate_switch_months(a, first + k);
        memcpy(v, sw, a->n * sizeof *v);
        snprintf(metric, sizeof metric, "switch_month.%d", k + 1);
        S_summary_values(f, s->name, metric, "months", v, a->n);
        for (uint64_t i = 0; i < a->n; i++)
            v[i] = sw[i] < a->L.months;
        snprintf(metric, sizeof metric, "switched.%d", k + 1);
        S_summary_values(f, s->name, metric, "share", v, a->n);
    }
    free(v);
    return HS_OK;
}

static hs_status S_summary(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    outfile *f = outfile_set_open(set, dir, "summary.csv", e);
    if (!f) return e->code;
    fputs("option,metric,unit,mean,sd,se,p5,p10,p25,p50,p75,p90,p95,cvar95\n", outfile_stream(f));
    for (int o = 0; o < a->nres; o++)
        for (int m = 0; m < MET_COUNT; m++) {
            double qv[7], cvar;
            aggregate_quantiles(a, o, m, S_q, 7, qv, &cvar);
            outfile_csv_str(f, sim_result_name(a->plan, o));
            outfile_csv_str(f, metrics_defs[m].name);
            outfile_csv_str(f, metrics_defs[m].unit);
            outfile_csv_num(f, a->mean[o * MET_COUNT + m]);
            outfile_csv_num(f, S_sd(a, o, m));
            outfile_csv_num(f, aggregate_se(a, o, m));
            for (int k = 0; k < 7; k++)
                outfile_csv_num(f, qv[k]);
            outfile_csv_num(f, cvar);
            outfile_csv_end(f);
        }
    for (int st = 0, first = 0; st < a->plan->sc->nstrat; first += a->plan->sc->strat[st++].nsteps)
        HS_FORWARD(S_summary_switches(a, f, st, first, e));
    return HS_OK;
}

/* Median tco of option o. */
static double S_median_tco(const aggregate *a, int o)
{
    double q = 0.5, v, c;
    aggregate_quantiles(a, o, MET_tco, &q, 1, &v, &c);
    return v;
}

/* The metrics compare.csv compares pairwise, in this order, one set of rows each: kept as
 * doubles (aggregate_exact), with a monthly cumulative mean (aggregate_month_mean). */
static const int S_compared[] = {MET_tco, MET_net_cost};

static hs_status S_compare(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    outfile *f = outfile_set_open(set, dir, "compare.csv", e);
    if (!f) return e->code;
    fputs("option_a,option_b,metric,p_a_cheaper,mean_diff,se_diff,p5,p25,p50,p75,p95,"
          "breakeven_month\n",
          outfile_stream(f));
    double *d = malloc((a->n ? a->n : 1) * sizeof *d);
    if (!d) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    const int M = a->L.months;
    for (size_t c = 0; c < sizeof S_compared / sizeof S_compared[0]; c++) {
        const int met = S_compared[c];
        for (int i = 0; i < a->nres; i++)
            for (int j = 0; j < a->nres; j++) {
                if (i == j) continue;
                const double *ta = aggregate_exact(a, i, met), *tb = aggregate_exact(a, j, met);
                uint64_t cheaper = 0;
                for (uint64_t k = 0; k < a->n; k++) {
                    d[k] = ta[k] - tb[k];
                    cheaper += ta[k] < tb[k];
                }
                double mean = gsl_stats_mean(d, 1, a->n);
                double sd = a->n > 1 ? gsl_stats_sd_m(d, 1, a->n, mean) : 0;
                gsl_sort(d, 1, a->n);
                const double qq[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
                outfile_csv_str(f, sim_result_name(a->plan, i));
                outfile_csv_str(f, sim_result_name(a->plan, j));
                outfile_csv_str(f, metrics_defs[met].name);
                outfile_csv_num(f, a->n ? (double)cheaper / a->n : 0);
                outfile_csv_num(f, mean);
                outfile_csv_num(f, a->n ? sd / sqrt((double)a->n) : 0);
                for (int k = 0; k < 5; k++)
                    outfile_csv_num(f, gsl_stats_quantile_from_sorted_data(d, 1, a->n, qq[k]));
                /* first month from which A's mean cumulative metric stays <= B's */
                int be = -1;
                for (int m = M - 1; m >= 0; m--) {
                    if (aggregate_month_mean(a, i, met, m) <= aggregate_month_mean(a, j, met, m))
                        be = m;
                    else
                        break;
                }
                if (be >= 0)
                    outfile_csv_int(f, be + 1);
                else
                    outfile_csv_str(f, "");
                outfile_csv_end(f);
            }
    }
    free(d);
    return HS_OK;
}

static void S_month_date(const sim_plan *p, int m, char *buf, size_t n)
{
    int y = p->start.y + (p->start.m - 1 + m) / 12, mo = (p->start.m - 1 + m) % 12 + 1;
    snprintf(buf, n, "%04d-%02d-01", y, mo);
}

static hs_status S_monthly(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    outfile *f = outfile_set_open(set, dir, "monthly.csv", e);
    if (!f) return e->code;
    fputs("option,month,date,mean,p5,p25,p50,p75,p95\n", outfile_stream(f));
    const double q[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int o = 0; o < a->nres; o++)
        for (int m = 0; m < a->L.months; m++) {
            const loghist *h = &a->month[o * a->L.months + m];
            char date[16];
            S_month_date(a->plan, m, date, sizeof date);
            outfile_csv_str(f, sim_result_name(a->plan, o));
            outfile_csv_int(f, m + 1);
            outfile_csv_str(f, date);
            outfile_csv_num(f, a->month_mean[o * a->L.months + m]);
            for (int k = 0; k < 5; k++)
                outfile_csv_num(f, loghist_quantile(h, q[k]));
            outfile_csv_end(f);
        }
    return HS_OK;
}

#define S_BINS 40

/* Histogram rows of values v (n) on [lo, hi]. */
static void S_hist_rows(outfile *f, const char *opt, const char *other, const char *metric,
                        const double *v, uint64_t n, double lo, double hi)
{
    uint64_t cnt[S_BINS] = {0};
    if (hi <= lo) hi = lo + 1;
    double w = (hi - lo) / S_BINS;
    for (uint64_t i = 0; i < n; i++) {
        int b = (int)((v[i] - lo) / w);
        if (b < 0) b = 0;
        if (b >= S_BINS) b = S_BINS - 1;
        cnt[b]++;
    }
    for (int b = 0; b < S_BINS; b++) {
        outfile_csv_str(f, opt);
        outfile_csv_str(f, other);
        outfile_csv_str(f, metric);
        outfile_csv_num(f, lo + b * w);
        outfile_csv_num(f, lo + (b + 1) * w);
        outfile_csv_int(f, (long long)cnt[b]);
        outfile_csv_num(f, n ? cnt[b] / (n * w) : 0);
        outfile_csv_end(f);
    }
}

static hs_status S_hist_cdf(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    outfile *h = outfile_set_open(set, dir, "hist.csv", e);
    if (!h) return e->code;
    outfile *c = outfile_set_open(set, dir, "cdf.csv", e);
    if (!c) return e->code;
    fputs("option,other,metric,bin_lo,bin_hi,count,density\n", outfile_stream(h));
    fputs("option,metric,p,value\n", outfile_stream(c));
    const int mets[2] = {MET_tco, MET_downtime_hours_per_year};
    for (int k = 0; k < 2; k++) {
        int met = mets[k];
        double lo = INFINITY, hi = -INFINITY;
        double **vals = calloc((size_t)a->nres, sizeof *vals);
        if (!vals) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        for (int o = 0; o < a->nres; o++) {
            vals[o] = aggregate_values(a, o, met);
            if (!vals[o]) continue;
            gsl_sort(vals[o], 1, a->n);
            /* common bins across options, trimmed to p0.5..p99.5 of all */
            double l = gsl_stats_quantile_from_sorted_data(vals[o], 1, a->n, 0.0);
            double u = gsl_stats_quantile_from_sorted_data(vals[o], 1, a->n, 1.0);
            if (l < lo) lo = l;
            if (u > hi) hi = u;
        }
        for (int o = 0; o < a->nres; o++) {
            if (!vals[o]) continue;
            const char *name = sim_result_name(a->plan, o);
            S_hist_rows(h, name, "", metrics_defs[met].name, vals[o], a->n, lo, hi);
            for (int p = 0; p <= 100; p++) {
                outfile_csv_str(c, name);
                outfile_csv_str(c, metrics_defs[met].name);
                outfile_csv_num(c, p / 100.0);
                outfile_csv_num(c,
                                gsl_stats_quantile_from_sorted_data(vals[o], 1, a->n, p / 100.0));
                outfile_csv_end(c);
            }
            free(vals[o]);
        }
        free(vals);
    }
    /* the cheapest pair by median tco */
    if (a->nres >= 2) {
        int b1 = -1, b2 = -1;
        double m1 = INFINITY, m2 = INFINITY;
        for (int o = 0; o < a->nres; o++) {
            double m = S_median_tco(a, o);
            if (m < m1)
                b2 = b1, m2 = m1, b1 = o, m1 = m;
            else if (m < m2)
                b2 = o, m2 = m;
        }
        double *d = malloc((a->n ? a->n : 1) * sizeof *d);
        if (!d) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        double lo = INFINITY, hi = -INFINITY;
        const double *t1 = aggregate_exact(a, b1, MET_tco), *t2 = aggregate_exact(a, b2, MET_tco);
        for (uint64_t k = 0; k < a->n; k++) {
            d[k] = t1[k] - t2[k];
            if (d[k] < lo) lo = d[k];
            if (d[k] > hi) hi = d[k];
        }
        S_hist_rows(h, sim_result_name(a->plan, b1), sim_result_name(a->plan, b2), "tco_diff", d,
                    a->n, lo, hi);
        free(d);
    }
    return HS_OK;
}

static hs_status S_daily(const aggregate *a, const output_info *info, outfile_set *set,
                         const char *dir, hs_error *e)
{
    if (!info->sample_days) return HS_OK;
    outfile *f = outfile_set_open(set, dir, "daily.csv", e);
    if (!f) return e->code;
    fputs("date,option,messages,downtime_hours,overflow_hours\n", outfile_stream(f));
    const sim_plan *p = a->plan;
    int days = p->month_first_hour[12] / 24, cols = 1 + 2 * a->nopt;
    for (int d = 0; d < days; d++) {
        char date[16];
        cal_format(cal_civil_from_days(p->start_day + d), date, sizeof date);
        const double *row = info->sample_days + (size_t)d * cols;
        for (int o = 0; o < a->nopt; o++) {
            outfile_csv_str(f, date);
            outfile_csv_str(f, p->sc->opt[o].name);
            outfile_csv_num(f, row[0]);
            outfile_csv_num(f, row[1 + 2 * o]);
            outfile_csv_num(f, row[2 + 2 * o]);
            outfile_csv_end(f);
        }
    }
    return HS_OK;
}

/* A strategy's label for people, from its options' labels and its moves ("Self-hosted servers,
 * then SaaS plan at a set month"), and its steps as ids ("self_hosted>saas"). */
static void S_strategy_label(const scenario *sc, const scenario_strategy *st, char *label,
                             size_t nl, char *steps, size_t ns)
{
    static const char *const when[STRAT_WHEN_COUNT] = {
        "at a set month", "on downtime", "over budget", "on volume", "before an upgrade"};
    _Static_assert(STRAT_WHEN_COUNT == 5, "a phrase for each trigger (strategy_def.h)");
    size_t l = (size_t)snprintf(label, nl, "%s", sc->opt[st->step[0].from].label);
    size_t m = (size_t)snprintf(steps, ns, "%s", sc->opt[st->step[0].from].name);
    for (int i = 0; i < st->nsteps; i++) {
        const strategy_step *p = &st->step[i];
        if (l < nl)
            l += (size_t)snprintf(label + l, nl - l, ", then %s %s", sc->opt[p->to].label,
                                  when[p->when]);
        if (m < ns) m += (size_t)snprintf(steps + m, ns - m, ">%s", sc->opt[p->to].name);
    }
}

static hs_status S_profile_options_params(const aggregate *a, outfile_set *set, const char *dir,
                                          hs_error *e)
{
    const scenario *sc = a->plan->sc;
    outfile *f = outfile_set_open(set, dir, "profile.csv", e);
    if (!f) return e->code;
    fputs("weekday,hour,share\n", outfile_stream(f));
    for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++) {
            outfile_csv_int(f, d + 1);
            outfile_csv_int(f, h);
            outfile_csv_num(f, sc->profile[d][h]);
            outfile_csv_end(f);
        }
    f = outfile_set_open(set, dir, "options.csv", e);
    if (!f) return e->code;
    fputs("option,index,sla_availability,sla_downtime_hours_per_year,label,variant_of\n",
          outfile_stream(f));
    for (int o = 0; o < sc->nopt; o++) {
        double sla = spec_mean(&sc->opt[o].p[PO_sla_availability].s);
        outfile_csv_str(f, sc->opt[o].name);
        outfile_csv_int(f, o);
        if (sla > 0) {
            outfile_csv_num(f, sla);
            outfile_csv_num(f, (1 - sla) * UNITS_HOURS_PER_YEAR);
        } else {
            outfile_csv_str(f, "");
            outfile_csv_str(f, "");
        }
        outfile_csv_str(f, sc->opt[o].label);
        outfile_csv_str(f, sc->opt[o].variant_of);
        outfile_csv_end(f);
    }
    f = outfile_set_open(set, dir, "strategies.csv", e);
    if (!f) return e->code;
    fputs("strategy,index,label,steps\n", outfile_stream(f));
    for (int k = 0; k < sc->nstrat; k++) {
        const scenario_strategy *st = &sc->strat[k];
        char label[512], steps[256];
        S_strategy_label(sc, st, label, sizeof label, steps, sizeof steps);
        outfile_csv_str(f, st->name);
        outfile_csv_int(f, sc->nopt + k);
        outfile_csv_str(f, label);
        outfile_csv_str(f, steps);
        outfile_csv_end(f);
    }
    f = outfile_set_open(set, dir, "params.csv", e);
    if (!f) return e->code;
    params_io_write_csv(sc, outfile_stream(f));
    return HS_OK;
}

static void S_kv(outfile *f, const char *k, const char *v)
{
    outfile_csv_str(f, k);
    outfile_csv_str(f, v);
    outfile_csv_end(f);
}

static hs_status S_manifest(const aggregate *a, const output_info *info, const output_analysis *an,
                            outfile_set *set, const char *dir, hs_error *e)
{
    outfile *f = outfile_set_open(set, dir, "manifest.csv", e);
    if (!f) return e->code;
    const scenario *sc = a->plan->sc;
    char buf[256];
    fputs("key,value\n", outfile_stream(f));
    S_kv(f, "version", HOSTSIM_VERSION);
    S_kv(f, "command", an ? an->command : "run");
    S_kv(f, "scenario", info->scenario_dir);
    snprintf(buf, sizeof buf, "%016llx", (unsigned long long)sc->checksum);
    S_kv(f, "scenario_checksum", buf);
    for (int k = 0; k < sc->nbase; k++) { /* the scenarios it extends, the nearest first */
        char key[48];
        snprintf(key, sizeof key, k ? "scenario_extends_%d" : "scenario_extends", k + 1);
        S_kv(f, key, sc->base_dir[k]);
        snprintf(key, sizeof key, k ? "scenario_extends_%d_checksum" : "scenario_extends_checksum",
                 k + 1);
        snprintf(buf, sizeof buf, "%016llx", (unsigned long long)sc->base_checksum[k]);
        S_kv(f, key, buf);
    }
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)info->seed);
    S_kv(f, "seed", buf);
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)a->n);
    S_kv(f, "trajectories", buf);
    snprintf(buf, sizeof buf, "%d", info->years);
    S_kv(f, "years", buf);
    cal_format(info->start, buf, sizeof buf);
    S_kv(f, "start_date", buf);
    S_kv(f, "currency", "CNY");
    S_kv(f, "overrides", sc->overrides);
    S_kv(f, "sampling", info->sampling ? info->sampling : "plain");
    snprintf(buf, sizeof buf, "%d", sc->corr ? sc->corr->nrows : 0);
    S_kv(f, "correlations", buf);
    S_kv(f, "stop_reason", info->stop_reason);
    for (int i = 0; an && i < an->nkeys; i++)
        S_kv(f, an->keys[i][0], an->keys[i][1]);
    snprintf(buf, sizeof buf, "%d", info->threads);
    S_kv(f, "threads", buf);
    snprintf(buf, sizeof buf, "%.3f", info->wall_seconds);
    S_kv(f, "wall_seconds", buf);
    time_t now = time(NULL);
    struct tm tmv;
    gmtime_r(&now, &tmv);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    S_kv(f, "created_utc", buf);
    return HS_OK;
}

hs_status output_write_sensitivity(const aggregate *a, outfile_set *set, const char *dir,
                                   hs_error *e)
{
    outfile *f = outfile_set_open(set, dir, "sensitivity.csv", e);
    if (!f) return e->code;
    fputs("option,metric,input,spearman\n", outfile_stream(f));
    static const char *const mets[3] = {"tco", "tco_npv", "downtime_hours"};
    const size_t n = a->ns;
    if (n < 3) return HS_OK;
    /* every column ranked once: the inputs, then each option's three metrics */
    const size_t ncol = (size_t)a->ninputs + (size_t)a->nres * 3;
    double *rank = malloc(ncol * n * sizeof *rank);
    size_t *perm = malloc(n * sizeof *perm);
    hs_status st = HS_OK;
    if (!rank || !perm) {
        st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory (rank correlations, n = %zu)", n);
        goto done;
    }
    for (int j = 0; j < a->ninputs && st == HS_OK; j++)
        st = rankcorr_rank(a->sx + (size_t)j * AGG_SPEARMAN_MAX, n, perm, rank + (size_t)j * n, e);
    for (int c = 0; c < a->nres * 3 && st == HS_OK; c++)
        st = rankcorr_rank(a->sy + (size_t)c * AGG_SPEARMAN_MAX, n, perm,
                           rank + ((size_t)a->ninputs + (size_t)c) * n, e);
    if (st != HS_OK) goto done;
    for (int o = 0; o < a->nres; o++)
        for (int m = 0; m < 3; m++) {
            const double *ry = rank + ((size_t)a->ninputs + (size_t)o * 3 + (size_t)m) * n;
            for (int j = 0; j < a->ninputs; j++) {
                const agg_input *in = &a->inputs[j];
                if (in->opt >= 0 && !sim_result_uses(a->plan, o, in->opt)) continue;
                const double rho = rankcorr_of_ranks(rank + (size_t)j * n, ry, n);
                if (!isfinite(rho)) continue;
                outfile_csv_str(f, sim_result_name(a->plan, o));
                outfile_csv_str(f, mets[m]);
                outfile_csv_str(f, in->name);
                outfile_csv_num(f, rho);
                outfile_csv_end(f);
            }
        }
done:
    free(rank);
    free(perm);
    return st;
}

hs_status output_write_all(const aggregate *a, const output_info *info, outfile_set *set,
                           const char *dir, hs_error *e)
{
    return output_write_analysis(a, info, NULL, set, dir, e);
}

hs_status output_write_analysis(const aggregate *a, const output_info *info,
                                const output_analysis *an, outfile_set *set, const char *dir,
                                hs_error *e)
{
    HS_FORWARD(S_summary(a, set, dir, e));
    HS_FORWARD(S_compare(a, set, dir, e));
    HS_FORWARD(S_monthly(a, set, dir, e));
    HS_FORWARD(output_write_time(a, set, dir, e));
    HS_FORWARD(S_hist_cdf(a, set, dir, e));
    HS_FORWARD(S_daily(a, info, set, dir, e));
    HS_FORWARD(S_profile_options_params(a, set, dir, e));
    HS_FORWARD(output_write_sensitivity(a, set, dir, e));
    HS_FORWARD(output_write_correlations(a, set, dir, e));
    HS_FORWARD(S_manifest(a, info, an, set, dir, e));
    return HS_OK;
}

/* The option with the lowest median of met (-1 if none) and the one after it (-1 if none). */
static void S_best_two(const aggregate *a, int met, int *best, int *second)
{
    double bm = INFINITY, sm = INFINITY, q = 0.5, v, cv;
    *best = *second = -1;
    for (int o = 0; o < a->nres; o++) {
        aggregate_quantiles(a, o, met, &q, 1, &v, &cv);
        if (v < bm)
            *second = *best, sm = bm, *best = o, bm = v;
        else if (v < sm)
            *second = o, sm = v;
    }
}

/* Share of trajectories in which option i has a lower met than option j. */
static double S_p_lower(const aggregate *a, int met, int i, int j)
{
    uint64_t k = 0;
    const double *ti = aggregate_exact(a, i, met), *tj = aggregate_exact(a, j, met);
    for (uint64_t n = 0; n < a->n; n++)
        k += ti[n] < tj[n];
    return a->n ? (double)k / a->n : 0;
}

void output_print_summary(const aggregate *a, FILE *fp)
{
    const double q[3] = {0.05, 0.5, 0.95};
    fprintf(fp, "%llu trajectories of %d years (CNY, nominal; net = cost - value)\n\n",
            (unsigned long long)a->n, a->plan->years);
    fprintf(fp, "%-16s %14s %14s %14s %14s   %10s %10s %10s\n", "option", "cost p5", "cost median",
            "cost p95", "net median", "down h p5", "down h p50", "down h p95");
    for (int o = 0; o < a->nres; o++) {
        double c[3], d[3], net, cv;
        aggregate_quantiles(a, o, MET_tco, q, 3, c, &cv);
        aggregate_quantiles(a, o, MET_net_cost, q + 1, 1, &net, &cv);
        aggregate_quantiles(a, o, MET_downtime_hours, q, 3, d, &cv);
        char s0[32], s1[32], s2[32], s3[32];
        hs_fmt_thousands(s0, sizeof s0, c[0], 0);
        hs_fmt_thousands(s1, sizeof s1, c[1], 0);
        hs_fmt_thousands(s2, sizeof s2, c[2], 0);
        hs_fmt_thousands(s3, sizeof s3, net, 0);
        fprintf(fp, "%-16s %14s %14s %14s %14s   %10.1f %10.1f %10.1f\n",
                sim_result_name(a->plan, o), s0, s1, s2, s3, d[0], d[1], d[2]);
    }
    if (!a->n) return;
    int best, second;
    S_best_two(a, MET_tco, &best, &second);
    if (second >= 0)
        fprintf(fp, "\ncheapest by median: %s; P(%s cheaper than %s) = %.3f\n",
                sim_result_name(a->plan, best), sim_result_name(a->plan, best),
                sim_result_name(a->plan, second), S_p_lower(a, MET_tco, best, second));
    S_best_two(a, MET_net_cost, &best, &second);
    if (second >= 0)
        fprintf(fp, "best by median net cost: %s; P(%s better than %s on net) = %.3f\n",
                sim_result_name(a->plan, best), sim_result_name(a->plan, best),
                sim_result_name(a->plan, second), S_p_lower(a, MET_net_cost, best, second));
}
