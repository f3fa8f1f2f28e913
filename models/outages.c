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
 * Sources: FIGURES.md "Reliability" (SaaS 99.5 %, DDoS 90 s vs 15–30 min,
 * flood destroying devices) and "Running costs" (2.5 interruptions/month
 * at 3–4 h). Streams: "outages", "ddos", "disasters" per option.
 */
#include <gsl/gsl_randist.h>

#include "engine/engine.h"

enum { OUT_UNPLANNED = 1, OUT_MAINTENANCE = 2, OUT_DDOS = 3, OUT_DISASTER = 4 };

/* Poisson arrivals at rate_h per hour, each lasting dur(r) hours. */
static void S_poisson(sim_work *w, sim_intervals *l, double rate_h, double mean, double shape,
                      int kind, sim_intervals *also)
{
    const gsl_rng *r = w->r;
    const double H = (double)w->plan->hours;
    if (rate_h <= 0) return;
    double t = 0;
    for (;;) {
        t += gsl_ran_exponential(r, 1 / rate_h);
        if (t >= H) break;
        double d = shape > 0 ? gsl_ran_gamma(r, shape, mean / shape) : mean;
        if (d > 0) sim_intervals_push(l, t, t + d, kind);
        if (also) sim_intervals_push(also, t, t + d, kind);
    }
}

static void S_outages(sim_work *w, opt_work *o)
{
    const sim_plan *p = w->plan;
    const double *q = o->p;
    const char *name = o->so->name;
    sim_stream(w, "outages", name);
    S_poisson(w, &o->outages, q[PO_outage_rate] / 730.5, q[PO_repair_hours], q[PO_repair_shape],
              OUT_UNPLANNED, NULL);
    if (q[PO_maintenance_hours] > 0)
        for (int m = 0; m < p->months; m++) {
            int d = p->month_first_hour[m] / 24;
            while (p->day_weekday[d] != 6)
                d++;
            double t0 = 24.0 * d + 2;
            sim_intervals_push(&o->outages, t0, t0 + q[PO_maintenance_hours], OUT_MAINTENANCE);
        }
    sim_stream(w, "ddos", name);
    S_poisson(w, &o->outages, q[PO_ddos_rate] / 8766.0, q[PO_ddos_minutes] / 60, 0, OUT_DDOS, NULL);
    sim_stream(w, "disasters", name);
    S_poisson(w, &o->outages, q[PO_disaster_rate] / 8766.0, q[PO_disaster_outage_days] * 24, 0,
              OUT_DISASTER, &o->disasters);

    /* union, then pro-rata shares of each hour */
    sim_intervals_union(&o->outages, &o->merged);
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
}

const model_type model_outages = {"outages", NULL, S_outages};
