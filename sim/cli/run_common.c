/* run_common.c — shared option parsing and the `run` pipeline. */
#include "run_common.h"

#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hs_clock.h"
#include "report/plot.h"
#include "run/aggregate.h"
#include "run/output.h"
#include "run/runner.h"

static volatile sig_atomic_t S_signal = 0;

static void S_on_signal(int sig)
{
    S_signal = sig;
    runner_stop = 1;
}

void run_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = S_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int run_signal_exit(void)
{
    return S_signal == SIGTERM ? 143 : 130;
}

enum {
    O_START = 256,
    O_SET,
    O_TRAJ_OUT,
    O_PRECISION,
    O_MAXTRAJ,
    O_PLOTS,
    O_PARAM,
    O_VALUES,
    O_PARAM2,
    O_VALUES2,
    O_METRIC,
    O_OPTION,
    O_DIFF,
    O_SAMPLES
};

int run_args_parse(int argc, char **argv, run_args *a, const char *usage, int kind)
{
    static const struct option longopts[] = {
        {"scenario", required_argument, NULL, 'S'},
        {"trajectories", required_argument, NULL, 'n'},
        {"years", required_argument, NULL, 'y'},
        {"start", required_argument, NULL, O_START},
        {"seed", required_argument, NULL, 's'},
        {"threads", required_argument, NULL, 't'},
        {"out", required_argument, NULL, 'o'},
        {"set", required_argument, NULL, O_SET},
        {"trajectories-out", no_argument, NULL, O_TRAJ_OUT},
        {"precision", required_argument, NULL, O_PRECISION},
        {"max-trajectories", required_argument, NULL, O_MAXTRAJ},
        {"plots", no_argument, NULL, O_PLOTS},
        {"param", required_argument, NULL, O_PARAM},
        {"values", required_argument, NULL, O_VALUES},
        {"param2", required_argument, NULL, O_PARAM2},
        {"values2", required_argument, NULL, O_VALUES2},
        {"metric", required_argument, NULL, O_METRIC},
        {"option", required_argument, NULL, O_OPTION},
        {"diff", required_argument, NULL, O_DIFF},
        {"samples", required_argument, NULL, O_SAMPLES},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->scenario = "inputs/default";
    a->trajectories = kind == RUN_ARGS_RUN ? 2000 : kind == RUN_ARGS_SOBOL ? 64 : 1000;
    a->years = 5;
    a->start = (cal_date){2027, 1, 1};
    a->seed = 1;
    a->threads = runner_default_threads();
    a->max_trajectories = 1000000;
    a->metric = "tco";
    a->samples = 256;
    hs_error e = {0};
    optind = 1;
    opterr = 0;
    int c;
    uint64_t v;
    while ((c = getopt_long(argc, argv, "+S:n:y:s:t:o:qh", longopts, NULL)) != -1) {
        hs_status st = HS_OK;
        switch (c) {
        case 'S':
            a->scenario = optarg;
            break;
        case 'n':
            st = cli_parse_u64("--trajectories", optarg, 1, 100000000, &a->trajectories, &e);
            a->trajectories_given = 1;
            break;
        case 'y':
            st = cli_parse_u64("--years", optarg, 1, SIM_MAX_YEARS, &v, &e);
            a->years = (int)v;
            break;
        case O_START:
            if (cal_parse(optarg, &a->start) != 3 || a->start.d != 1)
                st = hs_error_set(
                    &e, HS_ERR_INPUT,
                    "--start: expected the first day of a month as YYYY-MM-01, got '%s'", optarg);
            break;
        case 's':
            st = cli_parse_u64("--seed", optarg, 0, UINT64_MAX, &a->seed, &e);
            break;
        case 't':
            st = cli_parse_u64("--threads", optarg, 1, 256, &v, &e);
            a->threads = (int)v;
            break;
        case 'o':
            a->out = optarg;
            break;
        case O_SET:
            if (a->nsets == CLI_MAX_SETS)
                st = hs_error_set(&e, HS_ERR_INPUT, "--set: at most %d overrides", CLI_MAX_SETS);
            else
                a->sets[a->nsets++] = optarg;
            break;
        case O_TRAJ_OUT:
            a->traj_out = 1;
            break;
        case O_PRECISION: {
            char buf[64];
            snprintf(buf, sizeof buf, "%s", optarg);
            size_t n = strlen(buf);
            int pct = n && buf[n - 1] == '%';
            if (pct) buf[n - 1] = '\0';
            double p;
            st = cli_parse_double("--precision", buf, 1e-6, pct ? 100 : 1, &p, &e);
            a->precision = pct ? p / 100 : p;
            break;
        }
        case O_MAXTRAJ:
            st =
                cli_parse_u64("--max-trajectories", optarg, 1, 100000000, &a->max_trajectories, &e);
            break;
        case O_PLOTS:
            a->plots = 1;
            break;
        case O_PARAM:
            a->param = optarg;
            break;
        case O_VALUES:
            a->values = optarg;
            break;
        case O_PARAM2:
            a->param2 = optarg;
            break;
        case O_VALUES2:
            a->values2 = optarg;
            break;
        case O_METRIC:
            a->metric = optarg;
            break;
        case O_OPTION:
            a->option = optarg;
            break;
        case O_DIFF:
            a->diff = optarg;
            break;
        case O_SAMPLES:
            st = cli_parse_u64("--samples", optarg, 2, 1000000, &a->samples, &e);
            break;
        case 'q':
            a->quiet = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        default:
            fprintf(stderr, "hostsim %s: unknown or incomplete option '%s'\n%s", argv[0],
                    argv[optind - 1], usage);
            return 2;
        }
        if (st != HS_OK) return cli_fail(&e);
        int sens_only = c >= O_PARAM && c <= O_SAMPLES;
        int run_only = c == O_TRAJ_OUT || c == O_PRECISION || c == O_MAXTRAJ;
        if ((sens_only && kind == RUN_ARGS_RUN) || (run_only && kind != RUN_ARGS_RUN)) {
            fprintf(stderr, "hostsim %s: option '%s' does not apply here\n%s", argv[0],
                    argv[optind - 1], usage);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "hostsim %s: unexpected argument '%s'\n%s", argv[0], argv[optind], usage);
        return 2;
    }
    if (!a->out) {
        const char *base = strrchr(a->scenario, '/');
        base = base && base[1] ? base + 1 : a->scenario;
        snprintf(a->out_default, sizeof a->out_default, "outputs/%s", base);
        size_t n = strlen(a->out_default);
        while (n > 8 && a->out_default[n - 1] == '/')
            a->out_default[--n] = '\0';
        a->out = a->out_default;
    }
    return -1;
}

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

int run_simulation(const run_args *a)
{
    hs_error e = {0};
    scenario *sc = scenario_open(a->scenario, (char **)a->sets, a->nsets, &e);
    if (!sc) return cli_fail(&e);
    sim_plan *plan = NULL;
    aggregate *ag = NULL;
    double *sample = NULL;
    outfile_set set = {0};
    int rc = 0;
    if (scenario_check_horizon(sc, a->start, a->years, &e) != HS_OK) goto fail;
    if (!(plan = sim_plan_new(sc, a->start, a->years, &e))) goto fail;
    uint64_t expected = a->precision > 0 ? 1000 : a->trajectories;
    if (!(ag = aggregate_new(plan, expected, &e))) goto fail;
    sample = calloc((size_t)plan->days * (1 + 2 * (size_t)sc->nopt), sizeof *sample);
    if (!sample) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    const int root = runner_rank() == 0;
    if (a->precision > 0 && runner_ranks() > 1) {
        hs_error_set(&e, HS_ERR_INPUT,
                     "--precision runs in one process: drop it or run without mpirun");
        goto fail;
    }
    if (root && outfile_mkdirs(a->out, &e) != HS_OK) goto fail;
    if (root && a->traj_out) {
        ag->traj_csv = outfile_set_open(&set, a->out, "trajectories.csv", &e);
        if (!ag->traj_csv) goto fail;
        aggregate_traj_header(ag);
    }
    run_install_signals();
    runner_opts ro = {0};
    ro.seed = a->seed;
    ro.threads = a->threads;
    ro.progress = !a->quiet && isatty(STDERR_FILENO);
    ro.sample_days = sample;
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
    const double wall = hs_clock_seconds() - t0;
    output_info info = {a->scenario, a->seed, ag->n, a->years, a->start,
                        a->threads,  wall,    stop,  sample};
    if (output_write_all(ag, &info, &set, a->out, &e) != HS_OK) goto fail;
    if (outfile_set_commit(&set, &e) != HS_OK) goto fail;
    if (!a->quiet) {
        output_print_summary(ag, stdout);
        printf("\noutputs in %s/ (summary.csv, compare.csv, monthly.csv, manifest.csv, ...)\n",
               a->out);
    }
    if (a->plots) {
        int skipped = 0;
        plot_opts po = {NULL, a->quiet};
        if (plot_all(a->out, &po, &skipped, &e) != HS_OK) {
            rc = cli_fail(&e);
            goto out;
        }
    }
    goto out;
fail:
    outfile_set_abort(&set);
    if (e.code == HS_ERR_INTERRUPTED && runner_rank() != 0)
        rc = run_signal_exit();
    else if (e.code == HS_ERR_INTERRUPTED) {
        fprintf(stderr, "\nhostsim: interrupted after %llu of %llu trajectories; nothing written\n",
                (unsigned long long)(ag ? ag->n : 0), (unsigned long long)a->trajectories);
        rc = run_signal_exit();
    } else
        rc = cli_fail(&e);
out:
    free(sample);
    aggregate_free(ag);
    sim_plan_free(plan);
    scenario_free(sc);
    return rc;
}
