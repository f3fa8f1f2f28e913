/* plans.c — the plan an option is on, month by month: its tiers of
 * plans.csv and the buyer's rule for moving between them.
 *
 * An option without tiers is on its own plan every month: plan_fee,
 * plan_quota, capacity_rps, seats_included (o->p). An option with tiers k
 * (fee f_k sampled per trajectory, quota Q_k, capacity c_k req/s, seats)
 * is on one tier a month. With x = overage_fee, the bill of a month of S
 * messages on tier k is
 *   b_k(S) = f_k + max(0, S - Q_k) x
 * (message_fee and price escalation are the same on every tier and do not
 * change the choice). The tier's hourly capacity is that of capacity.c:
 *   C_k = c_k x elastic_factor x 3600 / (req_per_message x burst_factor).
 * The buyer's rule (docs/model.md, "Plan tiers"):
 *   month 0:     the tier with the lowest b_k(V), V = volume_month (the
 *                volume the buyer expects);
 *   month m + 1: over the window J of the last W = plan_review_months
 *                months (m - W + 1 .. m, from month 0), with S_j the
 *                messages demanded and P_j the busiest hour's demand in
 *                month j: among the tiers whose C_k carries max_J P_j (if
 *                none: the top tier), the one with the lowest sum over J of
 *                b_k(S_j); the current tier unless another is strictly
 *                cheaper, the lower of two equally cheap others.
 * Up or down: the study has plans resized at any time; the window keeps a
 * one-month peak (Double 11) from moving the plan by itself.
 * Per month, not per hour: O(W x tiers) a month. Reads the demand's monthly
 * totals and peaks (traffic); writes o->month_terms for capacity and costs.
 * Stream: "plans"/<option> (the tiers' fees, in file order), drawn only for
 * an option with tiers.
 */
#include <math.h>

#include "base/units.h"
#include "engine/engine.h"
#include "models.h"

double plans_bill(double fee, double quota, double overage, double messages)
{
    return fee + (messages > quota ? (messages - quota) * overage : 0);
}

int plans_first_tier(const plans_menu *mu, double volume)
{
    int best = 0;
    for (int k = 1; k < mu->n; k++)
        if (plans_bill(mu->fee[k], mu->quota[k], mu->overage, volume) <
            plans_bill(mu->fee[best], mu->quota[best], mu->overage, volume))
            best = k;
    return best;
}

int plans_next_tier(const plans_menu *mu, int current, const double *messages, const double *peak,
                    int nmonths)
{
    double need = 0, cost[SCENARIO_MAX_TIERS] = {0};
    for (int j = 0; j < nmonths; j++)
        if (peak[j] > need) need = peak[j];
    int first = mu->n - 1; /* the lowest tier that carries the busiest hour, else the top */
    for (int k = mu->n - 1; k >= 0; k--)
        if (mu->cap[k] >= need) first = k;
    for (int k = first; k < mu->n; k++) {
        cost[k] = 0;
        for (int j = 0; j < nmonths; j++)
            cost[k] += plans_bill(mu->fee[k], mu->quota[k], mu->overage, messages[j]);
    }
    int best = current >= first ? current : first;
    for (int k = first; k < mu->n; k++)
        if (cost[k] < cost[best]) best = k;
    return best;
}

static hs_status S_plans(sim_work *w, opt_work *o, hs_error *e)
{
    (void)e; /* cannot fail */
    const sim_plan *p = w->plan;
    const scenario_option *so = o->so;
    const double *q = o->p;
    sim_terms *T = o->month_terms;
    if (so->ntiers == 0) {
        const sim_terms own = {q[PO_plan_fee], q[PO_plan_quota], q[PO_capacity_rps],
                               q[PO_seats_included], -1};
        for (int m = 0; m < p->months; m++)
            T[m] = own;
        return HS_OK;
    }
    sim_stream(w, "plans", o);
    const double per_msg =
        w->g[PG_req_per_message] * w->g[PG_burst_factor] / UNITS_SECONDS_PER_HOUR;
    plans_menu mu = {.n = so->ntiers, .overage = q[PO_overage_fee]};
    for (int k = 0; k < mu.n; k++) {
        const plan_tier *t = &so->tiers[k];
        mu.fee[k] = spec_sample(w->r, &t->fee);
        mu.quota[k] = t->quota;
        mu.cap[k] = t->capacity_rps * q[PO_elastic_factor] / per_msg;
    }
    long W = lround(q[PO_plan_review_months]);
    if (W < 1) W = 1;
    const sim_demand_state *dm = w->demand;
    int k = plans_first_tier(&mu, w->g[PG_volume_month]);
    for (int m = 0; m < p->months; m++) {
        if (m > 0) {
            const int j0 = m - W > 0 ? m - (int)W : 0;
            k = plans_next_tier(&mu, k, dm->month_total + j0, dm->month_peak + j0, m - j0);
        }
        const plan_tier *t = &so->tiers[k];
        T[m] = (sim_terms){mu.fee[k], t->quota, t->capacity_rps, t->seats_included, k};
    }
    return HS_OK;
}

const model_type model_plans = {
    .name = "plans", .option = S_plans, .needs = SIM_DEMAND, .provides = SIM_TERMS};
