/* main.c — the hostsim command line: a thin dispatcher over the library. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "ranks.h"
#include "run/runner.h"

#ifdef HOSTSIM_MPI
#include <mpi.h>
#endif

static const char S_usage[] =
    "usage: hostsim COMMAND [options]\n"
    "\n"
    "Monte Carlo simulation of the 5-year cost, capacity and downtime of hosting\n"
    "options for a messaging platform: self-hosted, cloud, SaaS, pay per message.\n"
    "\n"
    "commands:\n"
    "  run        simulate a scenario and write summary.csv, compare.csv, monthly.csv, ...\n"
    "  validate   check a scenario folder\n"
    "  params     list a scenario's parameters with their sources\n"
    "  sweep      rerun the scenario over values of one or two parameters\n"
    "  tornado    one-at-a-time sensitivity (p10/p90 of each uncertain input)\n"
    "  sobol      global sensitivity: first- and total-order Sobol indices\n"
    "  compare    two scenarios on the same trajectories: paired differences\n"
    "  plot       draw the charts of an output folder (needs gnuplot)\n"
    "  report     write OUTDIR/report.html, a one-file board report (--xlsx: a workbook)\n"
    "\n"
    "  hostsim COMMAND --help    options of a command\n"
    "  hostsim --version         version\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 usage or input error, 130/143 interrupted.\n"
    "Documentation: docs/ (model.md, scenario.md, outputs.md); the manual page:\n"
    "`man hostsim` once installed (make install), `man ./docs/hostsim.1` in the repository.\n";

static int S_main(int argc, char **argv);

int main(int argc, char **argv)
{
#ifdef HOSTSIM_MPI
    MPI_Init(&argc, &argv);
    int rc = ranks_begin() == 0 ? S_main(argc, argv) : 1;
    rc = ranks_end(rc);
    MPI_Finalize();
    return rc;
#else
    return S_main(argc, argv);
#endif
}

static int S_main(int argc, char **argv)
{
    hs_gsl_init();
    if (argc < 2) {
        fputs(S_usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(S_usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("hostsim %s\n", HOSTSIM_VERSION);
        return 0;
    }
    /* Under mpirun every rank runs a simulating command (the runner shares out its
     * trajectories, rank 0 writes and prints); the others run on rank 0 alone. The other
     * ranks print nothing (ranks.h): rank 0 says what one process would (runner.h). */
    static const struct {
        const char *name;
        int (*fn)(int, char **);
        int simulates;
    } cmds[] = {
        {"run", cmd_run, 1},     {"validate", cmd_validate, 0}, {"params", cmd_params, 0},
        {"sweep", cmd_sweep, 1}, {"tornado", cmd_tornado, 1},   {"sobol", cmd_sobol, 1},
        {"plot", cmd_plot, 0},   {"report", cmd_report, 0},     {"compare", cmd_compare, 1}};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        if (strcmp(cmd, cmds[i].name) == 0) {
            if (runner_rank() != 0 && !cmds[i].simulates) return 0;
            return cmds[i].fn(argc - 1, argv + 1);
        }
    fprintf(stderr, "hostsim: unknown command '%s'\n\n%s", cmd, S_usage);
    return 2;
}
