/* output.h — the files of an output folder (docs/outputs.md) and the
 * summary printed to stdout. */
#ifndef HS_OUTPUT_H
#define HS_OUTPUT_H

#include <stdio.h>

#include "aggregate.h"

typedef struct {
    const char *scenario_dir;
    uint64_t seed, trajectories;
    int years;
    cal_date start;
    int threads;
    double wall_seconds;
    const char *stop_reason;
    const double *sample_days; /* [days][1 + 2 nopt] or NULL */
    const char *command;       /* the command that wrote the set; NULL: "run" */
    const char *const (*analysis)[2]; /* sweep/tornado/sobol: its keys and values, or NULL */
    int nanalysis;
} output_info;

/* Opens and fills every output file into the set (committed by the caller). */
hs_status output_write_all(const aggregate *a, const output_info *info, outfile_set *set,
                           const char *dir, hs_error *e);
/* Writes sensitivity.csv (Spearman of each uncertain input with tco, tco_npv, downtime). */
hs_status output_write_sensitivity(const aggregate *a, outfile_set *set, const char *dir,
                                   hs_error *e);
/* The human summary table. */
void output_print_summary(const aggregate *a, FILE *fp);

#endif
