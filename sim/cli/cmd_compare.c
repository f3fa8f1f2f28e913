/* cmd_compare.c — `hostsim compare`: two scenarios on the same trajectories. */
#include <stdio.h>
#include <unistd.h>

#include "analysis/paired.h"
#include "args.h"
#include "base/hs_clock.h"
#include "cli.h"
#include "run/aggregate.h"
#include "run/output.h"
#include "run/runner.h"
#include "signals.h"

static const args_command S_command = {
    "compare", ARGS_COMPARE, ARGS_POS_NONE,
    "usage: hostsim compare --scenario A --against B [options]\n"
    "\n"
    "Runs scenarios A and B on the same seed and trajectories (common random numbers:\n"
    "each trajectory draws the same numbers for every option, parameter and process\n"
    "the two share) and writes, per option present in both, the paired difference A - B\n"
    "of tco and net_cost (mean, sd, p5..p95) and P(A cheaper) to scenario_diff.csv,\n"
    "beside A's own run files, into the output folder (default outputs/<A>-compare).\n"
    "--set applies to A only: `--against inputs/default --set X` measures X.\n",
    "manifest.csv names both scenarios and their checksums (docs/outputs.md).\n"};

typedef struct {
    scenario *sc;
    sim_plan *plan;
    aggregate *ag;
} S_side;

static void S_side_free(S_side *s)
{
    aggregate_free(s->ag);
    sim_plan_free(s->plan);
    scenario_free(s->sc);
}

static hs_status S_open(const args_values *a, const char *dir, int with_sets, S_side *s,
                        hs_error *e)
{
    s->sc = scenario_open(dir, with_sets ? (char **)a->sets : NULL, with_sets ? a->nsets : 0, e);
    if (!s->sc) return e->code;
    HS_FORWARD(scenario_check_horizon(s->sc, a->start, a->years, e));
    if (!(s->plan = sim_plan_new(s->sc, a->start, a->years, e))) return e->code;
    if (!(s->ag = aggregate_new(s->plan, a->trajectories, e))) return e->code;
    return HS_OK;
}

static hs_status S_run(const args_values *a, S_side *s, hs_error *e)
{
    runner_opts ro = {0};
    ro.seed = a->seed;
    ro.threads = a->threads;
    ro.progress = !a->quiet && isatty(STDERR_FILENO);
    ro.first = 0;
    ro.count = a->trajectories;
    uint64_t done = 0;
    return runner_run(s->plan, &ro, aggregate_consume, s->ag, &done, e);
}

int cmd_compare(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_command, &a);
    if (rc >= 0) return rc;
    if (!a.against) return args_fail(&S_command, "expected --against DIR, the second scenario");
    hs_error e = {0};
    S_side A = {0}, B = {0};
    outfile_set set = {0};
    if (S_open(&a, a.scenario, 1, &A, &e) != HS_OK || S_open(&a, a.against, 0, &B, &e) != HS_OK)
        goto fail;
    if (outfile_set_begin(&set, a.out, a.overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK) goto fail;
    signals_install();
    const double t0 = hs_clock_seconds();
    if (S_run(&a, &A, &e) != HS_OK || S_run(&a, &B, &e) != HS_OK) goto fail;
    char sum[32];
    snprintf(sum, sizeof sum, "%016llx", (unsigned long long)B.sc->checksum);
    const char *kv[3][2] = {
        {"against", a.against}, {"against_checksum", sum}, {"against_overrides", B.sc->overrides}};
    const output_analysis an = {"compare", (const char *const(*)[2])kv, 3};
    output_info info = {a.scenario,
                        a.seed,
                        A.ag->n,
                        a.years,
                        a.start,
                        a.threads,
                        hs_clock_seconds() - t0,
                        "trajectories reached",
                        NULL,
                        "plain"};
    if (paired_write(A.ag, B.ag, &set, a.out, &e) != HS_OK ||
        output_write_analysis(A.ag, &info, &an, &set, a.out, &e) != HS_OK ||
        outfile_set_commit(&set, &e) != HS_OK)
        goto fail;
    if (!a.quiet) {
        paired_print(A.ag, B.ag, stdout);
        printf("\noutputs in %s/ (scenario_diff.csv, and %s's summary.csv, compare.csv, ...)\n",
               a.out, a.scenario);
    }
    S_side_free(&A);
    S_side_free(&B);
    return 0;
fail:
    rc = cli_fail_outputs(&set, &e);
    S_side_free(&A);
    S_side_free(&B);
    return rc;
}
