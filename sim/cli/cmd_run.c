/* cmd_run.c — `hostsim run`: simulate a scenario, write the output folder. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "analysis/voi.h"
#include "args.h"
#include "base/hs_clock.h"
#include "cli.h"
#include "engine/sampling.h"
#include "report/plot.h"
#include "run/aggregate.h"
#include "run/output.h"
#include "run/runner.h"
#include "scenario/warnings.h"
#include "signals.h"

static const args_command S_command = {
    "run", ARGS_RUN, ARGS_POS_NONE,
    "usage: hostsim run [options]\n"
    "\n"
    "Simulates N trajectories of the horizon, hour by hour, for every option of the\n"
    "scenario, and writes summary.csv, compare.csv, monthly.csv, voi.csv, manifest.csv\n"
    "and the chart data into the output folder (docs/outputs.md). Prints a summary table\n"
    "and the value of information of the choice (EVPI, the inputs' EVPPI, flip points).\n",
    "Same seed and inputs give byte-identical files whatever --threads (manifest.csv's\n"
    "threads, wall_seconds and created_utc excepted).\n"};

/* Largest relative 95 % half-width of the options' mean tco. */
static double S_rel_halfwidth(const aggregate *ag)
{
    double worst = 0;
    for (int o = 0; o < ag->nopt; o++) {
        double m = fabs(ag->mean[o * MET_COUNT + MET_tco]);
        double hw = 1.959964 * aggregate_se(ag, o, MET_tco);
        double r = m > 0 ? hw / m : (hw > 0 ? INFINITY : 0);
        if (r > worst) worst = r;
    }
    return worst;
}

/* The whole `hostsim run`. Returns the exit code. */
static int S_simulate(const args_values *a)
{
    hs_error e = {0};
    scenario *sc = scenario_open(a->scenario, (char **)a->sets, a->nsets, &e);
    if (!sc) return cli_fail(&e);
    sim_plan *plan = NULL;
    aggregate *ag = NULL;
    double *sample = NULL;
    sampling_lhs *lhs = NULL;
    outfile_set set = {0};
    int rc = 0;
    if (scenario_check_horizon(sc, a->start, a->years, &e) != HS_OK) goto fail;
    if (runner_rank() == 0)
        warnings_print(sc, (char **)a->sets, a->nsets, a->start, a->years, stderr);
    if (!(plan = sim_plan_new(sc, a->start, a->years, &e))) goto fail;
    uint64_t expected = a->precision > 0 ? 1000 : a->trajectories;
    if (!(ag = aggregate_new(plan, expected, &e))) goto fail;
    sample = calloc((size_t)plan->days * (1 + 2 * (size_t)sc->nopt), sizeof *sample);
    if (!sample) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    const int root = runner_rank() == 0;
    if (a->lhs && a->precision > 0) {
        hs_error_set(&e, HS_ERR_INPUT,
                     "--sampling lhs stratifies a run of a known size: give --trajectories, not "
                     "--precision");
        goto fail;
    }
    if (a->lhs && a->trajectories > SAMPLING_LHS_MAX) {
        hs_error_set(&e, HS_ERR_INPUT,
                     "--sampling lhs: expected at most %llu trajectories, got %llu",
                     (unsigned long long)SAMPLING_LHS_MAX, (unsigned long long)a->trajectories);
        goto fail;
    }
    if (a->lhs && !(lhs = sampling_lhs_new(sc, a->seed, a->trajectories, &e))) goto fail;
    /* the new set replaces the folder's whole (stale charts, report, tornado.csv go with it) */
    if (root && outfile_set_begin(&set, a->out, a->overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK)
        goto fail;
    if (root && a->traj_out) {
        ag->traj_csv = outfile_set_open(&set, a->out, "trajectories.csv", &e);
        if (!ag->traj_csv) goto fail;
        aggregate_traj_header(ag);
    }
    signals_install();
    runner_opts ro = {0};
    ro.seed = a->seed;
    ro.threads = a->threads;
    ro.progress = !a->quiet && isatty(STDERR_FILENO);
    ro.sample_days = sample;
    ro.lhs = lhs;
    double t0 = hs_clock_seconds();
    const char *stop = "trajectories reached";
    char stopbuf[160];
    uint64_t done = 0;
    if (a->precision > 0) {
        /* deterministic batches: 1000, then doubling the total, until precise */
        uint64_t total = 0, batch = 1000;
        stop = "max-trajectories reached";
        for (;;) {
            if (total + batch > a->max_trajectories) batch = a->max_trajectories - total;
            ro.first = total;
            ro.count = batch;
            if (runner_run(plan, &ro, aggregate_consume, ag, &done, &e) != HS_OK) goto fail;
            total += done;
            double r = S_rel_halfwidth(ag);
            runner_share(&r, sizeof r); /* rank 0's aggregate decides, on every rank */
            if (r <= a->precision) {
                snprintf(stopbuf, sizeof stopbuf,
                         "precision reached: 95%% half-width of mean tco %.4g%% <= %.4g%%", 100 * r,
                         100 * a->precision);
                stop = stopbuf;
                break;
            }
            if (total >= a->max_trajectories) {
                snprintf(stopbuf, sizeof stopbuf,
                         "max-trajectories reached: half-width %.4g%% > %.4g%%", 100 * r,
                         100 * a->precision);
                stop = stopbuf;
                break;
            }
            batch = total;
        }
    } else {
        ro.first = 0;
        ro.count = a->trajectories;
        if (runner_run(plan, &ro, aggregate_consume, ag, &done, &e) != HS_OK) goto fail;
    }
    if (!root) goto out; /* rank 0 writes */
    output_info info = {a->scenario,
                        a->seed,
                        ag->n,
                        a->years,
                        a->start,
                        a->threads,
                        hs_clock_seconds() - t0,
                        stop,
                        sample,
                        a->lhs ? "lhs" : "plain"};
    if (output_write_all(ag, &info, &set, a->out, &e) != HS_OK) goto fail;
    if (voi_write(ag, &set, a->out, &e) != HS_OK) goto fail;
    if (outfile_set_commit(&set, &e) != HS_OK) goto fail;
    if (!a->quiet) {
        output_print_summary(ag, stdout);
        voi_result vr;
        if (voi_compute(ag, MET_tco, &vr, &e) != HS_OK) goto fail;
        voi_print(ag, &vr, 5, stdout);
        voi_free(&vr);
        printf("\noutputs in %s/ (summary.csv, compare.csv, monthly.csv, manifest.csv, ...)\n",
               a->out);
    }
    if (a->plots) {
        int skipped = 0;
        plot_opts po = {NULL, a->quiet};
        if (cli_plot(a->out, &po, 0, &skipped, &e) != HS_OK) {
            rc = cli_fail(&e);
            goto out;
        }
    }
    goto out;
fail:
    outfile_set_abort(&set);
    if (e.code == HS_ERR_INTERRUPTED && runner_rank() != 0)
        rc = signals_exit_code();
    else if (e.code == HS_ERR_INTERRUPTED) {
        fprintf(stderr, "\nhostsim: interrupted after %llu of %llu trajectories; nothing written\n",
                (unsigned long long)(ag ? ag->n : 0), (unsigned long long)a->trajectories);
        rc = signals_exit_code();
    } else
        rc = cli_fail(&e);
out:
    free(sample);
    sampling_lhs_free(lhs);
    aggregate_free(ag);
    sim_plan_free(plan);
    scenario_free(sc);
    return rc;
}

int cmd_run(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_command, &a);
    if (rc >= 0) return rc;
    return S_simulate(&a);
}
