/* timeagg.h — results over time, kept across trajectories (docs/outputs.md: yearly.csv,
 * monthly_costs.csv, breakeven.csv; docs/model.md §15).
 *
 * Fed the runner's records in trajectory order (by aggregate_consume), for every result (the
 * options, then the strategies):
 *   - per year and metric (yearly_metric): exact mean
 *     and sd (Welford) and a loghist histogram for the quantiles (within 0.1 %, loghist.h);
 *   - per month and cost category: the exact mean of the month's cost (no quantiles: a
 *     histogram per month and category would be 22 x 12Y per result);
 *   - per ordered pair of results and compared metric (tco, net_cost): the count of
 *     trajectories whose break-even month (yearly_breakeven) is m, for m = 1 .. months, and
 *     of those that never break even.
 * Memory is bounded by the number of results, years and months, never by the trajectories.
 */
#ifndef HS_TIMEAGG_H
#define HS_TIMEAGG_H

#include <stdint.h>

#include "loghist.h"
#include "runner.h"
#include "yearly.h"

/* The compared metrics of breakeven.csv, as in compare.csv. */
#define TIMEAGG_NCMP 2

typedef struct timeagg {
    runner_layout L;
    int years;
    uint64_t n;
    double *mean, *m2; /* [nres][years][YEARLY_NMET] Welford */
    loghist *hist;     /* [nres][years][YEARLY_NMET] */
    double *cat_mean;  /* [nres][CAT_COUNT][months] mean cost of the month */
    uint64_t *be;      /* [TIMEAGG_NCMP][nres][nres][months + 1]: [0] never, [m] month m */
    double *scratch;   /* [YEARLY_NMET]: one year's values while consuming */
} timeagg;

/* NULL when out of memory (e set). */
timeagg *timeagg_new(const runner_layout *L, hs_error *e);
void timeagg_free(timeagg *t);
void timeagg_consume(timeagg *t, const double *rec);

/* MET_* of the k-th compared metric (k < TIMEAGG_NCMP). */
int timeagg_compared(int k);

#endif
