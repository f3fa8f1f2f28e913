/* capacity.c — the hour loop: what each option serves, loses and delays.
 *
 * The peak request rate of hour h is D_h x req_per_message x burst_factor
 * / 3600 s (requests/second at the busiest moment of the hour). The option
 * serves up to capacity_rps x elastic_factor at that moment (capacity_rps:
 * the month's plan, o->month_terms, from plans.c), so per hour it
 * can carry  C = capacity_rps x elastic_factor x 3600 / (req_per_message x
 * burst_factor)  messages at the hour's shape. With s_h = D_h (1 - down_h)
 * the messages that arrive while the service is up:
 *   overflow hour      when s_h > C,
 *   excess             x_h = max(0, s_h - C),
 *   lost               x_h x overflow_lost_share, the rest delayed (served later),
 *   not served (down)  D_h x down_h (valued in costs.c).
 * Upgrade policy: when a month counts at least upgrade_after_hours overflow
 * hours (> 0), one upgrade of upgrade_capacity_rps is ordered at the end of
 * the month and arrives upgrade_lead_time later; one order at a time. The
 * model lists the orders (o->upgrade_month, o->upgrade_arrival); assets.c
 * pays them (upgrade_cost at price_escalation), replaces, depreciates and
 * salvages them like the equipment of assets.csv and charges their running
 * costs.
 * Monthly results: served messages (billing), the busiest hour served
 * (bandwidth), overflow hours.
 * Cost: a month whose busiest hour (from the traffic model) fits under the
 * capacity and is not in an outage needs no per-hour pass: no hour
 * overflows and its busiest hour is the month's peak; downtime comes from
 * the hours the merged outage intervals touch (drawn from their day's rest
 * if the traffic model left them undrawn: sim_demand). The other months
 * run hour by hour over the drawn hours, after drawing the undrawn ones
 * that could overflow or be the busiest (S_draw_needed); the results are
 * those of a pass over every hour (tests/unit/test_perf_equivalence.c;
 * the demand scheme: sim/engine/demand.h).
 * A change of plan tier moves the capacity by the tiers' difference from the
 * tier's first month (upgrades stay on top).
 * Reads the demand (traffic), w->down, o->merged (outages) and the month's
 * plan (plans); writes the option's monthly service figures for costs and
 * its upgrade orders for assets.
 * Sources: FIGURES.md "Traffic and capacity" (150–200 req/s bought, SaaS
 * x5–x10, SMEs rarely above 50 req/s).
 */
#include <assert.h>
#include <math.h>

#include "base/units.h"
#include "engine/counts.h"
#include "engine/engine.h"

/* Messages not served for downtime in hours [h0, h1), sum of D_h x down_h in
 * hour order over the hours the merged outage intervals touch (the other
 * hours add 0). *iv walks the sorted, disjoint intervals; *next_h is the first
 * hour not yet counted (two intervals can share an hour). */
static double S_down_msgs(sim_work *w, const opt_work *o, int *iv, long *next_h, long h0, long h1)
{
    const float *down = w->down;
    sim_demand_state *dm = w->demand;
    double down_msgs = 0;
    long r0 = -1, r1 = -1; /* a run [r0, r1) of wholly-down hours of one day, not yet added */
    for (; *iv < o->merged.n; ++*iv) {
        const sim_interval *v = &o->merged.v[*iv];
        if (v->t0 >= (double)h1) break;
        const long end = (long)ceil(v->t1); /* hours h < t1 */
        long a = (long)v->t0;
        if (a < *next_h) a = *next_h;
        if (a < h0) a = h0;
        const long b = end < h1 ? end : h1;
        for (long h = a; h < b; h++) {
            if (down[h] == 1.0f) {
                if (r0 >= 0 && h == r1 && h % 24 != 0) { /* goes on */
                    r1++;
                    continue;
                }
                if (r0 >= 0) down_msgs += (double)sim_demand_block(dm, r0, r1);
                r0 = h, r1 = h + 1;
                continue;
            }
            if (r0 >= 0) down_msgs += (double)sim_demand_block(dm, r0, r1), r0 = -1;
            down_msgs += sim_demand(dm, h) * (double)down[h];
        }
        if (b > *next_h) *next_h = b;
        if (end > h1) break; /* goes on into the next month */
    }
    if (r0 >= 0) down_msgs += (double)sim_demand_block(dm, r0, r1);
    return down_msgs;
}

/* Before the hour pass of month m: draws the undrawn hours that could
 * overflow cap or be the busiest hour served. T = min(cap, largest s_h of
 * the drawn hours); an undrawn hour whose rate is below the Poisson
 * cut-off of T reaches T with probability below 1e-12 over the whole month
 * (as in the traffic model), so it cannot overflow and cannot be the
 * busiest: the pass skips it. */
static void S_draw_needed(sim_work *w, int m, double cap)
{
    const sim_plan *p = w->plan;
    const int h0 = p->month_first_hour[m], h1 = p->month_first_hour[m + 1];
    const float *down = w->down;
    sim_demand_state *dm = w->demand;
    double top = 0;
    for (int h = h0; h < h1; h++) {
        const uint32_t x = sim_demand_peek(dm, h);
        if (x != SIM_UNDRAWN) {
            const double d = x, s = d - d * down[h];
            if (s > top) top = s;
        }
    }
    const double T = cap < top ? cap : top;
    const double cut = counts_poisson_cutoff(T, SIM_LOG_EPS - log((double)(h1 - h0)));
    for (int h = h0; h < h1; h++)
        if (dm->rate[h] >= cut && down[h] < 1 && sim_demand_peek(dm, h) == SIM_UNDRAWN)
            sim_demand_assign(dm, h); /* a wholly-down hour serves nothing: s_h <= 0 */
}

static hs_status S_capacity(sim_work *w, opt_work *o, hs_error *e)
{
    (void)e; /* cannot fail */
    const sim_plan *p = w->plan;
    const sim_demand_state *dm = w->demand;
    const double *q = o->p;
    const double per_msg =
        w->g[PG_req_per_message] * w->g[PG_burst_factor] / UNITS_SECONDS_PER_HOUR;
    const sim_terms *terms = o->month_terms; /* the plan's capacity_rps of each month */
    double cap = terms[0].capacity_rps * q[PO_elastic_factor] / per_msg;
    const double add = q[PO_upgrade_capacity_rps] * q[PO_elastic_factor] / per_msg;
    const double lost_share = q[PO_overflow_lost_share];
    const double K = q[PO_upgrade_after_hours];
    long next_change = -1; /* hour when an ordered upgrade arrives */
    const float *down = w->down;
    double overflow_total = 0, lost_total = 0, delayed_total = 0, down_msgs_total = 0;
    int iv = 0;
    long next_h = 0;

    for (int m = 0; m < p->months; m++) {
        const int h0 = p->month_first_hour[m], h1 = p->month_first_hour[m + 1];
        if (m > 0 && terms[m].capacity_rps != terms[m - 1].capacity_rps) /* another tier */
            cap += (terms[m].capacity_rps - terms[m - 1].capacity_rps) * q[PO_elastic_factor] /
                   per_msg;
        const double down_msgs = S_down_msgs(w, o, &iv, &next_h, h0, h1);
        double peak = 0, ovh = 0, excess = 0;
        if (dm->month_peak[m] <= cap && down[dm->month_peak_hour[m]] == 0) {
            /* No hour can overflow (s_h <= D_h <= the peak <= cap; an upgrade
             * only raises cap) and the busiest hour is up: nothing to do per hour. */
            peak = dm->month_peak[m];
            if (next_change >= h0 && next_change < h1) cap += add, next_change = -1;
        } else {
            S_draw_needed(w, m, cap);
            for (int h = h0; h < h1; h++) {
                if (h == next_change) cap += add, next_change = -1;
                if (down[h] >= 1) continue; /* serves nothing (s_h <= 0): cannot overflow */
                const uint32_t x = sim_demand_peek(dm, h);
                if (x == SIM_UNDRAWN) continue; /* below every drawn hour and cap */
                const double d = x;
                const double s = d - d * down[h];
                if (s > cap) {
                    ovh += 1;
                    excess += s - cap;
                    if (w->sample) o->day_overflow[h / 24] += 1;
                }
                if (s > peak) peak = s;
            }
        }
        const double lost = excess * lost_share;
        /* served = sum of D_h (1 - down_h), as sum D_h - sum D_h down_h: one
         * rounding instead of one per hour */
        o->month_served[m] = dm->month_total[m] - down_msgs - lost;
        o->month_peak_msgs[m] = peak < cap ? peak : cap;
        o->month_overflow[m] = ovh;
        o->month_lost_outage[m] = down_msgs;
        o->month_lost_overflow[m] = lost;
        overflow_total += ovh;
        lost_total += lost;
        delayed_total += excess - lost;
        down_msgs_total += down_msgs;
        if (K > 0 && ovh >= K && next_change < 0 && add > 0 && m + 1 < p->months) {
            long arrive = p->month_first_hour[m + 1] + (long)(q[PO_upgrade_lead_time] * 24);
            if (arrive < p->hours) { /* paid, depreciated, salvaged and run: assets.c */
                next_change = arrive;
                assert(o->nupgrades < p->months); /* one order a month at most */
                o->upgrade_month[o->nupgrades] = m + 1;
                o->upgrade_arrival[o->nupgrades++] = (double)arrive;
            }
        }
    }
    /* the outage share is lost for good or delayed */
    const double ol = q[PO_outage_loss_share];
    o->met[MET_overflow_hours] = overflow_total;
    o->met[MET_messages_lost] = lost_total + down_msgs_total * ol;
    o->met[MET_messages_delayed] = delayed_total + down_msgs_total * (1 - ol);
    return HS_OK;
}

const model_type model_capacity = {.name = "capacity",
                                   .option = S_capacity,
                                   .needs = SIM_DEMAND | SIM_DOWNTIME | SIM_TERMS,
                                   .provides = SIM_SERVICE};
