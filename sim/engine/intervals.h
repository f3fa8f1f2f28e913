/* intervals.h — event lists: intervals of hours on the horizon.
 *
 * A list grows by doubling, never shrinks, and is emptied by setting n = 0,
 * so once a worker's trajectories have reached their largest lists no call
 * allocates. Both calls can fail only for want of memory; their results
 * must be checked (the compiler enforces it).
 */
#ifndef HS_INTERVALS_H
#define HS_INTERVALS_H

#include "base/hs_error.h"

#ifdef __GNUC__
#define SIM_MUST_CHECK __attribute__((warn_unused_result))
#else
#define SIM_MUST_CHECK
#endif

typedef struct {
    double t0, t1; /* hours since the start of the horizon, t0 <= t1 */
    int kind;      /* model-defined tag */
} sim_interval;

typedef struct {
    sim_interval *v;
    int n, cap;
} sim_intervals;

/* Appends [t0, t1) (t0 <= t1, asserted). HS_ERR_RUNTIME (e set) when out of
 * memory; l is then unchanged. */
SIM_MUST_CHECK hs_status sim_intervals_push(sim_intervals *l, double t0, double t1, int kind,
                                            hs_error *e);

/* out = the union of in: sorted by start, overlapping or touching intervals
 * merged (out's kinds are those of each run's first interval). HS_ERR_RUNTIME
 * (e set) when out of memory; out is then empty. */
SIM_MUST_CHECK hs_status sim_intervals_union(const sim_intervals *in, sim_intervals *out,
                                             hs_error *e);

#endif
