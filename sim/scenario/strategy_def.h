/* strategy_def.h — switching strategies of a scenario (strategies.csv), as loaded.
 *
 * A strategy starts on one option and moves, step by step, to others: each
 * step is "move from option A to option B" at a month (a fixed number or a
 * SPEC, sampled per trajectory) or when a trigger first holds on A's own
 * results of the same trajectory. A move has its own costs (exit, double
 * running, migration, training, trial losses, go-live delay; the residual
 * value of A's equipment is sold). The engine composes a strategy from the
 * options' ledgers (engine/strategy.h); docs/model.md §12 has the equations,
 * docs/scenario.md the file.
 */
#ifndef HS_STRATEGY_DEF_H
#define HS_STRATEGY_DEF_H

#include <stddef.h>

#include "spec.h"

#define SCENARIO_MAX_STRATEGIES 8
#define STRATEGY_MAX_STEPS 4
#define STRATEGY_MAX_YEARS 50 /* the longest horizon (SIM_MAX_YEARS, engine/plan.h) */

/* The ways a step fires: X(id, unit of its value, default window in months, help). A trigger
 * is evaluated at the start of each month m on what is known then; the step fires in the
 * first month it holds. */
#define HS_STRATEGY_WHEN(X)                                                                        \
    X(month, "months", 0, "at the month given (months from the start: 42 = after 3.5 years)")      \
    X(downtime_hours, "hours", 12,                                                                 \
      "when the downtime of the last `window` months exceeds the value")                           \
    X(monthly_cost, "CNY", 1, "when last month's cost of the current option exceeds the value")    \
    X(volume_month, "messages", 1, "when last month's demanded messages exceed the value")         \
    X(upgrade_due, "CNY", 6,                                                                       \
      "when the upgrades charged in the next `window` months (this one included) exceed the "      \
      "value")

#define HS_X_WHEN_ENUM(id, unit, window, help) STRAT_WHEN_##id,
typedef enum { HS_STRATEGY_WHEN(HS_X_WHEN_ENUM) STRAT_WHEN_COUNT } strategy_when;

extern const char *const strategy_when_names[STRAT_WHEN_COUNT];
extern const char *const strategy_when_units[STRAT_WHEN_COUNT];
extern const int strategy_when_window[STRAT_WHEN_COUNT];

/* The costs of a move, each an optional SPEC (has_* = 0: the default the docs give):
 * X(id, column in strategies.csv, help). */
#define HS_STRATEGY_COSTS(X)                                                                       \
    X(exit, "exit_cny", "data export and contract termination on leaving the option")              \
    X(double_months, "double_months", "months both options run (notice, parallel run)")            \
    X(migration, "migration_cny", "migration of data and integrations")                            \
    X(training, "training_cny", "training of the staff on the new option")                         \
    X(trial_loss, "trial_loss_cny", "business lost in the trial period")                           \
    X(golive_days, "golive_days", "days from the move to the new option's go-live")

#define HS_X_SCOST_ENUM(id, col, help) STRAT_COST_##id,
typedef enum { HS_STRATEGY_COSTS(HS_X_SCOST_ENUM) STRAT_COST_COUNT } strategy_cost;

extern const char *const strategy_cost_columns[STRAT_COST_COUNT];

typedef struct {
    int from, to; /* option indexes */
    strategy_when when;
    spec value; /* the month (when = month) or the trigger's threshold */
    int window; /* months: the trigger's look-back or look-ahead */
    spec cost[STRAT_COST_COUNT];
    int has_cost[STRAT_COST_COUNT]; /* 0: the default */
    size_t line, col_value;         /* in strategies.csv, for messages */
} strategy_step;

typedef struct {
    char name[32];
    int nsteps;
    strategy_step step[STRATEGY_MAX_STEPS];
    size_t line; /* of its first step */
} scenario_strategy;

#endif
