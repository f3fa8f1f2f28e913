/* cmd_tornado.c — `hostsim tornado`: one-at-a-time sensitivity.
 *
 * For each uncertain input X_j: rerun with X_j fixed at its 10th percentile,
 * then at its 90th (every other input sampled as usual, the same seeds, so
 * the runs differ only through X_j), and record the mean of the target
 * metric: swing_j = |mean(p90) - mean(p10)|. Sorted by swing. An input that
 * cannot move the target (sens_input_moves) is not simulated: its swing is
 * exactly 0, its means the base, and its note says why. Under MPI every
 * rank takes part in each run and rank 0 writes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sens_common.h"
#include "analysis_set.h"
#include "args.h"
#include "base/hs_clock.h"
#include "base/hs_fmt.h"
#include "run/runner.h"
#include "signals.h"

static const args_command S_command = {
    "tornado", ARGS_TORNADO, ARGS_POS_NONE,
    "usage: hostsim tornado [--metric M] [--option O | --diff A,B] [options]\n"
    "\n"
    "For each uncertain input, reruns the scenario with it fixed at its p10 and then at\n"
    "its p90 (the others sampled as usual, same seeds) and records the change in the\n"
    "mean of the metric. Writes tornado.csv sorted by swing and prints the top ten.\n"
    "Without --option or --diff the target is the difference between the two options\n"
    "with the lowest median tco.\n",
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

int cmd_tornado(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_command, &a);
    if (rc >= 0) return rc;
    sens_opts so = args_sens_opts(&a);
    hs_error e = {0};
    const double t0 = hs_clock_seconds();
    scenario *sc = scenario_open(a.scenario, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    sens_input *inputs = NULL;
    S_row *rows = NULL;
    double *f = NULL;
    sens_result base = {0};
    outfile_set set = {0};
    sens_target t;
    int n = sens_inputs(sc, &inputs, &e);
    if (n < 0) goto fail;
    if (scenario_check_horizon(sc, a.start, a.years, &e) != HS_OK) goto fail;
    const int root = runner_rank() == 0; /* the rank that writes */
    /* its own set: it replaces the folder's (its own folder, by default) */
    if (root && outfile_set_begin(&set, a.out, a.overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK)
        goto fail;
    signals_install();
    /* the base run picks the default target and gives the base mean */
    if (sens_simulate(sc, &so, NULL, NULL, a.trajectories, &base, &e) != HS_OK) goto fail;
    if (sens_target_parse(sc, &so, base.agg, &t, &e) != HS_OK) goto fail;
    f = calloc(a.trajectories, sizeof *f);
    rows = calloc((size_t)(n ? n : 1), sizeof *rows);
    if (!f || !rows) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    if (!a.quiet)
        fprintf(stderr,
                "hostsim tornado: %d uncertain inputs x 2 runs x %llu trajectories, target %s\n", n,
                (unsigned long long)a.trajectories, t.label);
    S_fix none = {NULL, 0};
    runner_whole whole = {0, (uint64_t)(2 * n + 1) * a.trajectories, hs_clock_seconds(),
                          "the base run"};
    so.whole = &whole; /* one bar (with --quiet or no terminal, none): the base, then each input */
    if (sens_collect(base.plan, &so, &t, S_prepare, &none, a.trajectories, f, &e) != HS_OK)
        goto fail;
    double base_mean = S_mean(f, a.trajectories);
    for (int j = 0; j < n; j++) {
        S_fix fx = {&inputs[j].in, spec_quantile(&inputs[j].v->s, 0.10)};
        rows[j].idx = j;
        rows[j].lo_v = fx.value;
        snprintf(whole.label, sizeof whole.label, "input %d of %d: %s at p10", j + 1, n,
                 inputs[j].in.name);
        if (!sens_input_moves(sc, &t, fx.in, rows[j].note, sizeof rows[j].note)) {
            rows[j].hi_v = spec_quantile(&inputs[j].v->s, 0.90);
            rows[j].lo_m = rows[j].hi_m = base_mean;
            whole.total -= 2 * a.trajectories; /* not simulated: the bar counts what runs */
            continue;                          /* swing 0 */
        }
        if (sens_collect(base.plan, &so, &t, S_prepare, &fx, a.trajectories, f, &e) != HS_OK)
            goto fail;
        rows[j].lo_m = S_mean(f, a.trajectories);
        fx.value = spec_quantile(&inputs[j].v->s, 0.90);
        rows[j].hi_v = fx.value;
        snprintf(whole.label, sizeof whole.label, "input %d of %d: %s at p90", j + 1, n,
                 inputs[j].in.name);
        if (sens_collect(base.plan, &so, &t, S_prepare, &fx, a.trajectories, f, &e) != HS_OK)
            goto fail;
        rows[j].hi_m = S_mean(f, a.trajectories);
        rows[j].swing = fabs(rows[j].hi_m - rows[j].lo_m);
    }
    qsort(rows, (size_t)n, sizeof *rows, S_by_swing);
    if (!root) goto done;
    int simulated = 0;
    for (int k = 0; k < n; k++)
        simulated += rows[k].note[0] == '\0';
    analysis_keys ak = {0};
    analysis_keys_set(&ak, AS_TARGET, "%s", t.label);
    analysis_keys_set(&ak, AS_INPUTS, "%d", n);
    /* the base, then p10 and p90 of each input simulated */
    analysis_keys_set(&ak, AS_RUNS, "%d", 2 * simulated + 1);
    analysis_keys_set(&ak, AS_TRAJ_PER_RUN, "%llu", (unsigned long long)a.trajectories);
    if (analysis_set_open(&a, "tornado", base.agg, hs_clock_seconds() - t0, &ak, &set, &e) != HS_OK)
        goto fail;
    outfile *o = outfile_set_open(&set, a.out, "tornado.csv", &e);
    if (!o) goto fail;
    fputs("input,metric,unit,p10_value,p90_value,metric_at_p10,metric_at_p90,base,swing,note\n",
          outfile_stream(o));
    for (int k = 0; k < n; k++) {
        const S_row *r = &rows[k];
        outfile_csv_str(o, inputs[r->idx].in.name);
        outfile_csv_str(o, t.label);
        outfile_csv_str(o, metrics_defs[t.met].unit);
        outfile_csv_num(o, r->lo_v);
        outfile_csv_num(o, r->hi_v);
        outfile_csv_num(o, r->lo_m);
        outfile_csv_num(o, r->hi_m);
        outfile_csv_num(o, base_mean);
        outfile_csv_num(o, r->swing);
        outfile_csv_str(o, r->note);
        outfile_csv_end(o);
    }
    if (outfile_set_commit(&set, &e) != HS_OK) goto fail;
    if (!a.quiet) {
        char b[32];
        hs_fmt_thousands(b, sizeof b, base_mean, 0);
        printf("tornado of mean %s (base %s %s), %llu trajectories per run\n\n", t.label, b,
               metrics_defs[t.met].unit, (unsigned long long)a.trajectories);
        printf("%-40s %14s %14s %14s\n", "input", "at p10", "at p90", "swing");
        for (int k = 0; k < n && k < 10; k++) {
            char l[32], h[32], s[32];
            hs_fmt_thousands(l, sizeof l, rows[k].lo_m, 0);
            hs_fmt_thousands(h, sizeof h, rows[k].hi_m, 0);
            hs_fmt_thousands(s, sizeof s, rows[k].swing, 0);
            printf("%-40s %14s %14s %14s\n", inputs[rows[k].idx].in.name, l, h, s);
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
    free(f);
    free(rows);
    free(inputs);
    scenario_free(sc);
    return rc;
}
