/* cmd_tornado.c — `hostsim tornado`: one-at-a-time sensitivity.
 *
 * For each uncertain input X_j: rerun with X_j fixed at its 10th percentile,
 * then at its 90th (every other input sampled as usual, the same seeds, so
 * the runs differ only through X_j), and record the mean of the target
 * metric: swing_j = |mean(p90) - mean(p10)|. Sorted by swing. An input that
 * cannot move the target (sens_input_moves) is not simulated: its swing is
 * exactly 0, its means the base, and its note says why. Under MPI every
 * rank takes part in each run and rank 0 writes.
 * A price-only input (engine/record.h) changes no physical record: its runs
 * re-price the base runs' kept records instead of simulating them, with the
 * same numbers to the bit (--exhaustive simulates them all). A physical input the traffic
 * does not read (engine/record.h, HS_TRAFFIC_INPUTS) is simulated with the base runs' traffic
 * restored (engine/traffic_record.h), to the bit too. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sens_common.h"
#include "analysis_set.h"
#include "args.h"
#include "base/hs_clock.h"
#include "base/hs_fmt.h"
#include "engine/record.h"
#include "run/runner.h"
#include "signals.h"

static const args_command S_command = {
    "tornado", ARGS_TORNADO, ARGS_POS_NONE,
    "usage: hostsim tornado [--metric M] [--option O | --diff A,B] [--year K | --by-year]\n"
    "                       [options]\n"
    "\n"
    "For each uncertain input, reruns the scenario with it fixed at its p10 and then at\n"
    "its p90 (the others sampled as usual, same seeds) and records the change in the\n"
    "mean of the metric. Writes tornado.csv sorted by swing and prints the top ten.\n"
    "Without --option or --diff the target is the difference between the two options\n"
    "with the lowest median tco. --year K targets the metric's value in year K (e.g.\n"
    "that year's cost); --by-year writes the horizon's rows and then each year's, from\n"
    "the same runs.\n",
    NULL};

typedef struct {
    const agg_input *in;
    double value;
} S_fix;

static uint64_t S_prepare(void *ctx, uint64_t run, double *fixed_g, double *fixed_o)
{
    const S_fix *f = ctx;
    if (f->in) sens_fix(f->in, f->value, fixed_g, fixed_o);
    return run;
}

typedef struct {
    int idx;
    double lo_v, hi_v, lo_m, hi_m, swing;
    char note[160]; /* why the input was not simulated, or "" */
} S_row;

static int S_by_swing(const void *a, const void *b)
{
    const S_row *x = a, *y = b;
    if (x->swing > y->swing) return -1;
    if (x->swing < y->swing) return 1;
    return x->idx - y->idx;
}

static double S_mean(const double *f, uint64_t n)
{
    double s = 0;
    for (uint64_t i = 0; i < n; i++)
        s += f[i];
    return s / n;
}

/* Collects the target of every period (np = 1: t's own; else the horizon and each year) with
 * input fixing fx, into f (np blocks of n values): keeping the physical records in keep, or
 * re-pricing those of reprice that fit (either may be NULL). */
static hs_status S_collect_periods(const sens_result *base, const sens_opts *so,
                                   const sens_target *t, int np, S_fix *fx, uint64_t n,
                                   sim_records *keep, const sim_records *reprice, double *f,
                                   hs_error *e)
{
    return sens_collect_records(base->plan, so, t, S_prepare, fx, 0, n, np > 1, keep, reprice, f,
                                e);
}

int cmd_tornado(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_command, &a);
    if (rc >= 0) return rc;
    sens_opts so = args_sens_opts(&a);
    hs_error e = {0};
    if (sens_period_check(&so, &e) != HS_OK) return cli_fail(&e);
    const double t0 = hs_clock_seconds();
    scenario *sc = scenario_open(a.scenario, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    sens_input *inputs = NULL;
    S_row *rows = NULL;
    double *f = NULL, *base_mean = NULL;
    sens_result base = {0};
    sim_records *kept = NULL;
    outfile_set set = {0};
    sens_target t;
    /* the periods: the target's own (the horizon or --year K), or the horizon and every year */
    const int np = a.by_year ? 1 + a.years : 1;
    const uint64_t N = a.trajectories;
    int n = sens_inputs(sc, &inputs, &e);
    if (n < 0) goto fail;
    if (scenario_check_horizon(sc, a.start, a.years, &e) != HS_OK) goto fail;
    const int root = runner_rank() == 0; /* the rank that writes */
    /* its own set: it replaces the folder's (its own folder, by default) */
    if (root && outfile_set_begin(&set, a.out, a.overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK)
        goto fail;
    signals_install();
    /* the base run picks the default target and gives the base mean */
    if (sens_simulate(sc, &so, NULL, NULL, N, &base, &e) != HS_OK) goto fail;
    if (sens_target_parse(sc, &so, base.agg, &t, &e) != HS_OK) goto fail;
    f = malloc((size_t)np * N * sizeof *f);
    base_mean = malloc((size_t)np * sizeof *base_mean);
    rows = calloc((size_t)np * (size_t)(n ? n : 1), sizeof *rows);
    if (!f || !rows || !base_mean) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    /* the base runs' physical records: a price-only input's runs re-price them */
    kept = sens_records_new(base.plan, &so, N, &e);
    if (!kept && !so.exhaustive) goto fail;
    if (!a.quiet)
        fprintf(stderr,
                "hostsim tornado: %d uncertain inputs x 2 runs x %llu trajectories, target %s%s\n",
                n, (unsigned long long)N, t.label, a.by_year ? ", the horizon and each year" : "");
    S_fix none = {NULL, 0};
    runner_whole whole = {0, (uint64_t)(2 * n + 1) * N, hs_clock_seconds(), "the base run"};
    so.whole = &whole; /* one bar (with --quiet or no terminal, none): the base, then each input */
    if (S_collect_periods(&base, &so, &t, np, &none, N, kept, NULL, f, &e) != HS_OK) goto fail;
    for (int p = 0; p < np; p++)
        base_mean[p] = S_mean(f + (size_t)p * N, N);
    for (int j = 0; j < n; j++) {
        S_fix fx = {&inputs[j].in, spec_quantile(&inputs[j].v->s, 0.10)};
        const double lo_v = fx.value, hi_v = spec_quantile(&inputs[j].v->s, 0.90);
        char note[sizeof rows->note] = "";
        const int moves = sens_input_moves(sc, &t, fx.in, note, sizeof note);
        for (int p = 0; p < np; p++) {
            S_row *r = &rows[(size_t)p * n + j];
            r->idx = j;
            r->lo_v = lo_v;
            r->hi_v = hi_v;
            r->lo_m = r->hi_m = base_mean[p]; /* an input that cannot move it: swing 0 */
            memcpy(r->note, note, sizeof note);
        }
        if (!moves) {
            whole.total -= 2 * N; /* not simulated: the bar counts what runs */
            continue;
        }
        snprintf(whole.label, sizeof whole.label, "input %d of %d: %s at p10", j + 1, n,
                 inputs[j].in.name);
        if (S_collect_periods(&base, &so, &t, np, &fx, N, NULL, kept, f, &e) != HS_OK) goto fail;
        for (int p = 0; p < np; p++)
            rows[(size_t)p * n + j].lo_m = S_mean(f + (size_t)p * N, N);
        fx.value = hi_v;
        snprintf(whole.label, sizeof whole.label, "input %d of %d: %s at p90", j + 1, n,
                 inputs[j].in.name);
        if (S_collect_periods(&base, &so, &t, np, &fx, N, NULL, kept, f, &e) != HS_OK) goto fail;
        for (int p = 0; p < np; p++) {
            S_row *r = &rows[(size_t)p * n + j];
            r->hi_m = S_mean(f + (size_t)p * N, N);
            r->swing = fabs(r->hi_m - r->lo_m);
        }
    }
    if (!root) goto done; /* only rank 0 has the outputs */
    for (int p = 0; p < np; p++)
        qsort(rows + (size_t)p * n, (size_t)n, sizeof *rows, S_by_swing);
    int simulated = 0;
    for (int k = 0; k < n; k++)
        simulated += rows[k].note[0] == '\0';
    analysis_keys ak = {0};
    analysis_keys_set(&ak, AS_TARGET, "%s", t.label);
    analysis_keys_set(&ak, AS_INPUTS, "%d", n);
    /* the base, then p10 and p90 of each input simulated */
    analysis_keys_set(&ak, AS_RUNS, "%d", 2 * simulated + 1);
    analysis_keys_set(&ak, AS_TRAJ_PER_RUN, "%llu", (unsigned long long)N);
    if (analysis_set_open(&a, "tornado", base.agg, hs_clock_seconds() - t0, &ak, &set, &e) != HS_OK)
        goto fail;
    outfile *o = outfile_set_open(&set, a.out, "tornado.csv", &e);
    if (!o) goto fail;
    fputs(
        "input,metric,unit,p10_value,p90_value,metric_at_p10,metric_at_p90,base,swing,year,note\n",
        outfile_stream(o));
    for (int p = 0; p < np; p++) {
        char label[200];
        const int year = sens_period(&t, np, p, label, sizeof label);
        for (int k = 0; k < n; k++) {
            const S_row *r = &rows[(size_t)p * n + k];
            outfile_csv_str(o, inputs[r->idx].in.name);
            outfile_csv_str(o, label);
            outfile_csv_str(o, metrics_defs[t.met].unit);
            outfile_csv_num(o, r->lo_v);
            outfile_csv_num(o, r->hi_v);
            outfile_csv_num(o, r->lo_m);
            outfile_csv_num(o, r->hi_m);
            outfile_csv_num(o, base_mean[p]);
            outfile_csv_num(o, r->swing);
            sens_csv_year(o, year);
            outfile_csv_str(o, r->note);
            outfile_csv_end(o);
        }
    }
    if (outfile_set_commit(&set, &e) != HS_OK) goto fail;
    if (!a.quiet) {
        char b[32];
        hs_fmt_thousands(b, sizeof b, base_mean[0], 0);
        printf("tornado of mean %s (base %s %s), %llu trajectories per run\n\n", t.label, b,
               metrics_defs[t.met].unit, (unsigned long long)N);
        printf("%-40s %14s %14s %14s\n", "input", "at p10", "at p90", "swing");
        for (int k = 0; k < n && k < 10; k++) {
            char l[32], h[32], s[32];
            hs_fmt_thousands(l, sizeof l, rows[k].lo_m, 0);
            hs_fmt_thousands(h, sizeof h, rows[k].hi_m, 0);
            hs_fmt_thousands(s, sizeof s, rows[k].swing, 0);
            printf("%-40s %14s %14s %14s\n", inputs[rows[k].idx].in.name, l, h, s);
        }
        if (np > 1) printf("\nlargest swing by year:\n");
        for (int p = 1; p < np; p++) {
            const S_row *r = &rows[(size_t)p * n];
            char s[32];
            hs_fmt_thousands(s, sizeof s, n ? r->swing : 0, 0);
            printf("  year %-3d %-40s %14s\n", p, n ? inputs[r->idx].in.name : "-", s);
        }
        printf("\nwrote %s/tornado.csv\n", a.out);
    }
done:
    rc = 0;
    goto out;
fail:
    rc = cli_fail_outputs(&set, &e);
out:
    sens_result_free(&base);
    sim_records_free(kept);
    free(f);
    free(base_mean);
    free(rows);
    free(inputs);
    scenario_free(sc);
    return rc;
}
