/* scenario.h — a scenario: a folder of CSV files, loaded and validated.
 *
 * Files (docs/scenario.md describes each column):
 *   params.csv    option,parameter,value,unit,source         (required)
 *   profile.csv   weekday,hour,weight                         (optional: flat week)
 *   calendar.csv  name,start,end,multiplier,source            (optional: no peaks)
 *   assets.csv    option,item,unit_cost_cny,count,life_years,residual_3y,source (optional)
 *   plans.csv     option,tier,fee_cny_month,included_messages,capacity_rps,seats_included,source
 *                 (optional: an option with tiers takes its plan from them, not from its
 *                 plan_fee, plan_quota, capacity_rps and seats_included)
 *   strategies.csv strategy,step,from,to,when,value,window,exit_cny,double_months,
 *                 migration_cny,training_cny,trial_loss_cny,golive_days,source
 *                 (optional: no strategies; strategy_def.h)
 *   options.csv   option,label,variant_of,source                (optional: labels from the
 *                 names, no variants; options.h)
 *   correlations.csv parameter_a,parameter_b,rank_correlation,source (optional: independent
 *                 inputs; correlations.h)
 * A new file is one more entry in the loader's table (scenario.c, S_files).
 * A file `extends` names a base scenario whose rows this one overrides (extends.h).
 *
 * Life cycle: scenario_load reads and checks every file; scenario_set applies
 * command-line overrides; scenario_finalize fills defaults, lists every
 * missing required parameter, converts units and checks bounds. The
 * finalized scenario is read-only: runs only read it.
 */
#ifndef HS_SCENARIO_H
#define HS_SCENARIO_H

#include <stdint.h>

#include "base/calendar.h"
#include "base/hs_error.h"
#include "params.h"
#include "spec.h"
#include "strategy_def.h"

#define SCENARIO_MAX_OPTIONS 16
#define SCENARIO_NAME_MAX 32
#define SCENARIO_LABEL_MAX 64 /* an option's label (options.csv), NUL included */
#define SCENARIO_MAX_TIERS 16
/* The bounds of an item of assets.csv, as param_list.h bounds a parameter: unit_cost_cny in
 * [0, SCENARIO_ASSET_COST_MAX], count 0..10,000, life_years [0.1, 50], residual_3y [0, 1]. */
#define SCENARIO_ASSET_COST_MAX 1e9
/* The longest SPEC text, NUL included: a discrete() of SPEC_DISCRETE_MAX values written to 17
 * digits fits; a longer one is an input error, never cut short in the output files. */
#define SCENARIO_SPEC_MAX 1024
/* The longest source text of a params.csv row, NUL included: a longer one is an input error,
 * never cut short in params.csv, `hostsim params` or the report. */
#define SCENARIO_SOURCE_MAX 2048

typedef struct {
    spec s;                       /* canonical unit once finalized */
    int present;                  /* given by a file or --set (else the table default) */
    char text[SCENARIO_SPEC_MAX]; /* the SPEC as written */
    char unit[32];                /* the unit as written */
    char source[SCENARIO_SOURCE_MAX];
    char origin[64];  /* "params.csv:12" (a base's row: "default/params.csv:12"), "--set",
                         "default" */
    const char *file; /* for messages; NULL for --set / default */
    const char *dir;  /* the scenario folder of its row (the scenario's or a base's); NULL for
                         --set / default */
    size_t line, col_value, col_unit;
} param_value;

typedef struct {
    char name[64];
    int recurring;       /* MM-DD window, every year */
    cal_date start, end; /* inclusive; recurring windows may wrap the year end */
    double multiplier;
    size_t line;
    size_t col; /* column of the start date in calendar.csv (for messages) */
} peak_window;

typedef struct {
    char item[64];
    spec unit_cost; /* CNY */
    int count;
    double life_years;
    double residual_3y; /* share of cost left after 36 months */
    size_t line;
    const char *dir; /* the scenario folder of its row (extends.h) */
} asset_item;

/* A plan tier of plans.csv: an option's tiers are in increasing order of
 * included messages, with capacity that never falls (the loader checks). */
typedef struct {
    char name[SCENARIO_NAME_MAX];
    spec fee;              /* CNY/month, sampled per trajectory */
    double quota;          /* messages/month included */
    double capacity_rps;   /* req/s, before elastic_factor */
    double seats_included; /* seats */
    size_t line;
} plan_tier;

typedef struct {
    char name[SCENARIO_NAME_MAX];
    param_value p[PO_COUNT];
    asset_item *assets;
    int nassets;
    plan_tier tiers[SCENARIO_MAX_TIERS]; /* plans.csv; none: the plan is the parameters */
    int ntiers;
    size_t first_line;
    char label[SCENARIO_LABEL_MAX];     /* options.csv, else the name made readable (finalize) */
    char variant_of[SCENARIO_NAME_MAX]; /* options.csv: the option whose streams it shares */
    size_t options_line;                /* its options.csv row, or 0 */
} scenario_option;

/* The most scenarios a scenario extends (through its file `extends`, extends.h). */
#define SCENARIO_MAX_BASES 7

typedef struct {
    char *dir;
    char name[64];
    char *base_dir[SCENARIO_MAX_BASES];         /* the scenarios it extends, the nearest first */
    uint64_t base_checksum[SCENARIO_MAX_BASES]; /* each folder's own, as its own run shows */
    int nbase;
    const char *calendar_dir; /* the folder whose calendar.csv was read (for messages) */
    param_value g[PG_COUNT];
    scenario_option opt[SCENARIO_MAX_OPTIONS];
    int nopt;
    double profile[7][24]; /* weekday (0 = Monday) x hour weights, sum 1 */
    peak_window *peaks;
    int npeaks;
    /* strategies.csv: results are the options, then the strategies (sim_result_name) */
    scenario_strategy strat[SCENARIO_MAX_STRATEGIES];
    int nstrat;
    uint64_t checksum;          /* FNV-1a 64 of the scenario's own files, in table order */
    char overrides[2048];       /* the --set assignments, ';'-separated */
    struct scenario_corr *corr; /* correlations.csv (correlations.h), or NULL without one */
    int finalized;
} scenario;

/* Loads DIR. NULL on failure, with e set (HS_ERR_INPUT for bad files). Caller frees. */
scenario *scenario_load(const char *dir, hs_error *e);
void scenario_free(scenario *sc);

/* Applies "option.parameter=SPEC[ unit]" (option may be "global"; blanks around the value are
 * dropped). Messages start "--set ASSIGNMENT: ". */
hs_status scenario_set(scenario *sc, const char *assignment, hs_error *e);
/* The same for another option of the command line: messages start "LABEL: " (e.g. "--param
 * global.volume_month (at 5000)"), and the value's origin is LABEL's first word. */
hs_status scenario_set_as(scenario *sc, const char *assignment, const char *label, hs_error *e);

/* Defaults, missing required parameters, units, bounds. */
hs_status scenario_finalize(scenario *sc, hs_error *e);

/* Checks dated peak windows against a run's horizon [start, start + years). */
hs_status scenario_check_horizon(const scenario *sc, cal_date start, int years, hs_error *e);

/* Index of an option by name, or -1. */
int scenario_option_index(const scenario *sc, const char *name);

/* Loads DIR, applies the --set list (each "option.parameter=SPEC"), finalizes.
 * NULL on error (e set); caller frees with scenario_free. */
scenario *scenario_open(const char *dir, char **sets, int nsets, hs_error *e);
/* The same, with LABELS[i] (NULL: "--set") naming where sets[i] came from (scenario_set_as);
 * LABELS may be NULL. */
scenario *scenario_open_as(const char *dir, char **sets, const char *const *labels, int nsets,
                           hs_error *e);

#endif
