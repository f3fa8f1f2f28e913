/* cmd_run.c — `hostsim run`: simulate a scenario, write the output folder. */
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "run/aggregate.h"
#include "run/output.h"
#include "run_common.h"

static const char S_usage[] =
    "usage: hostsim run [options]\n"
    "\n"
    "Simulates N trajectories of the horizon, hour by hour, for every option of the\n"
    "scenario, and writes summary.csv, compare.csv, monthly.csv, manifest.csv and the\n"
    "chart data into the output folder (docs/outputs.md). Prints a summary table.\n"
    "\n"
    "  -S, --scenario DIR        scenario folder (default inputs/default)\n"
    "  -n, --trajectories N      trajectories (default 2000; 1 to 100000000)\n"
    "  -y, --years Y             horizon in years (default 5; 1 to 50)\n"
    "      --start YYYY-MM-01    first day of the horizon (default 2027-01-01)\n"
    "  -s, --seed S              random seed (default 1; 0 to 2^64-1)\n"
    "  -t, --threads T           worker threads (default: online CPUs; 1 to 256)\n"
    "  -o, --out DIR             output folder (default outputs/<scenario name>)\n"
    "      --set option.parameter=SPEC   override a parameter (repeatable)\n"
    "      --trajectories-out    also write trajectories.csv (inputs and totals per trajectory)\n"
    "      --precision P%        run in batches until the 95 % half-width of every option's\n"
    "                            mean tco is below P % of the mean (e.g. 0.5%)\n"
    "      --max-trajectories N  cap for --precision (default 1000000)\n"
    "      --plots               draw the charts after the run (needs gnuplot)\n"
    "  -q, --quiet               no progress bar and no summary table\n"
    "  -h, --help                this help\n"
    "\n"
    "Same seed and inputs give byte-identical files whatever --threads (manifest.csv's\n"
    "threads, wall_seconds and created_utc excepted).\n";

int cmd_run(int argc, char **argv)
{
    run_args a;
    int rc = run_args_parse(argc, argv, &a, S_usage, RUN_ARGS_RUN);
    if (rc >= 0) return rc;
    return run_simulation(&a);
}
