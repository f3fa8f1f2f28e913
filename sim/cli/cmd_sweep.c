/* cmd_sweep.c — `hostsim sweep`: the scenario at each value of one parameter
 * (or a grid of two), the same seeds at every point (common random numbers,
 * so the curves are smooth), and where the options' cost curves cross.
 * Under MPI every rank takes part in each point's run; rank 0 computes the
 * point's statistics and shares them (anything decided from them is then
 * the same on every rank) and writes the outputs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/crossover.h"
#include "analysis/sens_common.h"
#include "analysis_set.h"
#include "args.h"
#include "base/hs_clock.h"
#include "base/hs_fmt.h"
#include "engine/record.h"
#include "run/runner.h"
#include "signals.h"

static const args_command S_command = {
    "sweep", ARGS_SWEEP, ARGS_POS_NONE,
    "usage: hostsim sweep --param option.parameter --values LIST|FROM:TO:STEPS[:log] [options]\n"
    "\n"
    "Reruns the scenario at each value of a parameter with the same seeds, and writes\n"
    "sweep.csv (per value and option: mean, p5, p50, p95 of the metric and the\n"
    "probability the option is the cheapest) and crossover.csv (where two options'\n"
    "median and mean curves cross, with the band where P(A cheaper) passes 0.25..0.75).\n"
    "A global.* parameter (e.g. global.volume_month) changes every option at once.\n"
    "With them: the files of a base run (the scenario as it is, same trajectories) and\n"
    "a manifest.csv of its own (default folder outputs/<scenario>-sweep).\n"
    "A price-only parameter (a fee, a salary: sim/engine/record.h) is simulated once and\n"
    "re-priced at its other points, with the same numbers; --exhaustive simulates every point.\n",
    "Example (the break-even volume of self-hosting against SaaS):\n"
    "  hostsim sweep --param global.volume_month --values 5000:1000000:12:log\n"};

#define S_MAX_VALUES 200

static hs_status S_values(const char *opt, const char *text, double *v, int *n, int *logx,
                          hs_error *e)
{
    *n = 0;
    *logx = 0;
    if (!text)
        return hs_error_set(e, HS_ERR_INPUT, "%s: missing (a list a,b,c or FROM:TO:STEPS[:log])",
                            opt);
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", text);
    if (strchr(buf, ':')) {
        char *parts[4] = {0};
        int k = 0;
        for (char *tok = strtok(buf, ":"); tok && k < 4; tok = strtok(NULL, ":"))
            parts[k++] = tok;
        if (k < 3 || (k == 4 && strcmp(parts[3], "log") != 0))
            return hs_error_set(e, HS_ERR_INPUT, "%s: expected FROM:TO:STEPS[:log], got '%s'", opt,
                                text);
        double a, b;
        uint64_t steps;
        HS_FORWARD(cli_parse_double(opt, parts[0], -1e15, 1e15, &a, e));
        HS_FORWARD(cli_parse_double(opt, parts[1], -1e15, 1e15, &b, e));
        HS_FORWARD(cli_parse_u64(opt, parts[2], 2, S_MAX_VALUES, &steps, e));
        if (!(b > a))
            return hs_error_set(e, HS_ERR_INPUT, "%s: TO must be above FROM in '%s'", opt, text);
        *logx = k == 4;
        if (*logx && !(a > 0))
            return hs_error_set(e, HS_ERR_INPUT, "%s: a log scale needs FROM > 0", opt);
        for (uint64_t i = 0; i < steps; i++) {
            double t = (double)i / (double)(steps - 1);
            v[i] = *logx ? a * pow(b / a, t) : a + (b - a) * t;
        }
        *n = (int)steps;
        return HS_OK;
    }
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (*n == S_MAX_VALUES)
            return hs_error_set(e, HS_ERR_INPUT, "%s: at most %d values", opt, S_MAX_VALUES);
        HS_FORWARD(cli_parse_double(opt, tok, -1e15, 1e15, &v[*n], e));
        if (*n > 0 && !(v[*n] > v[*n - 1]))
            return hs_error_set(e, HS_ERR_INPUT, "%s: values must increase, got %s after %g", opt,
                                tok, v[*n - 1]);
        (*n)++;
    }
    if (*n < 2) return hs_error_set(e, HS_ERR_INPUT, "%s: give at least two values", opt);
    return HS_OK;
}

/* Loads the scenario with the run's --set list plus param=value (and param2=value2). */
static scenario *S_point(const args_values *a, const char *p1, double v1, const char *p2, double v2,
                         hs_error *e)
{
    char *sets[CLI_MAX_SETS + 2];
    const char *labels[CLI_MAX_SETS + 2] = {NULL}; /* errors name the option the user typed */
    char s1[256], s2[256], l1[300], l2[300];
    int n = 0;
    for (int i = 0; i < a->nsets; i++)
        sets[n++] = a->sets[i];
    snprintf(s1, sizeof s1, "%s=%.10g", p1, v1);
    snprintf(l1, sizeof l1, "--param %s (at %.10g)", p1, v1);
    labels[n] = l1;
    sets[n++] = s1;
    if (p2) {
        snprintf(s2, sizeof s2, "%s=%.10g", p2, v2);
        snprintf(l2, sizeof l2, "--param2 %s (at %.10g)", p2, v2);
        labels[n] = l2;
        sets[n++] = s2;
    }
    return scenario_open_as(a->scenario, sets, labels, n, e);
}

typedef struct {
    double mean[16], q[16][3], pbest[16];
    double pa[16][16]; /* P(option i strictly below option j) */
} S_point_result;

/* The point's statistics from the aggregate of its run. */
static hs_status S_statistics(const sens_target *t, int nopt, const aggregate *ag,
                              S_point_result *r, hs_error *e)
{
    hs_status st = HS_OK;
    const double qs[3] = {0.05, 0.5, 0.95};
    double *vals[16] = {0};
    for (int o = 0; o < nopt; o++) {
        double cv;
        r->mean[o] = ag->mean[o * MET_COUNT + t->met];
        aggregate_quantiles(ag, o, t->met, qs, 3, r->q[o], &cv);
        vals[o] = aggregate_values(ag, o, t->met); /* kept by sens_simulate */
        r->pbest[o] = 0;
        if (!vals[o]) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    }
    for (int i = 0; i < nopt; i++)
        for (int j = 0; j < nopt; j++)
            r->pa[i][j] = 0;
    for (uint64_t k = 0; k < ag->n && st == HS_OK; k++) {
        int best = 0;
        for (int o = 1; o < nopt; o++)
            if (vals[o][k] < vals[best][k]) best = o;
        r->pbest[best] += 1.0 / ag->n;
        for (int i = 0; i < nopt; i++)
            for (int j = 0; j < nopt; j++)
                if (vals[i][k] < vals[j][k]) r->pa[i][j] += 1.0 / ag->n;
    }
    for (int o = 0; o < nopt; o++)
        free(vals[o]);
    return st;
}

/* 1 if the parameter `name` (owner.parameter) is price-only (engine/record.h): its points share
 * one simulation, re-priced. */
static int S_price_only(const char *name)
{
    const char *dot = name ? strchr(name, '.') : NULL;
    if (!dot) return 0;
    const param_scope scope =
        dot - name == 6 && strncmp(name, "global", 6) == 0 ? PARAM_GLOBAL : PARAM_OPTION;
    const param_def *d = params_find(dot + 1, scope);
    return d && sim_param_price_only(scope, d->index);
}

/* What a point's run re-prices: the physical records of the last point simulated in full and
 * what they refer to (its scenario and plan: a record names its plan), kept until the next. */
typedef struct {
    scenario *sc;
    sens_result res; /* its plan (the aggregate is freed once read) */
    sim_records *rec;
} S_anchor;

static void S_anchor_free(S_anchor *k)
{
    sim_records_free(k->rec); /* before the plan it names */
    sens_result_free(&k->res);
    scenario_free(k->sc);
    memset(k, 0, sizeof *k);
}

/* The point's run of sc: re-pricing the records of `from` where they fit (else simulated),
 * or, with `anchor`, simulated in full keeping its records there (sc becomes the anchor's:
 * the caller no longer frees it). */
static hs_status S_evaluate(const args_values *a, const sens_target *t, scenario *sc,
                            runner_whole *whole, S_anchor *anchor, const sim_records *from,
                            S_point_result *r, hs_error *e)
{
    sens_result res;
    sens_opts so = args_sens_opts(a);
    so.whole = whole; /* one bar for the whole sweep */
    sim_records *kept = NULL;
    hs_status st = sens_simulate_records(sc, &so, NULL, NULL, a->trajectories,
                                         anchor ? &kept : NULL, from, &res, e);
    if (st == HS_OK) { /* only rank 0 consumed the run: its statistics, or its failure */
        const int root = runner_rank() == 0;
        hs_error re = {0};
        if (root) re.code = S_statistics(t, sc->nopt, res.agg, r, &re);
        runner_share(&re, sizeof re);
        if (re.code == HS_OK)
            runner_share(r, sizeof *r);
        else if (e)
            *e = re;
        st = re.code;
    }
    if (!anchor) {
        sens_result_free(&res);
        return st;
    }
    aggregate_free(res.agg);
    res.agg = NULL;
    anchor->sc = sc, anchor->res = res, anchor->rec = kept;
    return st;
}

int cmd_sweep(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_command, &a);
    if (rc >= 0) return rc;
    hs_error e = {0};
    const double t0 = hs_clock_seconds();
    if (!a.param) return args_fail(&S_command, "--param is required");
    static double v1[S_MAX_VALUES], v2[S_MAX_VALUES];
    int n1, n2 = 1, log1, log2 = 0;
    if (S_values("--values", a.values, v1, &n1, &log1, &e) != HS_OK) return cli_fail(&e);
    if (a.param2 && S_values("--values2", a.values2, v2, &n2, &log2, &e) != HS_OK)
        return cli_fail(&e);
    if (!a.param2) v2[0] = 0;
    /* every point is validated before anything runs */
    scenario *sc = NULL;
    for (int i = 0; i < n1; i++)
        for (int j = 0; j < n2; j++) {
            scenario_free(sc);
            sc = S_point(&a, a.param, v1[i], a.param2, v2[j], &e);
            if (!sc) return cli_fail(&e);
        }
    sens_target t;
    const sens_opts so = args_sens_opts(&a);
    if (sens_target_parse(sc, &so, NULL, &t, &e) != HS_OK) {
        scenario_free(sc);
        return cli_fail(&e);
    }
    int nopt = sc->nopt;
    if (nopt > 16) {
        scenario_free(sc);
        fprintf(stderr, "hostsim sweep: at most 16 options\n");
        return 2;
    }
    char names[16][SCENARIO_NAME_MAX];
    for (int o = 0; o < nopt; o++)
        snprintf(names[o], sizeof names[o], "%s", sc->opt[o].name);
    scenario_free(sc);
    const int root = runner_rank() == 0; /* the rank that writes */
    /* its own set: it replaces the folder's (its own folder, by default) */
    outfile_set set = {0};
    if (root && outfile_set_begin(&set, a.out, a.overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK)
        return cli_fail(&e);
    signals_install();
    S_point_result *res = calloc((size_t)n1 * n2, sizeof *res);
    if (!res) {
        outfile_set_abort(&set);
        return 1;
    }
    if (!a.quiet)
        fprintf(stderr, "hostsim sweep: %d points x %llu trajectories\n", n1 * n2,
                (unsigned long long)a.trajectories);
    runner_whole whole = {0, (uint64_t)n1 * n2 * a.trajectories, hs_clock_seconds(), ""};
    /* A price-only parameter changes no trajectory's first step: its points re-price the
     * records of one simulated point (sim_record_fits checks each trajectory; --exhaustive
     * simulates every point). The points run the physical parameter outer, so that each of its
     * values is simulated once and re-priced across the price-only one; with both price-only,
     * the first point is the one simulation. */
    const int po1 = S_price_only(a.param), po2 = !a.param2 || S_price_only(a.param2);
    const int reprice = po1 || (a.param2 && po2), swap = a.param2 && po1 && !po2;
    const int nu = swap ? n2 : n1, nv = swap ? n1 : n2;
    S_anchor anchor = {0};
    for (int u = 0, k = 0; u < nu; u++)
        for (int v = 0; v < nv; v++, k++) {
            const int i = swap ? v : u, j = swap ? u : v;
            const int simulate = reprice && v == 0 && (u == 0 || !(po1 && po2));
            sc = S_point(&a, a.param, v1[i], a.param2, v2[j], &e);
            snprintf(whole.label, sizeof whole.label, "point %d of %d: %s = %.6g", k + 1, n1 * n2,
                     a.param, v1[i]);
            if (simulate) S_anchor_free(&anchor);
            hs_status st = sc ? S_evaluate(&a, &t, sc, &whole, simulate ? &anchor : NULL,
                                           anchor.rec, &res[i * n2 + j], &e)
                              : e.code;
            if (!simulate) scenario_free(sc);
            if (st != HS_OK) {
                S_anchor_free(&anchor);
                free(res);
                return cli_fail_outputs(&set, &e);
            }
            if (!a.quiet && !isatty(STDERR_FILENO)) /* on a terminal, the bar says it */
                fprintf(stderr, "  %s = %.6g%s done\n", a.param, v1[i], a.param2 ? " (row)" : "");
        }
    /* the base run: the scenario without the swept values, for the folder's summary (re-priced
     * where its trajectories sample the physical values of the records) */
    sens_result base = {0};
    scenario *sc0 = scenario_open(a.scenario, a.sets, a.nsets, &e);
    hs_status bst = sc0 ? sens_simulate_records(sc0, &so, NULL, NULL, a.trajectories, NULL,
                                                anchor.rec, &base, &e)
                        : e.code;
    S_anchor_free(&anchor);
    if (bst != HS_OK) goto fail;
    if (!root) goto done;
    analysis_keys ak = {0};
    analysis_keys_set(&ak, AS_TARGET, "%s", a.metric); /* of every option */
    analysis_keys_set(&ak, AS_PARAM, "%s", a.param);
    analysis_keys_set(&ak, AS_VALUES, "%s", a.values);
    if (a.param2) analysis_keys_set(&ak, AS_PARAM2, "%s", a.param2);
    if (a.param2) analysis_keys_set(&ak, AS_VALUES2, "%s", a.values2);
    analysis_keys_set(&ak, AS_RUNS, "%d", n1 * n2 + 1); /* the points, then the base */
    analysis_keys_set(&ak, AS_TRAJ_PER_RUN, "%llu", (unsigned long long)a.trajectories);
    if (analysis_set_open(&a, "sweep", base.agg, hs_clock_seconds() - t0, &ak, &set, &e) != HS_OK)
        goto fail;
    outfile *f = outfile_set_open(&set, a.out, a.param2 ? "grid.csv" : "sweep.csv", &e);
    if (!f) goto fail;
    if (a.param2) {
        fputs("param,value,param2,value2,cheapest,p_cheapest\n", outfile_stream(f));
        for (int i = 0; i < n1; i++)
            for (int j = 0; j < n2; j++) {
                S_point_result *r = &res[i * n2 + j];
                int b = 0;
                for (int o = 1; o < nopt; o++)
                    if (r->pbest[o] > r->pbest[b]) b = o;
                outfile_csv_str(f, a.param);
                outfile_csv_num(f, v1[i]);
                outfile_csv_str(f, a.param2);
                outfile_csv_num(f, v2[j]);
                outfile_csv_str(f, names[b]);
                outfile_csv_num(f, r->pbest[b]);
                outfile_csv_end(f);
            }
    } else {
        fputs("param,value,option,metric,unit,mean,p5,p50,p95,p_cheapest\n", outfile_stream(f));
        for (int i = 0; i < n1; i++)
            for (int o = 0; o < nopt; o++) {
                S_point_result *r = &res[i];
                outfile_csv_str(f, a.param);
                outfile_csv_num(f, v1[i]);
                outfile_csv_str(f, names[o]);
                outfile_csv_str(f, a.metric);
                outfile_csv_str(f, metrics_defs[t.met].unit);
                outfile_csv_num(f, r->mean[o]);
                for (int k = 0; k < 3; k++)
                    outfile_csv_num(f, r->q[o][k]);
                outfile_csv_num(f, r->pbest[o]);
                outfile_csv_end(f);
            }
        outfile *c = outfile_set_open(&set, a.out, "crossover.csv", &e);
        if (!c) goto fail;
        fputs("param,option_a,option_b,basis,value,lo,hi\n", outfile_stream(c));
        double ya[S_MAX_VALUES], yb[S_MAX_VALUES], p[S_MAX_VALUES], x[8];
        for (int oa = 0; oa < nopt; oa++)
            for (int ob = oa + 1; ob < nopt; ob++) {
                for (int i = 0; i < n1; i++)
                    p[i] = res[i].pa[oa][ob];
                double lo = NAN, hi = NAN, mid;
                int has_lo = crossover_level(v1, p, (size_t)n1, log1, 0.25, &lo);
                int has_hi = crossover_level(v1, p, (size_t)n1, log1, 0.75, &hi);
                int has_mid = crossover_level(v1, p, (size_t)n1, log1, 0.5, &mid);
                if (has_lo && has_hi && lo > hi) {
                    double tmp = lo;
                    lo = hi, hi = tmp;
                }
                for (int basis = 0; basis < 3; basis++) {
                    size_t nx = 0;
                    if (basis < 2) {
                        for (int i = 0; i < n1; i++) {
                            ya[i] = basis == 0 ? res[i].q[oa][1] : res[i].mean[oa];
                            yb[i] = basis == 0 ? res[i].q[ob][1] : res[i].mean[ob];
                        }
                        nx = crossover_find(v1, ya, yb, (size_t)n1, log1, x, 8);
                        if (nx > 8) nx = 8;
                    } else if (has_mid) {
                        x[0] = mid;
                        nx = 1;
                    }
                    static const char *const bases[3] = {"median", "mean", "p_cheaper"};
                    for (size_t k = 0; k < nx; k++) {
                        outfile_csv_str(c, a.param);
                        outfile_csv_str(c, names[oa]);
                        outfile_csv_str(c, names[ob]);
                        outfile_csv_str(c, bases[basis]);
                        outfile_csv_num(c, x[k]);
                        if (has_lo && has_hi) {
                            outfile_csv_num(c, lo);
                            outfile_csv_num(c, hi);
                        } else {
                            outfile_csv_str(c, "");
                            outfile_csv_str(c, "");
                        }
                        outfile_csv_end(c);
                        if (!a.quiet && basis == 0) {
                            char b1[32], b2[32], b3[32];
                            hs_fmt_thousands(b1, sizeof b1, x[k], 0);
                            hs_fmt_thousands(b2, sizeof b2, lo, 0);
                            hs_fmt_thousands(b3, sizeof b3, hi, 0);
                            printf("%s vs %s: median %s curves cross at %s = %s", names[oa],
                                   names[ob], a.metric, a.param, b1);
                            if (has_lo && has_hi)
                                printf(" (P(%s cheaper) from 0.25 to 0.75 between %s and %s)",
                                       names[oa], b2, b3);
                            printf("\n");
                        }
                    }
                }
            }
    }
    if (outfile_set_commit(&set, &e) != HS_OK) goto fail;
    if (!a.quiet) {
        printf("\n%-14s", "value");
        for (int o = 0; o < nopt; o++)
            printf(" %16s", names[o]);
        printf("   (median %s; * = most often cheapest)\n", a.metric);
        for (int i = 0; i < n1 && !a.param2; i++) {
            char b[32];
            hs_fmt_thousands(b, sizeof b, v1[i], 0);
            printf("%-14s", b);
            int best = 0;
            for (int o = 1; o < nopt; o++)
                if (res[i].pbest[o] > res[i].pbest[best]) best = o;
            for (int o = 0; o < nopt; o++) {
                char m[32];
                hs_fmt_thousands(m, sizeof m, res[i].q[o][1], 0);
                printf(" %15s%s", m, o == best ? "*" : " ");
            }
            printf("\n");
        }
        printf("\nwrote %s/%s\n", a.out, a.param2 ? "grid.csv" : "sweep.csv and crossover.csv");
    }
done:
    sens_result_free(&base);
    scenario_free(sc0);
    free(res);
    return 0;
fail:
    sens_result_free(&base);
    scenario_free(sc0);
    free(res);
    return cli_fail_outputs(&set, &e);
}
