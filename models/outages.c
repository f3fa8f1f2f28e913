/* outages.c — interruptions: failures, maintenance, DDoS, disasters.
 *
 * Processes, each a sorted list of intervals [t0, t1) in hours:
 *   unplanned: Poisson arrivals at outage_rate per month; repair time
 *     Gamma(shape repair_shape, mean repair_hours). Failures keep arriving
 *     during repairs, so the share of time down is the M/G/infinity busy
 *     probability 1 - exp(-rate x mean repair) ~ rate x mean repair.
 *   maintenance: maintenance_hours each month, from 02:00 on the month's
 *     first Sunday (off-peak by construction of the default profile).
 *   DDoS: Poisson at ddos_rate per year, each lasting ddos_minutes.
 *   disasters: Poisson at disaster_rate per year, each an outage of
 *     disaster_outage_days; the assets model replaces the equipment.
 * Breach and ransomware outages come from the security model. The union of
 * all intervals is the downtime; a partly covered hour counts pro rata:
 *   down_h = |[h, h+1) ∩ union|, downtime_month = Σ down_h,
 *   messages not served in hour h = D_h x down_h.
 * SLA credits are charged in costs.c from the monthly downtime.
 * Writes o->merged, o->month_down, o->day_down, o->disasters and the
 * per-worker w->down, which it clears again once the option is done
 * (S_outages_end), for the next option.
 * Sources: FIGURES.md "Reliability" (SaaS 99.5 %, DDoS 90 s vs 15–30 min,
 * flood destroying devices) and "Running costs" (2.5 interruptions/month
 * at 3–4 h). Streams: "outages", "ddos", "disasters" per option.
 */
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "base/units.h"
#include "engine/engine.h"

enum { OUT_UNPLANNED = 1, OUT_MAINTENANCE = 2, OUT_DDOS = 3, OUT_DISASTER = 4 };

/* Poisson arrivals at rate_h per hour over the horizon, from w->r. Each
 * lasts d hours, d ~ Gamma(shape, mean / shape) (mean mean) when shape > 0,
 * else exactly mean; it is pushed on l if d > 0, and on also (if not NULL)
 * whatever d (a disaster destroys equipment even without an outage). */
static hs_status S_poisson(sim_work *w, sim_intervals *l, double rate_h, double mean, double shape,
                           int kind, sim_intervals *also, hs_error *e)
{
    const gsl_rng *r = w->r;
    const double H = (double)w->plan->hours;
    if (rate_h <= 0) return HS_OK;
    double t = 0;
    for (;;) {
        t += gsl_ran_exponential(r, 1 / rate_h);
        if (t >= H) break;
        double d = shape > 0 ? gsl_ran_gamma(r, shape, mean / shape) : mean;
        if (d > 0) HS_FORWARD(sim_intervals_push(l, t, t + d, kind, e));
        if (also) HS_FORWARD(sim_intervals_push(also, t, t + d, kind, e));
    }
    return HS_OK;
}

static hs_status S_outages(sim_work *w, opt_work *o, hs_error *e)
{
    const sim_plan *p = w->plan;
    const double *q = o->p;
    sim_stream(w, "outages", o);
    HS_FORWARD(S_poisson(w, &o->outages, q[PO_outage_rate] / UNITS_HOURS_PER_MONTH,
                         q[PO_repair_hours], q[PO_repair_shape], OUT_UNPLANNED, NULL, e));
    if (q[PO_maintenance_hours] > 0)
        for (int m = 0; m < p->months; m++) {
            int d = p->month_first_hour[m] / 24;
            while (p->day_weekday[d] != 6)
                d++;
            double t0 = 24.0 * d + 2;
            HS_FORWARD(sim_intervals_push(&o->outages, t0, t0 + q[PO_maintenance_hours],
                                          OUT_MAINTENANCE, e));
        }
    sim_stream(w, "ddos", o);
    HS_FORWARD(S_poisson(w, &o->outages, q[PO_ddos_rate] / UNITS_HOURS_PER_YEAR,
                         q[PO_ddos_minutes] / 60, 0, OUT_DDOS, NULL, e));
    sim_stream(w, "disasters", o);
    HS_FORWARD(S_poisson(w, &o->outages, q[PO_disaster_rate] / UNITS_HOURS_PER_YEAR,
                         q[PO_disaster_outage_days] * 24, 0, OUT_DISASTER, &o->disasters, e));

    /* union, then pro-rata shares of each hour */
    HS_FORWARD(sim_intervals_union(&o->outages, &o->merged, e));
    const double H = (double)p->hours;
    float *down = w->down;
    for (int i = 0; i < o->merged.n; i++) {
        double a = o->merged.v[i].t0, b = o->merged.v[i].t1 < H ? o->merged.v[i].t1 : H;
        for (long h = (long)a; h < b; h++) {
            double lo = a > h ? a : (double)h, hi = b < h + 1 ? b : (double)(h + 1);
            double f = hi - lo;
            down[h] += (float)f;
            o->month_down[p->hour_month[h]] += f;
            if (w->sample) o->day_down[h / 24] += f;
        }
    }
    return HS_OK;
}

/* Clears what S_outages added to w->down: the hours o->merged touches. */
static void S_outages_end(sim_work *w, opt_work *o)
{
    const long H = w->plan->hours;
    float *down = w->down;
    for (int i = 0; i < o->merged.n; i++) {
        long a = (long)o->merged.v[i].t0, b = (long)ceil(o->merged.v[i].t1);
        if (b > H) b = H;
        if (a < b) memset(down + a, 0, (size_t)(b - a) * sizeof *down);
    }
}

const model_type model_outages = {.name = "outages",
                                  .option = S_outages,
                                  .option_end = S_outages_end,
                                  .needs = SIM_INTERRUPTIONS,
                                  .provides = SIM_DOWNTIME | SIM_DISASTERS};
