/* cli.h — the subcommands behind sim/cli/main.c.
 *
 * Each cmd_* takes the arguments after the subcommand name (argv[0] is the
 * subcommand) and returns a process exit code: 0 ok, 1 runtime failure,
 * 2 usage or input error, 130/143 interrupted. Results go to stdout,
 * messages to stderr.
 */
#ifndef HS_CLI_H
#define HS_CLI_H

#include <stdint.h>

#include "base/hs_error.h"
#include "base/outfile.h"
#include "report/plot.h"
#include "scenario/scenario.h"

int cmd_validate(int argc, char **argv);
int cmd_params(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_tornado(int argc, char **argv);
int cmd_sobol(int argc, char **argv);
int cmd_compare(int argc, char **argv);

/* The default scenario folder: inputs/default here, else the installed one (datadir.c). */
const char *cli_default_scenario(void);

/* Prints "hostsim: message" and returns the exit code of e. */
int cli_fail(const hs_error *e);
/* Ends a command that failed while writing set: removes its temporaries, prints
 * the message (or "interrupted; nothing written") and returns the exit code. */
int cli_fail_outputs(outfile_set *set, const hs_error *e);

/* Draws the charts of output folder dir, added to its set as one atomic step (plot; run
 * --plots). overwrite: --overwrite. *skipped is set when gnuplot is missing. */
hs_status cli_plot(const char *dir, const plot_opts *po, int overwrite, int *skipped, hs_error *e);

/* Strict number parsing for options: the whole text, in [lo, hi]. */
hs_status cli_parse_u64(const char *opt, const char *text, uint64_t lo, uint64_t hi, uint64_t *out,
                        hs_error *e);
hs_status cli_parse_double(const char *opt, const char *text, double lo, double hi, double *out,
                           hs_error *e);

#define CLI_MAX_SETS 256

#endif
