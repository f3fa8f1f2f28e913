/* yearly.h — results over time from one runner record: the value of a metric
 * in one year of the horizon, and the break-even month of a pair.
 *
 * Year k (1-based) is months 12(k-1) .. 12k-1 of the horizon (the plan's
 * month_year); a metric's value in year k is its sum over those months:
 *   cost.<c>        sum of the category's monthly amounts (the record's cat block)
 *   tco             sum over categories of the above
 *   value           vcum[12k-1] - vcum[12(k-1)-1]     (cumulative value, vcum[-1] = 0)
 *   net_cost        tco - value of the year
 *   downtime_hours  sum of the monthly downtime hours (the record's down block)
 * A year's value depends only on its own months, so an amount charged in year 1 leaves the
 * later years' values exactly unchanged. Other metrics have no per-year value (yearly_has).
 *
 * Break-even of A against B over cumulative series a, b (months M): the first
 * month m (1-based) from which A's cumulative amount stays at or below B's,
 *   m = min { m : a[j] <= b[j] for every j >= m - 1 }   (0-based j),
 * so m = 1 when A is never above B; 0 ("never") when a[M-1] > b[M-1].
 */
#ifndef HS_YEARLY_H
#define HS_YEARLY_H

#include "runner.h"

/* The metrics with a value per year: YEARLY_NMET of them, tco, value, net_cost,
 * downtime_hours, then cost.<category> in ledger order; yearly_metric(k) is the MET_* of the
 * k-th. */
#define YEARLY_NMET (4 + CAT_COUNT)
int yearly_metric(int k);

/* Whether metric met (MET_*) has a value per year. */
int yearly_has(int met);

/* The metrics with a value per year, as "tco, value, ..." (for messages). */
const char *yearly_metric_list(void);

/* The values of every metric with a value per year (yearly_metric order) of result res in
 * year `year` (1 .. L->months / 12) of record rec, into v[YEARLY_NMET]. */
void yearly_values(const runner_layout *L, const double *rec, int res, int year, double *v);
/* One of them: metric met (yearly_has). */
double yearly_value(const runner_layout *L, const double *rec, int res, int met, int year);

/* The cumulative series of metric met (MET_tco or MET_net_cost) of option opt at month m
 * (0-based) of record rec. */
double yearly_cum(const runner_layout *L, const double *rec, int opt, int met, int m);

/* Break-even month of option a against option b on metric met (MET_tco or MET_net_cost) in
 * record rec: 1 .. months, or 0 for never (see above). */
int yearly_breakeven(const runner_layout *L, const double *rec, int met, int a, int b);

#endif
