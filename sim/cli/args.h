/* args.h — the one option table of the command line and its parser.
 *
 * Every option of every command is one row of ARGS_OPTIONS (args.c): long
 * name, short letter, value name (none for a flag), the commands that take
 * it, its default (written once: the parser applies it and --help prints it)
 * and its help text. Each command describes itself with an args_command and
 * parses through args_parse, so an option means the same in every command
 * that takes it (-s is --seed everywhere) and one a command does not take is
 * a usage error (exit 2), reported in one format:
 *
 *   hostsim: CMD: MESSAGE (see 'hostsim CMD --help')
 */
#ifndef HS_ARGS_H
#define HS_ARGS_H

#include <stdint.h>
#include <stdio.h>

#include "analysis/sens_common.h"
#include "base/calendar.h"
#include "cli.h"

/* The commands, as bits of an option's mask. */
typedef enum {
    ARGS_RUN = 1 << 0,
    ARGS_VALIDATE = 1 << 1,
    ARGS_PARAMS = 1 << 2,
    ARGS_SWEEP = 1 << 3,
    ARGS_TORNADO = 1 << 4,
    ARGS_SOBOL = 1 << 5,
    ARGS_PLOT = 1 << 6,
    ARGS_REPORT = 1 << 7,
    ARGS_COMPARE = 1 << 8
} args_cmd;

/* What a command's argument that is not an option names. */
typedef enum {
    ARGS_POS_NONE,     /* nothing: an argument is a usage error */
    ARGS_POS_SCENARIO, /* the scenario folder, as --scenario (one of the two) */
    ARGS_POS_OUTDIR    /* the output folder read by plot and report (outdir) */
} args_positional;

typedef struct {
    const char *name; /* "run", as typed after hostsim */
    args_cmd cmd;
    args_positional positional;
    const char *synopsis; /* --help before the options: usage line(s), description */
    const char *epilogue; /* --help after the options, or NULL */
} args_command;

/* The values of every option; a command reads those it takes (the others
 * keep zero). Strings point into argv or at the table's defaults. */
typedef struct {
    const char *scenario; /* --scenario, or validate's and params' DIR */
    int scenario_given;
    uint64_t trajectories;
    int years;
    cal_date start;
    uint64_t seed;
    int threads;
    const char *out; /* --out, or outputs/<scenario name> (out_default) */
    char out_default[512];
    int overwrite; /* --overwrite: a folder holding files hostsim did not write is used */
    char *sets[CLI_MAX_SETS];
    int nsets;
    int quiet;
    int traj_out;
    double precision; /* 0 = off; a fraction */
    uint64_t max_trajectories;
    int plots;
    int lhs; /* --sampling lhs */
    const char *param, *values, *param2, *values2, *metric, *option, *diff;
    uint64_t samples;
    int exhaustive;    /* --exhaustive: no re-pricing of kept physical records */
    int year, by_year; /* tornado's and sobol's --year K (0: none) and --by-year */
    int csv;
    const char *gnuplot; /* NULL: gnuplot on PATH */
    int pdf;
    int xlsx;            /* report --xlsx */
    const char *outdir;  /* plot's and report's OUTDIR */
    const char *against; /* compare's second scenario (--against) */
} args_values;

/* Fills a with the defaults of the options command cmd takes (the rest zero). */
void args_defaults(args_cmd cmd, args_values *a);

/* Parses argv (argv[0] is the command's name) for command c into a. Returns
 * -1 to go on, 0 after printing --help, or 2 after a usage or value error
 * (the message printed on stderr). */
int args_parse(int argc, char **argv, const args_command *c, args_values *a);

/* Prints c's --help on f. */
void args_help(const args_command *c, FILE *f);

/* Prints "hostsim: CMD: MESSAGE (see 'hostsim CMD --help')" and returns 2:
 * the one format of a usage error. */
int args_fail(const args_command *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* What the sensitivity pieces of the library read of a's values. */
sens_opts args_sens_opts(const args_values *a);

#endif
