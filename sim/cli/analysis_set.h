/* analysis_set.h — what sweep, tornado and sobol write besides their own result file: the
 * files of their base run (summary.csv, compare.csv, monthly.csv, the chart data, params.csv,
 * sensitivity.csv) and a manifest.csv that names the command and its analysis (docs/outputs.md,
 * "Provenance"). Their folder is then a complete set of its own, with one provenance: the
 * output contract holds on it, and plot and report label every result with its own N, seed and
 * overrides. */
#ifndef HS_ANALYSIS_SET_H
#define HS_ANALYSIS_SET_H

#include "args.h"
#include "run/aggregate.h"

/* The analysis keys of manifest.csv, in their order; a command leaves empty those it has no
 * value for. */
typedef enum {
    AS_TARGET,
    AS_INPUTS,
    AS_PARAM,
    AS_VALUES,
    AS_PARAM2,
    AS_VALUES2,
    AS_SAMPLES,
    AS_RUNS,
    AS_TRAJ_PER_RUN,
    AS_NKEYS
} analysis_key;

typedef struct {
    char value[AS_NKEYS][512];
} analysis_keys;

void analysis_keys_set(analysis_keys *k, analysis_key key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Opens into set (in a->out, created) the files of the base run `base` and manifest.csv for
 * command `command` with keys k; the caller adds its result files and commits the set. */
hs_status analysis_set_open(const args_values *a, const char *command, const aggregate *base,
                            double wall_seconds, const analysis_keys *k, outfile_set *set,
                            hs_error *e);

#endif
