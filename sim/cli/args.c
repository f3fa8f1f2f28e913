/* args.c — the option table of every command and the one parser over it
 * (see args.h).
 *
 * The syntax is getopt_long's: -n 5, -n5, -qn 5, --trajectories 5,
 * --trajectories=5, a unique prefix of a long name (--traj 5), and "--" ends
 * the options. A value option takes the next argument whatever it is (so
 * --seed -1 reaches the seed's own check). Options and a command's folder
 * argument may come in any order; they are read from left to right, and the
 * first error stops the reading. */
#include "args.h"

#include <assert.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "base/suggest.h"
#include "engine/engine.h"
#include "run/runner.h"

#define S_SIM (ARGS_RUN | ARGS_SWEEP | ARGS_TORNADO | ARGS_SOBOL | ARGS_COMPARE)
#define S_SENS (ARGS_SWEEP | ARGS_TORNADO | ARGS_SOBOL)
#define S_SCENARIO (ARGS_VALIDATE | ARGS_PARAMS)
#define S_ALL 0x1ff

/* X(id, long name, short letter or 0, value name or NULL for a flag, the commands that take it,
 *   default (the text the parser applies before reading argv, printed by --help) or NULL, help)
 * An option some commands take with another default or help has one row per variant; a
 * command takes at most one row of a name. */
#define ARGS_OPTIONS(X)                                                                            \
    X(SCENARIO, "scenario", 'S', "DIR", S_SIM | S_SCENARIO, "inputs/default", "scenario folder")   \
    X(TRAJ_RUN, "trajectories", 'n', "N", ARGS_RUN | ARGS_COMPARE, "2000",                         \
      "trajectories, 1 to 100000000")                                                              \
    X(AGAINST, "against", 0, "DIR", ARGS_COMPARE, NULL,                                            \
      "the scenario compared with --scenario on the same trajectories (required)")                 \
    X(TRAJ_SWEEP, "trajectories", 'n', "N", ARGS_SWEEP, "1000",                                    \
      "trajectories per point, 1 to 100000000")                                                    \
    X(TRAJ_TORNADO, "trajectories", 'n', "N", ARGS_TORNADO, "300",                                 \
      "trajectories per run, 1 to 100000000; 2 runs per input")                                    \
    X(YEARS, "years", 'y', "Y", S_SIM, "5", "horizon in years, 1 to 50")                           \
    X(START, "start", 0, "YYYY-MM-01", S_SIM, "2027-01-01", "first day of the horizon")            \
    X(SEED, "seed", 's', "S", S_SIM, "1", "random seed, 0 to 2^64-1")                              \
    X(THREADS, "threads", 't', "T", S_SIM, NULL,                                                   \
      "worker threads, 1 to 256 (default: online CPUs)")                                           \
    X(OUT, "out", 'o', "DIR", S_SIM, NULL,                                                         \
      "output folder (default outputs/<scenario name>; sweep, tornado, sobol: "                    \
      "outputs/<scenario name>-<command>)")                                                        \
    X(OVERWRITE, "overwrite", 0, NULL, S_SIM | ARGS_PLOT | ARGS_REPORT, NULL,                      \
      "use an output folder that holds files hostsim did not write: run, sweep, tornado and "      \
      "sobol "                                                                                     \
      "delete them, plot and report keep them (without it such a folder is refused)")              \
    X(SET, "set", 0, "option.parameter=SPEC", S_SIM | S_SCENARIO, NULL,                            \
      "override a parameter (repeatable)")                                                         \
    X(TRAJ_OUT, "trajectories-out", 0, NULL, ARGS_RUN, NULL,                                       \
      "also write trajectories.csv (inputs and totals per trajectory)")                            \
    X(PRECISION, "precision", 0, "P%", ARGS_RUN, NULL,                                             \
      "run in batches until the 95 % half-width of every option's mean tco is below P % of the "   \
      "mean (e.g. 0.5%)")                                                                          \
    X(MAX_TRAJ, "max-trajectories", 0, "N", ARGS_RUN, "1000000", "cap for --precision")            \
    X(SAMPLING, "sampling", 0, "KIND", ARGS_RUN, "plain",                                          \
      "how the uncertain inputs are drawn: plain (independent draws) or lhs (Latin hypercube, "    \
      "stratified across the run's trajectories; not with --precision)")                           \
    X(PLOTS, "plots", 0, NULL, ARGS_RUN, NULL, "draw the charts after the run (needs gnuplot)")    \
    X(PARAM, "param", 0, "P", ARGS_SWEEP, NULL,                                                    \
      "the parameter, e.g. global.volume_month or saas.overage_fee")                               \
    X(VALUES, "values", 0, "V", ARGS_SWEEP, NULL, "a list 1000,2000,5000 or FROM:TO:STEPS[:log]")  \
    X(PARAM2, "param2", 0, "P", ARGS_SWEEP, NULL,                                                  \
      "a second parameter: a grid (grid.csv: cheapest option per cell and its probability)")       \
    X(VALUES2, "values2", 0, "V", ARGS_SWEEP, NULL, "the values of --param2, as for --values")     \
    X(METRIC, "metric", 0, "M", S_SENS, "tco", "metric to compare, lower is better")               \
    X(OPTION, "option", 0, "O", ARGS_TORNADO | ARGS_SOBOL, NULL, "the metric of one option")       \
    X(DIFF, "diff", 0, "A,B", ARGS_TORNADO | ARGS_SOBOL, NULL,                                     \
      "the metric of A minus that of B (without --option or --diff: the two options with the "     \
      "lowest median tco)")                                                                        \
    X(YEAR, "year", 0, "K", ARGS_TORNADO | ARGS_SOBOL, NULL,                                       \
      "target the metric's value in year K of the horizon (1 to --years), e.g. that year's cost")  \
    X(BY_YEAR, "by-year", 0, NULL, ARGS_TORNADO | ARGS_SOBOL, NULL,                                \
      "the horizon and every year: one set of rows per year (docs/outputs.md)")                    \
    X(SAMPLES, "samples", 0, "N", ARGS_SOBOL, "256",                                               \
      "base samples, 2 to 1000000; a power of two is best")                                        \
    X(EXHAUSTIVE, "exhaustive", 0, NULL, S_SENS, NULL,                                             \
      "simulate every run in full, also those of price-only inputs (otherwise re-priced from the " \
      "kept records: the same numbers, faster)")                                                   \
    X(CSV, "csv", 0, NULL, ARGS_PARAMS, NULL, "CSV instead of an aligned table")                   \
    X(GNUPLOT, "gnuplot", 0, "PROGRAM", ARGS_PLOT, NULL,                                           \
      "the gnuplot to run (default: gnuplot on PATH)")                                             \
    X(PDF, "pdf", 0, NULL, ARGS_REPORT, NULL,                                                      \
      "also print it to report.pdf with headless Chromium")                                        \
    X(XLSX, "xlsx", 0, NULL, ARGS_REPORT, NULL,                                                    \
      "also write report.xlsx, the Excel workbook: tables and native charts")                      \
    X(QUIET_RUN, "quiet", 'q', NULL, ARGS_RUN | ARGS_COMPARE, NULL,                                \
      "no progress bar and no summary table")                                                      \
    X(QUIET_SENS, "quiet", 'q', NULL, S_SENS, NULL, "print nothing but errors")                    \
    X(QUIET_PLOT, "quiet", 'q', NULL, ARGS_PLOT, NULL, "no progress messages")                     \
    X(HELP, "help", 'h', NULL, S_ALL, NULL, "this help")

typedef enum {
#define S_ID(id, name, letter, value, cmds, dflt, help) O_##id,
    ARGS_OPTIONS(S_ID)
#undef S_ID
        O_COUNT
} S_id;

typedef struct {
    S_id id;
    const char *name;
    char letter;
    const char *value; /* NULL: a flag */
    int cmds;
    const char *dflt;
    const char *help;
} S_option;

static const S_option S_options[O_COUNT] = {
#define S_ROW(id, name, letter, value, cmds, dflt, help)                                           \
    {O_##id, name, letter, value, cmds, dflt, help},
    ARGS_OPTIONS(S_ROW)
#undef S_ROW
};

/* The command names in bit order of args_cmd. */
static const char *const S_cmd_names[] = {"run",   "validate", "params", "sweep",  "tornado",
                                          "sobol", "plot",     "report", "compare"};
_Static_assert(sizeof S_cmd_names / sizeof *S_cmd_names == 9 && ARGS_COMPARE == 1 << 8,
               "one name per bit of args_cmd");

/* Where plot and report read when given no folder. */
static const char S_outdir_default[] = "outputs/default";

int args_fail(const args_command *c, const char *fmt, ...)
{
    /* the message quotes the command line: its control characters are shown escaped */
    char raw[HS_ERROR_MSG_MAX], msg[HS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    hs_error_escape(msg, sizeof msg, raw);
    fprintf(stderr, "hostsim: %s: %s (see 'hostsim %s --help')\n", c->name, msg, c->name);
    return 2;
}

/* Stores the value of option o (text: its argument, NULL for a flag). */
static hs_status S_apply(const S_option *o, const char *text, args_values *a, hs_error *e)
{
    uint64_t v;
    switch (o->id) {
    case O_SCENARIO:
        a->scenario = text;
        return HS_OK;
    case O_TRAJ_RUN:
    case O_TRAJ_SWEEP:
    case O_TRAJ_TORNADO:
        return cli_parse_u64("--trajectories", text, 1, 100000000, &a->trajectories, e);
    case O_YEARS:
        HS_FORWARD(cli_parse_u64("--years", text, 1, SIM_MAX_YEARS, &v, e));
        a->years = (int)v;
        return HS_OK;
    case O_START:
        if (cal_parse(text, &a->start) != 3 || a->start.d != 1)
            return hs_error_set(
                e, HS_ERR_INPUT,
                "--start: expected the first day of a month as YYYY-MM-01, got '%s'", text);
        return HS_OK;
    case O_SEED:
        return cli_parse_u64("--seed", text, 0, UINT64_MAX, &a->seed, e);
    case O_THREADS:
        HS_FORWARD(cli_parse_u64("--threads", text, 1, 256, &v, e));
        a->threads = (int)v;
        return HS_OK;
    case O_OUT:
        a->out = text;
        return HS_OK;
    case O_OVERWRITE:
        a->overwrite = 1;
        return HS_OK;
    case O_SET:
        if (a->nsets == CLI_MAX_SETS)
            return hs_error_set(e, HS_ERR_INPUT, "--set: at most %d overrides", CLI_MAX_SETS);
        a->sets[a->nsets++] = (char *)text;
        return HS_OK;
    case O_TRAJ_OUT:
        a->traj_out = 1;
        return HS_OK;
    case O_PRECISION: {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", text);
        size_t n = strlen(buf);
        int pct = n && buf[n - 1] == '%';
        if (pct) buf[n - 1] = '\0';
        double p;
        HS_FORWARD(cli_parse_double("--precision", buf, 1e-6, pct ? 100 : 1, &p, e));
        a->precision = pct ? p / 100 : p;
        return HS_OK;
    }
    case O_MAX_TRAJ:
        return cli_parse_u64("--max-trajectories", text, 1, 100000000, &a->max_trajectories, e);
    case O_PLOTS:
        a->plots = 1;
        return HS_OK;
    case O_SAMPLING:
        if (strcmp(text, "plain") != 0 && strcmp(text, "lhs") != 0)
            return hs_error_set(e, HS_ERR_INPUT, "--sampling: expected plain or lhs, got '%s'",
                                text);
        a->lhs = strcmp(text, "lhs") == 0;
        return HS_OK;
    case O_PARAM:
        a->param = text;
        return HS_OK;
    case O_VALUES:
        a->values = text;
        return HS_OK;
    case O_PARAM2:
        a->param2 = text;
        return HS_OK;
    case O_VALUES2:
        a->values2 = text;
        return HS_OK;
    case O_METRIC:
        a->metric = text;
        return HS_OK;
    case O_OPTION:
        a->option = text;
        return HS_OK;
    case O_DIFF:
        a->diff = text;
        return HS_OK;
    case O_AGAINST:
        a->against = text;
        return HS_OK;
    case O_YEAR:
        HS_FORWARD(cli_parse_u64("--year", text, 1, SIM_MAX_YEARS, &v, e));
        a->year = (int)v;
        return HS_OK;
    case O_BY_YEAR:
        a->by_year = 1;
        return HS_OK;
    case O_SAMPLES:
        return cli_parse_u64("--samples", text, 2, 1000000, &a->samples, e);
    case O_EXHAUSTIVE:
        a->exhaustive = 1;
        return HS_OK;
    case O_CSV:
        a->csv = 1;
        return HS_OK;
    case O_GNUPLOT:
        a->gnuplot = text;
        return HS_OK;
    case O_PDF:
        a->pdf = 1;
        return HS_OK;
    case O_XLSX:
        a->xlsx = 1;
        return HS_OK;
    case O_QUIET_RUN:
    case O_QUIET_SENS:
    case O_QUIET_PLOT:
        a->quiet = 1;
        return HS_OK;
    case O_HELP:
    case O_COUNT:
        break;
    }
    assert(!"S_apply: --help is handled by the parser");
    return HS_OK;
}

/* The row of long name `name` (its first n bytes) that command cmd takes: the exact name, or
 * the one name it is a prefix of. NULL when none; *ambiguous is set when several match. */
static const S_option *S_find_long(int cmd, const char *name, size_t n, int *ambiguous)
{
    const S_option *pick = NULL;
    *ambiguous = 0;
    for (int i = 0; i < O_COUNT; i++) {
        const S_option *o = &S_options[i];
        if (!(o->cmds & cmd) || strncmp(o->name, name, n) != 0) continue;
        if (o->name[n] == '\0') return o;
        if (pick) *ambiguous = 1;
        pick = o;
    }
    return *ambiguous ? NULL : pick;
}

static const S_option *S_find_short(int cmd, char letter)
{
    for (int i = 0; i < O_COUNT; i++)
        if ((S_options[i].cmds & cmd) && S_options[i].letter == letter) return &S_options[i];
    return NULL;
}

/* "only by run, sweep": the commands that take an option of that name or letter (0 if none). */
static int S_takers(const char *name, size_t n, char letter, char *buf, size_t size,
                    const char **long_name)
{
    int cmds = 0;
    for (int i = 0; i < O_COUNT; i++) {
        const S_option *o = &S_options[i];
        if (letter ? o->letter == letter : strncmp(o->name, name, n) == 0 && o->name[n] == '\0') {
            cmds |= o->cmds;
            *long_name = o->name;
        }
    }
    buf[0] = '\0';
    for (size_t k = 0; k < sizeof S_cmd_names / sizeof *S_cmd_names; k++)
        if (cmds & (1 << k)) {
            size_t len = strlen(buf);
            snprintf(buf + len, size - len, "%s%s", len ? ", " : "", S_cmd_names[k]);
        }
    return cmds;
}

/* The usage error of an option (arg as typed, n bytes of it) that c does not take. */
static int S_not_taken(const args_command *c, const char *arg, size_t n, char letter, int ambiguous)
{
    char takers[128];
    const char *long_name = NULL;
    const char *name = letter ? NULL : arg + 2;
    if (ambiguous) {
        char list[256] = "";
        for (int i = 0; i < O_COUNT; i++) {
            const S_option *o = &S_options[i];
            if (!(o->cmds & c->cmd) || strncmp(o->name, name, n - 2) != 0) continue;
            size_t len = strlen(list);
            snprintf(list + len, sizeof list - len, "%s--%s", len ? ", " : "", o->name);
        }
        return args_fail(c, "option '%.*s' is ambiguous (%s)", (int)n, arg, list);
    }
    if (S_takers(name, letter ? 0 : n - 2, letter, takers, sizeof takers, &long_name)) {
        if (letter)
            return args_fail(c, "option '-%c' (--%s) is not taken by %s, only by %s", letter,
                             long_name, c->name, takers);
        return args_fail(c, "option '%.*s' is not taken by %s, only by %s", (int)n, arg, c->name,
                         takers);
    }
    if (letter) return args_fail(c, "unknown option '-%c'", letter);
    /* did you mean: the closest long name the command takes */
    const char *cand[O_COUNT];
    size_t nc = 0;
    for (int i = 0; i < O_COUNT; i++)
        if (S_options[i].cmds & c->cmd) cand[nc++] = S_options[i].name;
    char word[128];
    snprintf(word, sizeof word, "%.*s", (int)(n - 2), name);
    const char *close = suggest_closest(word, cand, nc);
    if (close)
        return args_fail(c, "unknown option '%.*s'; did you mean '--%s'?", (int)n, arg, close);
    return args_fail(c, "unknown option '%.*s'", (int)n, arg);
}

/* A folder argument (or a stray one). Returns -1 to go on, or 2. */
static int S_positional(const args_command *c, const char *arg, args_values *a, int *seen)
{
    switch (c->positional) {
    case ARGS_POS_NONE:
        return args_fail(c, "unexpected argument '%s': %s takes options only", arg, c->name);
    case ARGS_POS_SCENARIO:
        if (a->scenario_given)
            return args_fail(c, "expected one scenario folder, got a second: '%s'", arg);
        a->scenario = arg;
        a->scenario_given = 1;
        return -1;
    case ARGS_POS_OUTDIR:
        if (*seen) return args_fail(c, "expected one output folder, got a second: '%s'", arg);
        a->outdir = arg;
        *seen = 1;
        return -1;
    }
    return -1;
}

/* Applies option o with its value. Returns -1 to go on, 0 after --help, or 2. */
static int S_take(const args_command *c, const S_option *o, const char *text, args_values *a)
{
    if (o->id == O_HELP) {
        args_help(c, stdout);
        return 0;
    }
    if (o->id == O_SCENARIO && c->positional == ARGS_POS_SCENARIO) {
        if (a->scenario_given)
            return args_fail(c, "expected one scenario folder, got a second: '%s'", text);
        a->scenario_given = 1;
    }
    hs_error e = {0};
    if (S_apply(o, text, a, &e) != HS_OK) return cli_fail(&e);
    return -1;
}

/* The table's invariant: a command takes at most one row of a name and of a letter, so
 * that an option means one thing in it. */
static int S_table_is_unambiguous(int cmd)
{
    for (int i = 0; i < O_COUNT; i++)
        for (int j = i + 1; j < O_COUNT; j++) {
            const S_option *x = &S_options[i], *y = &S_options[j];
            if (!(x->cmds & cmd) || !(y->cmds & cmd)) continue;
            if (strcmp(x->name, y->name) == 0 || (x->letter && x->letter == y->letter)) return 0;
        }
    return 1;
}

void args_defaults(args_cmd cmd, args_values *a)
{
    assert(S_table_is_unambiguous(cmd));
    (void)S_table_is_unambiguous; /* used only by the assert */
    memset(a, 0, sizeof *a);
    a->threads = runner_default_threads();
    a->outdir = S_outdir_default;
    for (int i = 0; i < O_COUNT; i++) {
        const S_option *o = &S_options[i];
        if (!(o->cmds & cmd) || !o->dflt) continue;
        hs_error e = {0};
        hs_status st = S_apply(o, o->dflt, a, &e);
        assert(st == HS_OK && "a default of the option table passes its own check");
        (void)st;
    }
    if (a->scenario) a->scenario = cli_default_scenario(); /* the table's inputs/default */
}

int args_parse(int argc, char **argv, const args_command *c, args_values *a)
{
    args_defaults(c->cmd, a);
    int seen = 0, rc = -1, only_args = 0;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *arg = argv[i];
        if (only_args || arg[0] != '-' || arg[1] == '\0') {
            rc = S_positional(c, arg, a, &seen);
        } else if (strcmp(arg, "--") == 0) {
            only_args = 1;
        } else if (arg[1] == '-') {
            const char *eq = strchr(arg, '=');
            size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
            int ambiguous;
            const S_option *o = S_find_long(c->cmd, arg + 2, n - 2, &ambiguous);
            if (!o) {
                rc = S_not_taken(c, arg, n, 0, ambiguous);
            } else if (!o->value && eq) {
                rc = args_fail(c, "option '--%s' takes no value, got '%s'", o->name, arg);
            } else if (o->value && !eq && i + 1 >= argc) {
                rc = args_fail(c, "option '--%s' expects a value: --%s %s", o->name, o->name,
                               o->value);
            } else {
                rc = S_take(c, o, o->value ? (eq ? eq + 1 : argv[++i]) : NULL, a);
            }
        } else {
            /* a cluster of letters: -q, -n5, -qn 5 */
            for (const char *p = arg + 1; *p && rc < 0; p++) {
                const S_option *o = S_find_short(c->cmd, *p);
                if (!o) {
                    rc = S_not_taken(c, arg, 0, *p, 0);
                } else if (!o->value) {
                    rc = S_take(c, o, NULL, a);
                } else if (p[1]) {
                    rc = S_take(c, o, p + 1, a);
                    break;
                } else if (i + 1 >= argc) {
                    rc = args_fail(c, "option '-%c' expects a value: -%c %s", *p, *p, o->value);
                } else {
                    rc = S_take(c, o, argv[++i], a);
                }
            }
        }
    }
    if (rc >= 0) return rc;
    if ((c->cmd & S_SIM) && !a->out) {
        const char *base = strrchr(a->scenario, '/');
        base = base && base[1] ? base + 1 : a->scenario;
        snprintf(a->out_default, sizeof a->out_default, "outputs/%s", base);
        size_t n = strlen(a->out_default);
        while (n > 8 && a->out_default[n - 1] == '/')
            a->out_default[--n] = '\0';
        /* sweep, tornado and sobol: a folder of their own beside the run's (docs/outputs.md) */
        if (c->cmd != ARGS_RUN)
            snprintf(a->out_default + n, sizeof a->out_default - n, "-%s", c->name);
        a->out = a->out_default;
    }
    return -1;
}

/* Writes text, which starts at column `col`, wrapped at 92 columns; continuation lines are
 * indented to `indent`. */
static void S_wrap(FILE *f, const char *text, int col, int indent)
{
    const int width = 92;
    int first = 1;
    for (const char *p = text; *p;) {
        int w = (int)strcspn(p, " ");
        if (!first && col + 1 + w > width) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', f);
            col++;
        }
        fprintf(f, "%.*s", w, p);
        col += w;
        first = 0;
        p += w;
        while (*p == ' ')
            p++;
    }
}

void args_help(const args_command *c, FILE *f)
{
    enum { INDENT = 28 };
    fputs(c->synopsis, f);
    fputc('\n', f);
    for (int i = 0; i < O_COUNT; i++) {
        const S_option *o = &S_options[i];
        if (!(o->cmds & c->cmd)) continue;
        char left[96];
        int n = snprintf(left, sizeof left, "  %c%c%s--%s%s%s", o->letter ? '-' : ' ',
                         o->letter ? o->letter : ' ', o->letter ? ", " : "  ", o->name,
                         o->value ? " " : "", o->value ? o->value : "");
        fputs(left, f);
        int col = n;
        if (col < INDENT) {
            fprintf(f, "%*s", INDENT - col, "");
            col = INDENT;
        } else {
            fputs("  ", f);
            col += 2;
        }
        char help[320];
        if (o->dflt)
            snprintf(help, sizeof help, "%s (default %s)", o->help, o->dflt);
        else
            snprintf(help, sizeof help, "%s", o->help);
        S_wrap(f, help, col, INDENT);
        fputc('\n', f);
    }
    if (c->epilogue) {
        fputc('\n', f);
        fputs(c->epilogue, f);
    }
}

sens_opts args_sens_opts(const args_values *a)
{
    sens_opts o = {0};
    o.seed = a->seed;
    o.threads = a->threads;
    o.start = a->start;
    o.years = a->years;
    o.progress = !a->quiet && isatty(STDERR_FILENO);
    o.metric = a->metric;
    o.option = a->option;
    o.diff = a->diff;
    o.exhaustive = a->exhaustive;
    o.year = a->year;
    o.by_year = a->by_year;
    return o;
}
