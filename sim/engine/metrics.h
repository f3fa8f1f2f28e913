/* metrics.h — every per-trajectory result of an option, in one table.
 *
 * X(id, unit, keep) for each core metric, then C(category, help) for each
 * ledger category (HS_LEDGER_CATEGORIES, ledger.h), which becomes the metric
 * "cost.<category>" in CNY, kept as a histogram, then V(line, help) for each
 * value line (HS_LEDGER_VALUES), the metric "value.<line>", kept the same
 * way. The name of a metric in summary.csv, trajectories.csv and --metric is
 * #id (or "cost." #category, "value." #line);
 * the row order is the order of opt_work.met[], of summary.csv's rows for an
 * option and of trajectories.csv's metric columns. `keep` says how
 * aggregate.c keeps the values across trajectories:
 *   MET_KEEP_DOUBLE  every value, as a double (exact quantiles, paired comparisons)
 *   MET_KEEP_FLOAT   every value, as a float (relative precision 6e-8)
 *   MET_KEEP_HIST    a relative-width histogram (loghist.h: quantiles within 0.1 %)
 * Means and standard deviations are exact for every metric. Adding a metric is
 * one X row here, and the model that fills o->met[MET_id]; docs/outputs.md
 * lists them.
 */
#ifndef HS_METRICS_H
#define HS_METRICS_H

#include "ledger.h"

#define HS_METRICS(X, C, V)                                                                        \
    X(tco, "CNY", MET_KEEP_DOUBLE)                                                                 \
    X(tco_npv, "CNY", MET_KEEP_FLOAT)                                                              \
    X(net_cost, "CNY", MET_KEEP_DOUBLE)                                                            \
    X(value, "CNY", MET_KEEP_FLOAT)                                                                \
    X(downtime_hours, "hours", MET_KEEP_FLOAT)                                                     \
    X(downtime_hours_per_year, "hours/year", MET_KEEP_FLOAT)                                       \
    X(availability, "share", MET_KEEP_FLOAT)                                                       \
    X(messages_lost, "messages", MET_KEEP_FLOAT)                                                   \
    X(messages_delayed, "messages", MET_KEEP_FLOAT)                                                \
    X(overflow_hours, "hours", MET_KEEP_FLOAT)                                                     \
    X(security_incidents, "count", MET_KEEP_FLOAT)                                                 \
    X(breaches, "count", MET_KEEP_FLOAT)                                                           \
    X(depreciation, "CNY", MET_KEEP_FLOAT)                                                         \
    HS_LEDGER_CATEGORIES(C)                                                                        \
    HS_LEDGER_VALUES(V)

typedef enum { MET_KEEP_DOUBLE, MET_KEEP_FLOAT, MET_KEEP_HIST } metric_keep;

#define HS_X_MET_ENUM(id, unit, keep) MET_##id,
#define HS_X_MET_COST_ENUM(id, help) MET_cost_##id,
#define HS_X_MET_VALUE_ENUM(id, help) MET_value_##id,
enum { HS_METRICS(HS_X_MET_ENUM, HS_X_MET_COST_ENUM, HS_X_MET_VALUE_ENUM) MET_COUNT };

/* The metric of value line v (the value rows close the table) and of ledger
 * category c (the cost rows come just before them). */
#define MET_VALUE(v) ((int)MET_COUNT - (int)VAL_COUNT + (int)(v))
#define MET_COST(c) (MET_VALUE(0) - (int)CAT_COUNT + (int)(c))

typedef struct {
    const char *name; /* as in summary.csv: "tco", "cost.it_labour", "value.conversion" */
    const char *unit; /* summary.csv's unit column */
    metric_keep keep;
} metric_def;

extern const metric_def metrics_defs[MET_COUNT];

/* MET_* index of a metric name ("tco", "downtime_hours", "cost.it_labour",
 * "value.conversion"), or -1. */
int metrics_find(const char *name);

#endif
