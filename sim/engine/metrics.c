/* metrics.c — the metrics table, generated from metrics.h. */
#include "metrics.h"

#include <string.h>

#define HS_X_MET_DEF(id, unit, keep) {#id, unit, keep},
#define HS_X_MET_COST_DEF(id, help) {"cost." #id, "CNY", MET_KEEP_HIST},
#define HS_X_MET_VALUE_DEF(id, help) {"value." #id, "CNY", MET_KEEP_HIST},

const metric_def metrics_defs[MET_COUNT] = {
    HS_METRICS(HS_X_MET_DEF, HS_X_MET_COST_DEF, HS_X_MET_VALUE_DEF)};

int metrics_find(const char *name)
{
    for (int m = 0; m < MET_COUNT; m++)
        if (strcmp(name, metrics_defs[m].name) == 0) return m;
    return -1;
}
