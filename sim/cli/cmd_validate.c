/* cmd_validate.c — `hostsim validate` and `hostsim params`. */
#include <stdio.h>

#include "args.h"
#include "cli.h"
#include "scenario/param_slot.h"
#include "scenario/params_io.h"
#include "scenario/warnings.h"

static const args_command S_validate = {
    "validate", ARGS_VALIDATE, ARGS_POS_SCENARIO,
    "usage: hostsim validate [DIR] [--set option.parameter=SPEC]...\n"
    "\n"
    "Loads the scenario folder DIR (default inputs/default), checks every file,\n"
    "applies the overrides and prints a one-line summary. Exit code 0 when the\n"
    "scenario is valid, 2 with a message naming file:line:column when it is not.\n",
    NULL};

static const args_command S_params = {
    "params", ARGS_PARAMS, ARGS_POS_SCENARIO,
    "usage: hostsim params [DIR] [--csv] [--set option.parameter=SPEC]...\n"
    "\n"
    "Lists every parameter of the scenario DIR (default inputs/default): option,\n"
    "parameter, SPEC and unit as written, the mean of the SPEC in the parameter's\n"
    "canonical unit, and the source. Parameters the scenario leaves out are shown\n"
    "with their built-in default.\n",
    NULL};

int cmd_validate(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_validate, &a);
    if (rc >= 0) return rc;
    hs_error e = {0};
    scenario *sc = scenario_open(a.scenario, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    /* the horizon a run with the default --start and --years would simulate */
    args_values run;
    args_defaults(ARGS_RUN, &run);
    if (scenario_check_horizon(sc, run.start, run.years, &e) != HS_OK) {
        scenario_free(sc);
        return cli_fail(&e);
    }
    warnings_print(sc, a.sets, a.nsets, run.start, run.years, stderr);
    int uncertain = 0, given = 0;
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        given += v->present;
        uncertain += !spec_is_const(&v->s);
    }
    int assets = 0, tiers = 0;
    for (int o = 0; o < sc->nopt; o++)
        assets += sc->opt[o].nassets, tiers += sc->opt[o].ntiers;
    printf("%s: valid: %d options (", a.scenario, sc->nopt);
    for (int o = 0; o < sc->nopt; o++)
        printf("%s%s", o ? ", " : "", sc->opt[o].name);
    printf("), %d parameters given (%d uncertain), %d peak windows, %d asset items, %d plan "
           "tiers\n",
           given, uncertain, sc->npeaks, assets, tiers);
    scenario_free(sc);
    return 0;
}

int cmd_params(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_params, &a);
    if (rc >= 0) return rc;
    hs_error e = {0};
    scenario *sc = scenario_open(a.scenario, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    if (a.csv)
        params_io_write_csv(sc, stdout);
    else
        params_io_write_table(sc, stdout);
    scenario_free(sc);
    return fflush(stdout) == 0 ? 0 : 1;
}
