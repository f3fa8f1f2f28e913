/* security.c — security incidents, breaches, fines and ransomware.
 *
 * Incidents arrive as a Poisson process of rate incident_rate (per year) over
 * the horizon. Each incident, at time t in month m:
 *   costs incident_cost x incident_borne_share          (security_incidents)
 *   is a breach with probability breach_share:
 *     breach_compensation + breach_revenue_loss x revenue_year, plus with
 *     probability fine_prob a fine of fine_revenue_share x revenue_year
 *                                                          (breaches_fines)
 *     and an outage of breach_outage_hours from t
 *   is ransomware with probability ransomware_share: the data since the last
 *     backup is lost — U x rpo_hours hours of messages (U uniform, the time
 *     since the last backup), valued at the value of a message
 *                                                          (security_incidents)
 *     and an outage of ransomware_outage_hours from t.
 * Every incident consumes the same four uniforms whatever its outcome, so
 * the stream stays aligned. Expected incidents = incident_rate x years.
 * Sources: FIGURES.md "Security" (4.2/yr at ¥8–15k self-hosted; SaaS < 0.3/yr
 * borne by the provider; ¥120,000 compensation and 23 h outage; 1.2 % of
 * revenue; fines 2–4 % of revenue) and "Reliability" (RPO daily vs 15 min).
 * Stream: "security"/<option>.
 */
#include <gsl/gsl_randist.h>

#include "base/units.h"
#include "engine/engine.h"

enum { OUT_BREACH = 10, OUT_RANSOMWARE = 11 };

static hs_status S_security(sim_work *w, opt_work *o, hs_error *e)
{
    const sim_plan *p = w->plan;
    const double *q = o->p;
    const double rate_h = q[PO_incident_rate] / UNITS_HOURS_PER_YEAR;
    if (rate_h <= 0) return HS_OK;
    sim_stream(w, "security", o);
    const gsl_rng *r = w->r;
    const double H = (double)p->hours, rev = w->g[PG_revenue_year];
    double t = 0;
    for (;;) {
        t += gsl_ran_exponential(r, 1 / rate_h);
        if (t >= H) break;
        double u_breach = gsl_rng_uniform(r), u_fine = gsl_rng_uniform(r);
        double u_ransom = gsl_rng_uniform(r), u_age = gsl_rng_uniform(r);
        int m = sim_month_of(p, t);
        o->met[MET_security_incidents] += 1;
        ledger_add(o->led, CAT_security_incidents, m,
                   q[PO_incident_cost] * q[PO_incident_borne_share]);
        if (u_breach < q[PO_breach_share]) {
            o->met[MET_breaches] += 1;
            double c = q[PO_breach_compensation] + q[PO_breach_revenue_loss] * rev;
            if (u_fine < q[PO_fine_prob]) c += q[PO_fine_revenue_share] * rev;
            ledger_add(o->led, CAT_breaches_fines, m, c);
            if (q[PO_breach_outage_hours] > 0)
                HS_FORWARD(sim_intervals_push(&o->outages, t, t + q[PO_breach_outage_hours],
                                              OUT_BREACH, e));
        }
        if (u_ransom < q[PO_ransomware_share]) {
            double hours_lost = u_age * q[PO_rpo_hours];
            double per_hour = w->demand->month_total[m] / (24 * p->month_days[m]);
            ledger_add(o->led, CAT_security_incidents, m,
                       hours_lost * per_hour * w->value_per_message);
            if (q[PO_ransomware_outage_hours] > 0)
                HS_FORWARD(sim_intervals_push(&o->outages, t, t + q[PO_ransomware_outage_hours],
                                              OUT_RANSOMWARE, e));
        }
    }
    return HS_OK;
}

/* Its outages go on o->outages before the outages model merges them. */
const model_type model_security = {
    .name = "security", .option = S_security, .needs = SIM_DEMAND, .provides = SIM_INTERRUPTIONS};
