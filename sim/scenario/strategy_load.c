/* strategy_load.c — the rows of strategies.csv (see strategy_def.h, docs/scenario.md).
 *
 * One row per step, a strategy's steps on consecutive rows numbered 1, 2, ...; each step's
 * `from` is the option the previous step moved to. Every check names the file, line and
 * column and repeats the offending text.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "csvin.h"
#include "scenario.h"
#include "strategy_load.h"

#define HS_X_WHEN_NAME(id, unit, window, help) #id,
#define HS_X_WHEN_UNIT(id, unit, window, help) unit,
#define HS_X_WHEN_WINDOW(id, unit, window, help) window,
#define HS_X_SCOST_COL(id, col, help) col,
const char *const strategy_when_names[STRAT_WHEN_COUNT] = {HS_STRATEGY_WHEN(HS_X_WHEN_NAME)};
const char *const strategy_when_units[STRAT_WHEN_COUNT] = {HS_STRATEGY_WHEN(HS_X_WHEN_UNIT)};
const int strategy_when_window[STRAT_WHEN_COUNT] = {HS_STRATEGY_WHEN(HS_X_WHEN_WINDOW)};
const char *const strategy_cost_columns[STRAT_COST_COUNT] = {HS_STRATEGY_COSTS(HS_X_SCOST_COL)};

/* The upper bound of each move cost's support (CNY, months or days). */
static const double S_cost_max[STRAT_COST_COUNT] = {1e9, 60, 1e9, 1e9, 1e9, 365};

const char *const strategy_columns[STRATEGY_NCOLS] = {
    "strategy",      "step",          "from",         "to",
    "when",          "value",         "window",       "exit_cny",
    "double_months", "migration_cny", "training_cny", "trial_loss_cny",
    "golive_days",   "source"};

enum { C_NAME, C_STEP, C_FROM, C_TO, C_WHEN, C_VALUE, C_WINDOW, C_COST0 };

static int S_name_ok(const char *s)
{
    if (!islower((unsigned char)s[0])) return 0;
    for (const char *p = s; *p; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_') return 0;
    return strlen(s) < sizeof((scenario_strategy *)0)->name;
}

static hs_status S_option(const scenario *sc, const csvin_row *row, int f, int *out, hs_error *e)
{
    const char *t = row->field[f];
    *out = scenario_option_index(sc, t);
    if (*out >= 0) return HS_OK;
    const char *names[SCENARIO_MAX_OPTIONS];
    for (int i = 0; i < sc->nopt; i++)
        names[i] = sc->opt[i].name;
    const char *s = suggest_closest(t, names, (size_t)sc->nopt);
    if (s) return csvin_error(e, row, f, "unknown option '%s' (did you mean '%s'?)", t, s);
    return csvin_error(e, row, f,
                       "unknown option '%s': expected an option that params.csv declares", t);
}

/* A SPEC of field f whose support lies in [lo, hi]. */
static hs_status S_spec(const csvin_row *row, int f, double lo, double hi, const char *what,
                        spec *out, hs_error *e)
{
    char msg[512];
    int col;
    if (spec_parse(row->field[f], out, &col, msg, sizeof msg) != 0)
        return csvin_error_at(e, row->path, row->fline[f], row->fcol[f] + (size_t)col, row->text,
                              row->text_len, "%s: %s", strategy_columns[f], msg);
    double a, b;
    if (spec_truncate(out, lo, hi) != 0)
        return csvin_error(e, row, f, "expected %s from %g to %g, got '%s'", what, lo, hi,
                           row->field[f]);
    spec_support(out, &a, &b);
    if (a < lo || b > hi)
        return csvin_error(e, row, f, "expected %s from %g to %g, got '%s'", what, lo, hi,
                           row->field[f]);
    return HS_OK;
}

hs_status strategy_row(scenario *sc, const csvin_row *row, hs_error *e)
{
    const char *name = row->field[C_NAME];
    if (!S_name_ok(name))
        return csvin_error(e, row, C_NAME,
                           "expected a strategy name of lower-case letters, digits and '_', "
                           "starting with a letter, at most 31 characters, got '%s'",
                           name);
    if (scenario_option_index(sc, name) >= 0)
        return csvin_error(e, row, C_NAME,
                           "expected a strategy name that is not an option's, got '%s' (results "
                           "name options and strategies alike)",
                           name);
    scenario_strategy *st = sc->nstrat ? &sc->strat[sc->nstrat - 1] : NULL;
    const int same = st && strcmp(st->name, name) == 0;
    if (!same)
        for (int i = 0; i < sc->nstrat; i++)
            if (strcmp(sc->strat[i].name, name) == 0)
                return csvin_error(e, row, C_NAME,
                                   "expected the steps of strategy '%s' on consecutive rows, got "
                                   "it again after another strategy (first on line %zu)",
                                   name, sc->strat[i].line);
    const int want = same ? st->nsteps + 1 : 1;
    char num[16];
    snprintf(num, sizeof num, "%d", want);
    if (strcmp(row->field[C_STEP], num) != 0)
        return csvin_error(e, row, C_STEP, "expected step %d of strategy '%s', got '%s'", want,
                           name, row->field[C_STEP]);
    if (want > STRATEGY_MAX_STEPS)
        return csvin_error(e, row, C_STEP, "expected at most %d steps in a strategy, got '%s'",
                           STRATEGY_MAX_STEPS, row->field[C_STEP]);
    if (!same && sc->nstrat == SCENARIO_MAX_STRATEGIES)
        return csvin_error(e, row, C_NAME, "expected at most %d strategies, got another: '%s'",
                           SCENARIO_MAX_STRATEGIES, name);
    strategy_step s;
    memset(&s, 0, sizeof s);
    HS_FORWARD(S_option(sc, row, C_FROM, &s.from, e));
    HS_FORWARD(S_option(sc, row, C_TO, &s.to, e));
    if (same && s.from != st->step[st->nsteps - 1].to)
        return csvin_error(e, row, C_FROM,
                           "expected step %d to start on '%s', where step %d moved, got '%s'", want,
                           sc->opt[st->step[st->nsteps - 1].to].name, want - 1, row->field[C_FROM]);
    if (s.to == s.from)
        return csvin_error(e, row, C_TO,
                           "expected a move to another option, got a move from '%s' to itself",
                           row->field[C_TO]);
    int w = 0;
    while (w < STRAT_WHEN_COUNT && strcmp(row->field[C_WHEN], strategy_when_names[w]) != 0)
        w++;
    if (w == STRAT_WHEN_COUNT) {
        const char *sg =
            suggest_closest(row->field[C_WHEN], strategy_when_names, (size_t)STRAT_WHEN_COUNT);
        return csvin_error(e, row, C_WHEN,
                           "expected when = month, downtime_hours, monthly_cost, volume_month or "
                           "upgrade_due, got '%s'%s%s%s",
                           row->field[C_WHEN], sg ? " (did you mean '" : "", sg ? sg : "",
                           sg ? "'?)" : "");
    }
    s.when = (strategy_when)w;
    if (s.when == STRAT_WHEN_month)
        /* a month past a run's horizon is a step that does not fire in that run, as a dated
         * peak window past it does not occur: the bound is the longest horizon's last month */
        HS_FORWARD(S_spec(row, C_VALUE, 1, 12.0 * STRATEGY_MAX_YEARS - 1,
                          "a month (months from the start)", &s.value, e));
    else
        HS_FORWARD(S_spec(row, C_VALUE, 0, 1e15, "a threshold", &s.value, e));
    s.col_value = row->fcol[C_VALUE];
    if (same && s.when == STRAT_WHEN_month && st->step[st->nsteps - 1].when == STRAT_WHEN_month &&
        spec_is_const(&s.value) && spec_is_const(&st->step[st->nsteps - 1].value) &&
        !(s.value.a > st->step[st->nsteps - 1].value.a))
        return csvin_error(e, row, C_VALUE, "expected a month after step %d's (%g), got '%s'",
                           want - 1, st->step[st->nsteps - 1].value.a, row->field[C_VALUE]);
    s.window = strategy_when_window[s.when];
    if (row->field[C_WINDOW][0]) {
        char *end;
        long v = strtol(row->field[C_WINDOW], &end, 10);
        if (s.when == STRAT_WHEN_month)
            return csvin_error(e, row, C_WINDOW,
                               "expected an empty window for when = month, got '%s'",
                               row->field[C_WINDOW]);
        if (*end || end == row->field[C_WINDOW] || v < 1 || v > 120)
            return csvin_error(e, row, C_WINDOW,
                               "expected a whole number of months from 1 to 120, "
                               "got '%s'",
                               row->field[C_WINDOW]);
        s.window = (int)v;
    }
    for (int c = 0; c < STRAT_COST_COUNT; c++) {
        if (!row->field[C_COST0 + c][0]) continue;
        s.has_cost[c] = 1;
        HS_FORWARD(
            S_spec(row, C_COST0 + c, 0, S_cost_max[c], strategy_cost_columns[c], &s.cost[c], e));
    }
    s.line = row->line;
    if (!same) {
        st = &sc->strat[sc->nstrat++];
        memset(st, 0, sizeof *st);
        snprintf(st->name, sizeof st->name, "%s", name);
        st->line = row->line;
    }
    st->step[st->nsteps++] = s;
    return HS_OK;
}
