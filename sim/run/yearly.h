/* yearly.h — results over time from one runner record: the value of a metric
 * in one year of the horizon, and the break-even month of a pair.
 *
 * Year k (1-based) is months 12(k-1) .. 12k-1 of the horizon (the plan's
 * month_year); a metric's value in year k is its increment over those months:
 *   tco      cum[12k-1] - cum[12(k-1)-1]           (cum: cumulative cost, cum[-1] = 0)
 *   value    the same on the cumulative value vcum
 *   net_cost tco - value of the year
 * Other metrics have no per-year value (yearly_has says which do).
 *
 * Break-even of A against B over cumulative series a, b (months M): the first
 * month m (1-based) from which A's cumulative amount stays at or below B's,
 *   m = min { m : a[j] <= b[j] for every j >= m - 1 }   (0-based j),
 * so m = 1 when A is never above B; 0 ("never") when a[M-1] > b[M-1].
 */
#ifndef HS_YEARLY_H
#define HS_YEARLY_H

#include "runner.h"

/* Whether metric met (MET_*) has a value per year. */
int yearly_has(int met);

/* The metrics with a value per year, as "tco, value, net_cost" (for messages). */
const char *yearly_metric_list(void);

/* Value of metric met (yearly_has) of option opt in year `year` (1 .. L->months / 12) of
 * record rec. */
double yearly_value(const runner_layout *L, const double *rec, int opt, int met, int year);

/* The cumulative series of metric met (MET_tco or MET_net_cost) of option opt at month m
 * (0-based) of record rec. */
double yearly_cum(const runner_layout *L, const double *rec, int opt, int met, int m);

/* Break-even month of option a against option b on metric met (MET_tco or MET_net_cost) in
 * record rec: 1 .. months, or 0 for never (see above). */
int yearly_breakeven(const runner_layout *L, const double *rec, int met, int a, int b);

#endif
