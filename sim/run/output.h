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
    const char *sampling;      /* "plain" or "lhs" (NULL: plain) */
} output_info;

/* Opens and fills every output file into the set (committed by the caller). */
hs_status output_write_all(const aggregate *a, const output_info *info, outfile_set *set,
                           const char *dir, hs_error *e);

/* The command that writes a set, and the keys of its analysis (sweep, tornado, sobol), which
 * manifest.csv lists after stop_reason (docs/outputs.md, "Provenance"). */
typedef struct {
    const char *command;
    const char *const (*keys)[2]; /* {key, value} */
    int nkeys;
} output_analysis;

/* output_write_all for the base run of an analysis: its manifest names the command and keys. */
hs_status output_write_analysis(const aggregate *a, const output_info *info,
                                const output_analysis *an, outfile_set *set, const char *dir,
                                hs_error *e);
/* Writes sensitivity.csv (Spearman of each uncertain input with tco, tco_npv, downtime). */
hs_status output_write_sensitivity(const aggregate *a, outfile_set *set, const char *dir,
                                   hs_error *e);
/* Writes correlations.csv when the scenario declares correlations (corr_out.c): each pair's
 * asked rank correlation beside the Spearman of the sampled inputs. */
hs_status output_write_correlations(const aggregate *a, outfile_set *set, const char *dir,
                                    hs_error *e);
/* The human summary table. */
void output_print_summary(const aggregate *a, FILE *fp);

#endif
