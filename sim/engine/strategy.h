/* strategy.h — composing a switching strategy from the options of the same trajectory.
 *
 * A strategy (scenario/strategy_def.h) is not simulated hour by hour: after every option of
 * a trajectory has run, its result is put together from the options' own per-month ledgers
 * and series. With switch months s_1 < s_2 < ... (s_0 = 0, the option of segment k is the
 * `from` of step k + 1, the last segment's the last `to`):
 *   ledger[c][m] = ledger_{option of m}[c][m]                 for every category and value line
 *   month_down, month_overflow, month_lost_* likewise
 * plus, at each move from A to B at month s (docs/model.md §12):
 *   exit                at s: exit_cny
 *   double running      months s .. s + d - 1 (d = double_months, the last one in part): A's
 *                       running costs again (every category but hardware, salvage, exit,
 *                       migration_training and golive_delay)
 *   migration_training  at s: migration + training + trial_loss (default: B's own parameters)
 *   golive_delay        at s: golive_days x 12 V_{s-1} / 365.25 x B's golive_missed_share x
 *                       value per message, V_{s-1} = A's demanded messages of month s - 1
 *   salvage             at s: -A's month_residual[s] (its equipment sold at its residual value)
 *   hardware            at s: +B's month_residual[s] (B's equipment in service taken over at
 *                       its residual value; B's later replacements and salvage follow)
 * Metrics without a monthly series (messages_delayed, security_incidents, breaches,
 * depreciation) are the options' totals weighted by the months spent on each.
 * A step's month (when = month) and thresholds are sampled from the stream
 * "strategy"/<name>/<step>, so the options' numbers never change. A step fires at the
 * earliest one month after the previous; one that does not fire in the horizon has the
 * switch month `months`, and the steps after it do not fire either.
 * Nothing is allocated: the strategies' workspaces are sim_work.opt[nopt ..].
 */
#ifndef HS_STRATEGY_H
#define HS_STRATEGY_H

#include "engine.h"

/* Composes every strategy of the trajectory into w->opt[nopt + s] (ledger, month series,
 * the metrics without a series) and w->switch_month; the caller totals the ledger. */
void sim_strategies_compose(sim_work *w);

#endif
