/* strategy_load.h — reading strategies.csv's rows (strategy_load.c; the types: strategy_def.h). */
#ifndef HS_STRATEGY_LOAD_H
#define HS_STRATEGY_LOAD_H

#include "csvin.h"
#include "scenario.h"

#define STRATEGY_NCOLS 14
/* strategy,step,from,to,when,value,window,exit_cny,double_months,migration_cny,training_cny,
 * trial_loss_cny,golive_days,source */
extern const char *const strategy_columns[STRATEGY_NCOLS];

/* One data row (the header and the column count already checked): a step of sc's last
 * strategy, or the first of a new one. HS_ERR_INPUT with file:line:col on any problem. */
hs_status strategy_row(scenario *sc, const csvin_row *row, hs_error *e);

#endif
