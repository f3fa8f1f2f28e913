/* cmd_validate.c — `hostsim validate` and `hostsim params`. */
#include <csv.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scenario/param_slot.h"
#include "scenario/params_io.h"

static const char S_validate_usage[] =
    "usage: hostsim validate [DIR] [--set option.parameter=SPEC]...\n"
    "\n"
    "Loads the scenario folder DIR (default inputs/default), checks every file,\n"
    "applies the overrides and prints a one-line summary. Exit code 0 when the\n"
    "scenario is valid, 2 with a message naming file:line:column when it is not.\n"
    "\n"
    "  -s, --set option.parameter=SPEC   override a parameter (repeatable)\n"
    "  -h, --help                        this help\n";

static const char S_params_usage[] =
    "usage: hostsim params [DIR] [--csv] [--set option.parameter=SPEC]...\n"
    "\n"
    "Lists every parameter of the scenario DIR (default inputs/default): option,\n"
    "parameter, SPEC and unit as written, the mean of the SPEC in the parameter's\n"
    "canonical unit, and the source. Parameters the scenario leaves out are shown\n"
    "with their built-in default.\n"
    "\n"
    "      --csv                         CSV instead of an aligned table\n"
    "  -s, --set option.parameter=SPEC   override a parameter (repeatable)\n"
    "  -h, --help                        this help\n";

typedef struct {
    const char *dir;
    char *sets[CLI_MAX_SETS];
    int nsets;
    int csv;
} S_args;

/* Parses the arguments; options may come before or after DIR. Returns -1 to
 * go on, or an exit code (0 after --help, 2 on a usage error). */
static int S_parse(int argc, char **argv, S_args *a, const char *usage, int allow_csv)
{
    static const struct option longopts[] = {{"set", required_argument, NULL, 's'},
                                             {"scenario", required_argument, NULL, 'S'},
                                             {"csv", no_argument, NULL, 'c'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->dir = "inputs/default";
    int have_dir = 0;
    optind = 1;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, "+s:h", longopts, NULL);
        if (c == -1) {
            if (optind >= argc) break;
            /* a positional argument: the folder, then go on with the options */
            if (have_dir) {
                fprintf(stderr,
                        "hostsim %s: expected one scenario folder, got a second: '%s' (see "
                        "'hostsim %s --help')\n",
                        argv[0], argv[optind], argv[0]);
                return 2;
            }
            a->dir = argv[optind++];
            have_dir = 1;
            continue;
        }
        switch (c) {
        case 's':
            if (a->nsets == CLI_MAX_SETS) {
                fprintf(stderr, "hostsim %s: expected at most %d --set, got more\n", argv[0],
                        CLI_MAX_SETS);
                return 2;
            }
            a->sets[a->nsets++] = optarg;
            break;
        case 'S':
            if (have_dir) {
                fprintf(stderr, "hostsim %s: expected one scenario folder, got a second: '%s'\n",
                        argv[0], optarg);
                return 2;
            }
            a->dir = optarg;
            have_dir = 1;
            break;
        case 'c':
            if (!allow_csv) goto bad;
            a->csv = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        default:
        bad:
            if (optopt && strchr("s", optopt))
                fprintf(stderr,
                        "hostsim %s: option '%s' expects a value (see 'hostsim %s --help')\n",
                        argv[0], argv[optind - 1], argv[0]);
            else
                fprintf(stderr, "hostsim %s: unknown option '%s' (see 'hostsim %s --help')\n",
                        argv[0], argv[optind - 1], argv[0]);
            return 2;
        }
    }
    (void)usage;
    return -1;
}

int cmd_validate(int argc, char **argv)
{
    S_args a;
    int rc = S_parse(argc, argv, &a, S_validate_usage, 0);
    if (rc >= 0) return rc;
    hs_error e = {0};
    scenario *sc = scenario_open(a.dir, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    cal_date start = {2027, 1, 1};
    if (scenario_check_horizon(sc, start, 5, &e) != HS_OK) {
        scenario_free(sc);
        return cli_fail(&e);
    }
    int uncertain = 0, given = 0;
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        given += v->present;
        uncertain += !spec_is_const(&v->s);
    }
    int assets = 0;
    for (int o = 0; o < sc->nopt; o++)
        assets += sc->opt[o].nassets;
    printf("%s: valid: %d options (", a.dir, sc->nopt);
    for (int o = 0; o < sc->nopt; o++)
        printf("%s%s", o ? ", " : "", sc->opt[o].name);
    printf("), %d parameters given (%d uncertain), %d peak windows, %d asset items\n", given,
           uncertain, sc->npeaks, assets);
    scenario_free(sc);
    return 0;
}

int cmd_params(int argc, char **argv)
{
    S_args a;
    int rc = S_parse(argc, argv, &a, S_params_usage, 1);
    if (rc >= 0) return rc;
    hs_error e = {0};
    scenario *sc = scenario_open(a.dir, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    if (a.csv)
        params_io_write_csv(sc, stdout);
    else
        params_io_write_table(sc, stdout);
    scenario_free(sc);
    return fflush(stdout) == 0 ? 0 : 1;
}
