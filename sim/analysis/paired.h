/* paired.h — two scenarios run on the same trajectories: the paired differences of each
 * option both have (hostsim compare).
 *
 * Both aggregates come from runs with the same seed and trajectory indices, so trajectory k
 * of each drew from the same keyed streams for every option, parameter and process the two
 * scenarios share (docs/random-streams.md): the difference A - B of an option's metric in
 * trajectory k is what the scenarios' differences make of it, not independent noise.
 */
#ifndef HS_PAIRED_H
#define HS_PAIRED_H

#include "run/aggregate.h"

/* Writes scenario_diff.csv into the set: per option of a (by name) that b also has, and per
 * metric (tco, net_cost), the distribution of a - b over the trajectories and P(a < b).
 * HS_ERR_INPUT when the two have no option in common or different trajectory counts. */
hs_status paired_write(const aggregate *a, const aggregate *b, outfile_set *set, const char *dir,
                       hs_error *e);

/* The printed table: median and mean of a - b in tco per common option, P(a cheaper). */
void paired_print(const aggregate *a, const aggregate *b, FILE *fp);

#endif
