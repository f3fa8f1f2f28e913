/* benefits.c — the value the study attributes to each option, as signed value
 * lines beside the costs (never inside them: ledger.h).
 *
 * For month m, with S_m the messages the option served (capacity), V =
 * volume_month, v = the value of a message (revenue_year x
 * messaging_revenue_share / 12 V: traffic) and a_m the ramp share below:
 *   value.conversion    conversion_share x conversion_lift x sales_margin
 *                       x S_m x v x a_m (the margin on the extra sales of
 *                       the messaging channel's higher conversion rate)
 *   value.productivity  productivity_share x productivity_gain
 *                       x agent_cost_month x S_m / V x a_m (the customer-
 *                       service hours saved, at the team's pay, the team
 *                       growing with the volume served)
 * The study's figures (conversion_lift, productivity_gain) are global: one
 * uncertain fact drawn once per trajectory, so two options that both get a
 * gain get the same draw and their comparison is paired; each option says
 * how much of it it gets (conversion_share, productivity_share).
 * The ramp: an option brings nothing before go-live (golive_days) and its
 * full value value_ramp_days later, linearly in between; a_m is the mean of
 *   f(t) = clamp((t - L) / R, 0, 1),  L = 24 golive_days, R = 24 value_ramp_days
 * over the hours [t0, t1) of month m (benefits_ramp; f = step at L if R = 0).
 * No escalation: the margin is a share of revenue, which grows with the
 * volume already; the team's pay is held at its first-year level
 * (conservative, an assumption).
 * Sources (the French original, ../shared/seed/000_*.txt; FIGURES.md
 * "latency" for the first): self-hosting sends 15-25 % faster, one firm's
 * response time 120 s -> 80 s and conversion +18 % (conversion_lift); SaaS
 * SCRM users' customer-service productivity +35 %, an AI auto-reply -25 %
 * staff (the same gain told twice: 1 - 1/1.35 = 26 % fewer hours; counted
 * once, productivity_gain), benefits within 60 days (value_ramp_days). The
 * 18-22 % of contacts missed before go-live is the cost golive_delay, not a
 * value line. What turns them into money (sales_margin, agent_cost_month)
 * is an assumption: inputs/default/params.csv and docs/model.md.
 * Monthly arithmetic, no random draws: no stream.
 */
#include <assert.h>

#include "engine/engine.h"
#include "models.h"

/* The integral of f from 0 to t (f as above). */
static double S_ramp_integral(double t, double live, double ramp)
{
    if (t <= live) return 0;
    if (t >= live + ramp) return t - live - ramp / 2;
    return (t - live) * (t - live) / (2 * ramp);
}

double benefits_ramp(double t0, double t1, double live, double ramp)
{
    assert(t1 > t0 && ramp >= 0);
    return (S_ramp_integral(t1, live, ramp) - S_ramp_integral(t0, live, ramp)) / (t1 - t0);
}

static hs_status S_benefits(sim_work *w, opt_work *o, hs_error *e)
{
    (void)e; /* cannot fail */
    const double *q = o->p, *g = w->g;
    const double conv =
        q[PO_conversion_share] * g[PG_conversion_lift] * g[PG_sales_margin] * w->value_per_message;
    const double prod = q[PO_productivity_share] * g[PG_productivity_gain] *
                        g[PG_agent_cost_month] / g[PG_volume_month];
    if (conv == 0 && prod == 0) return HS_OK;
    const sim_plan *p = w->plan;
    const double live = 24 * q[PO_golive_days];
    const double ramp = 24 * q[PO_value_ramp_days];
    for (int m = 0; m < p->months; m++) {
        const double a =
            benefits_ramp(p->month_first_hour[m], p->month_first_hour[m + 1], live, ramp);
        const double S = o->month_served[m] * a;
        ledger_add_value(o->led, VAL_conversion, m, conv * S);
        ledger_add_value(o->led, VAL_productivity, m, prod * S);
    }
    return HS_OK;
}

const model_type model_benefits = {
    .name = "benefits", .price = S_benefits, .needs = SIM_DEMAND | SIM_SERVICE};
