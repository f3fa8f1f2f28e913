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
 * Two steps (engine.h): the incidents, their counts and outages happen in
 * the first, their costs are charged in the second by walking the same
 * stream again (the draws depend only on incident_rate).
 * Stream: "security"/<option>.
 */
#include <gsl/gsl_randist.h>

#include "base/units.h"
#include "engine/engine.h"

enum { OUT_BREACH = 10, OUT_RANSOMWARE = 11 };

/* The costs of an incident in month m: a breach or not (its fine if u_fine < fine_prob), and
 * ransomware when u_age >= 0 (the share of rpo_hours since the last backup). */
static void S_charge(const sim_work *w, opt_work *o, int m, int breach, double u_fine, double u_age)
{
    const double *q = o->p;
    const double rev = w->g[PG_revenue_year];
    ledger_add(o->led, CAT_security_incidents, m, q[PO_incident_cost] * q[PO_incident_borne_share]);
    if (breach) {
        double c = q[PO_breach_compensation] + q[PO_breach_revenue_loss] * rev;
        if (u_fine < q[PO_fine_prob]) c += q[PO_fine_revenue_share] * rev;
        ledger_add(o->led, CAT_breaches_fines, m, c);
    }
    if (u_age >= 0) {
        const double hours_lost = u_age * q[PO_rpo_hours];
        const double per_hour = w->demand->month_total[m] / (24 * w->plan->month_days[m]);
        ledger_add(o->led, CAT_security_incidents, m, hours_lost * per_hour * w->value_per_message);
    }
}

/* Walks the incidents of option o from its stream: the one walk of both steps (the same
 * draws whatever the prices: four uniforms an incident whatever its outcome). The first step
 * (charge = 0) counts them and pushes their outages, the second (charge = 1) charges them. */
static hs_status S_walk(sim_work *w, opt_work *o, int charge, hs_error *e)
{
    const sim_plan *p = w->plan;
    const double *q = o->p;
    const double rate_h = q[PO_incident_rate] / UNITS_HOURS_PER_YEAR;
    if (rate_h <= 0) return HS_OK;
    sim_stream(w, "security", o);
    const gsl_rng *r = w->r;
    const double H = (double)p->hours;
    double t = 0;
    for (;;) {
        t += gsl_ran_exponential(r, 1 / rate_h);
        if (t >= H) break;
        double u_breach = gsl_rng_uniform(r), u_fine = gsl_rng_uniform(r);
        double u_ransom = gsl_rng_uniform(r), u_age = gsl_rng_uniform(r);
        const int m = sim_month_of(p, t);
        const int breach = u_breach < q[PO_breach_share];
        const int ransom = u_ransom < q[PO_ransomware_share];
        if (charge)
            S_charge(w, o, m, breach, u_fine, ransom ? u_age : -1);
        else {
            o->met[MET_security_incidents] += 1;
            o->met[MET_breaches] += breach;
            if (breach && q[PO_breach_outage_hours] > 0)
                HS_FORWARD(sim_intervals_push(&o->outages, t, t + q[PO_breach_outage_hours],
                                              OUT_BREACH, e));
            if (ransom && q[PO_ransomware_outage_hours] > 0)
                HS_FORWARD(sim_intervals_push(&o->outages, t, t + q[PO_ransomware_outage_hours],
                                              OUT_RANSOMWARE, e));
        }
    }
    return HS_OK;
}

static hs_status S_security(sim_work *w, opt_work *o, hs_error *e)
{
    return S_walk(w, o, 0, e);
}

static hs_status S_security_price(sim_work *w, opt_work *o, hs_error *e)
{
    return S_walk(w, o, 1, e);
}

/* Its outages go on o->outages before the outages model merges them; its costs are charged in
 * the second step. */
const model_type model_security = {.name = "security",
                                   .option = S_security,
                                   .price = S_security_price,
                                   .needs = SIM_DEMAND,
                                   .provides = SIM_INTERRUPTIONS};
