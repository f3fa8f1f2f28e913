/* costs.c — labour, licences, plans, fees, hosting, changes, one-offs, SLA.
 *
 * For month m of horizon year y (m, y from 0), with escalation E_y =
 * (1 + price_escalation)^y on prices (o->price_index) and R_y = (1 +
 * salary_raise)^y on pay (both sim_plan_index),
 * and, when m >= 12 tech_debt_after (else both 1), the technical-debt factors
 * T_m = 1 + tech_debt_uplift x tech_debt_share on the FTEs (only their maintenance
 * share of the time grows) and U_m = 1 + tech_debt_uplift on the ops hours (all
 * maintenance),
 * and the month's plan (o->month_terms, plans.c: a tier of plans.csv, or plan_fee,
 * plan_quota, seats_included) of fee F_m, quota Q_m and seats_included_m:
 *   it_labour            it_fte x it_salary / 12 x R_y x T_m
 *   operations_labour    ops_hours x ops_hour_cost x R_y x U_m
 *   software_licences    licence_upfront + licence_oneoff at m = 0; licence_year x E_y
 *                        when m % 12 = 0
 *   licence_maintenance  licence_upfront x licence_maint_share x E_y when m % 12 = 0, m >= 12
 *                        (the maintained base is licence_upfront alone, not licence_oneoff)
 *   subscription         F_m x E_y
 *   usage_fees           (max(0, S_m - Q_m) x overage_fee + S_m x message_fee) x E_y,
 *                        S_m the messages served in the month (no quota, F_m = Q_m = 0:
 *                        every message at overage_fee)
 *   seats                agent-days: sum over the days d of month m of
 *                        max(0, ceil(F_d / messages_per_agent_hour) - seats_included_m)
 *                        x seat_fee / days(m) x E_y, F_d the day's busiest expected hour
 *                        (demand.h day_peak_rate: staffed to forecast, not to the draw)
 *   cloud_hosting        cloud_fee x E_y
 *   bandwidth            bandwidth_fee x (1 + bandwidth_step_share x X_m) x E_y, X_m =
 *                        max(0, P_m x req_per_message x burst_factor / 3600 x mbps_per_rps
 *                        - bandwidth_included_mbps) (no steps when nothing is included)
 *   energy_colocation    (energy + colocation) x E_y
 *   upgrades             overhaul_cost x E_y every overhaul_interval months; feature changes
 *                        (Poisson, feature_change_rate/yr) at their cost x E_y; one rewrite
 *                        (rewrite_cost x E_y) at the first event of a Poisson process of
 *                        rate rewrite_rate/yr, if it falls inside the horizon
 *   platform_api_changes Poisson api_change_rate/yr; each forces a replacement with
 *                        probability api_change_prob, api_change_cost x E_y
 *   compliance           compliance x E_y when m % 12 = 0
 *   outage_losses        messages demanded while down x outage_loss_share x value
 *   capacity_losses      messages lost to overflow x value
 *   golive_delay         at m = 0: golive_days x 12 V / 365.25 x golive_missed_share x value
 *   migration_training   at m = 0: migration_cost + training_cost + trial_loss
 *   sla_credits          -sla_credit_share x (subscription + usage fees of the month) when
 *                        the month's availability 1 - downtime / hours < sla_availability
 * Sources: FIGURES.md "Running costs", "Up-front and deployment"; each default
 * cites its row in inputs/default/params.csv. Streams: "features", "rewrites",
 * "api_changes" per option.
 */
#include <math.h>

#include <gsl/gsl_randist.h>

#include "base/units.h"
#include "engine/engine.h"

/* Poisson events at rate per year (at most `max` of them, 0 = no limit);
 * each with probability prob costs cost x E_y. Each kind has its own stream. */
static void S_events(sim_work *w, opt_work *o, const char *stream, ledger_category c,
                     double rate_year, double prob, double cost, const double *E, int max)
{
    const sim_plan *p = w->plan;
    const double H = (double)p->hours;
    if (rate_year <= 0) return;
    sim_stream(w, stream, o);
    double t = 0;
    for (int k = 0; max == 0 || k < max; k++) {
        t += gsl_ran_exponential(w->r, UNITS_HOURS_PER_YEAR / rate_year);
        if (t >= H) break;
        double u = gsl_rng_uniform(w->r);
        int m = sim_month_of(p, t);
        if (u < prob) ledger_add(o->led, c, m, cost * E[p->month_year[m]]);
    }
}

/* Seats beyond the month's plan (`included`) summed over the days of month m: each day staffed to
 * its busiest expected hour (the traffic model's forecast, common to every
 * option), so a two-week surge pays two weeks of extra agents. */
static double S_agent_days(const sim_work *w, double included, int m)
{
    const sim_plan *p = w->plan;
    const double *F = w->demand->day_peak_rate;
    const double per_agent = w->g[PG_messages_per_agent_hour];
    const int d0 = p->month_first_hour[m] / 24, d1 = p->month_first_hour[m + 1] / 24;
    double n = 0;
    for (int d = d0; d < d1; d++) {
        const double need = ceil(F[d] / per_agent) - included;
        if (need > 0) n += need;
    }
    return n;
}

static hs_status S_costs(sim_work *w, opt_work *o, hs_error *e)
{
    (void)e; /* cannot fail */
    const sim_plan *p = w->plan;
    const double *q = o->p;
    const double *g = w->g;
    ledger *L = o->led;
    const double *E = o->price_index;
    double R[SIM_MAX_YEARS];
    sim_plan_index(p, q[PO_salary_raise], R);
    const double value = w->value_per_message;
    const double debt_from = 12 * q[PO_tech_debt_after];
    const double rps_per_msg = g[PG_req_per_message] * g[PG_burst_factor] / UNITS_SECONDS_PER_HOUR;
    const int steps = q[PO_bandwidth_included_mbps] > 0;
    for (int m = 0; m < p->months; m++) {
        const int y = p->month_year[m];
        const double esc = E[y];
        const double up = m >= debt_from ? q[PO_tech_debt_uplift] : 0;
        const double T = 1 + up * q[PO_tech_debt_share], U = 1 + up;
        ledger_add(L, CAT_it_labour, m, q[PO_it_fte] * q[PO_it_salary] / 12 * R[y] * T);
        ledger_add(L, CAT_operations_labour, m, q[PO_ops_hours] * q[PO_ops_hour_cost] * R[y] * U);
        if (m % 12 == 0) {
            ledger_add(L, CAT_software_licences, m, q[PO_licence_year] * esc);
            if (m >= 12)
                ledger_add(L, CAT_licence_maintenance, m,
                           q[PO_licence_upfront] * q[PO_licence_maint_share] * esc);
            ledger_add(L, CAT_compliance, m, q[PO_compliance] * esc);
        }
        const double S = o->month_served[m];
        const sim_terms *plan = &o->month_terms[m];
        const int has_quota = plan->quota > 0 || plan->fee > 0;
        const double sub = plan->fee * esc;
        double usage = S * q[PO_message_fee];
        if (has_quota && S > plan->quota)
            usage += (S - plan->quota) * q[PO_overage_fee];
        else if (!has_quota)
            usage += S * q[PO_overage_fee];
        usage *= esc;
        ledger_add(L, CAT_subscription, m, sub);
        ledger_add(L, CAT_usage_fees, m, usage);
        if (q[PO_seat_fee] > 0) {
            const double agent_days = S_agent_days(w, plan->seats_included, m);
            if (agent_days > 0)
                ledger_add(L, CAT_seats, m, agent_days * q[PO_seat_fee] / p->month_days[m] * esc);
        }
        const double P = o->month_peak_msgs[m];
        ledger_add(L, CAT_cloud_hosting, m, q[PO_cloud_fee] * esc);
        double bw = q[PO_bandwidth_fee];
        if (steps) {
            double x = P * rps_per_msg * q[PO_mbps_per_rps] - q[PO_bandwidth_included_mbps];
            if (x > 0) bw *= 1 + q[PO_bandwidth_step_share] * x;
        }
        ledger_add(L, CAT_bandwidth, m, bw * esc);
        ledger_add(L, CAT_energy_colocation, m, (q[PO_energy] + q[PO_colocation]) * esc);
        ledger_add(L, CAT_outage_losses, m,
                   o->month_lost_outage[m] * q[PO_outage_loss_share] * value);
        ledger_add(L, CAT_capacity_losses, m, o->month_lost_overflow[m] * value);
        if (q[PO_sla_availability] > 0) {
            double avail = 1 - o->month_down[m] / (24 * p->month_days[m]);
            if (avail < q[PO_sla_availability])
                ledger_add(L, CAT_sla_credits, m, -q[PO_sla_credit_share] * (sub + usage));
        }
    }
    if (q[PO_overhaul_interval] > 0) /* at least 1 month (param_list.h): at most one a month */
        for (int k = 1; k <= p->months; k++) {
            int m = (int)lround(k * q[PO_overhaul_interval]);
            if (m >= p->months) break;
            ledger_add(L, CAT_upgrades, m, q[PO_overhaul_cost] * E[p->month_year[m]]);
        }
    ledger_add(L, CAT_software_licences, 0, q[PO_licence_upfront] + q[PO_licence_oneoff]);
    ledger_add(L, CAT_golive_delay, 0,
               q[PO_golive_days] * 12 * g[PG_volume_month] / UNITS_DAYS_PER_YEAR *
                   q[PO_golive_missed_share] * value);
    ledger_add(L, CAT_migration_training, 0,
               q[PO_migration_cost] + q[PO_training_cost] + q[PO_trial_loss]);

    S_events(w, o, "features", CAT_upgrades, q[PO_feature_change_rate], 1,
             q[PO_feature_change_cost], E, 0);
    S_events(w, o, "rewrites", CAT_upgrades, q[PO_rewrite_rate], 1, q[PO_rewrite_cost], E, 1);
    S_events(w, o, "api_changes", CAT_platform_api_changes, q[PO_api_change_rate],
             q[PO_api_change_prob], q[PO_api_change_cost], E, 0);
    return HS_OK;
}

const model_type model_costs = {.name = "costs",
                                .price = S_costs,
                                .needs = SIM_DEMAND | SIM_DOWNTIME | SIM_SERVICE | SIM_TERMS};
