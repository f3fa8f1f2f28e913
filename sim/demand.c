/* demand.c — the hours the traffic model left undrawn, drawn on demand
 * (engine.h, "hourly demand").
 *
 * Independent counts D_i ~ Poisson(r_i) given their sum S are multinomial
 * (S; r_i / sum r): the first asked is Binomial(S, r_i / sum r), and the
 * others, given it, are again multinomial over what is left. So an undrawn
 * hour takes a binomial share of its day's rest, in proportion to its rate
 * among the day's undrawn hours; the last one takes the rest. GSL draws the
 * binomial (gsl_ran_binomial) from the trajectory's "demand_hours" stream.
 */
#include <gsl/gsl_randist.h>

#include "engine.h"

uint32_t sim_demand_assign(sim_work *w, long h)
{
    const long d = h / 24;
    const uint32_t rest = w->day_rest[d];
    const double rate = w->rate[h], sum = w->day_rest_rate[d];
    uint32_t x = rest; /* the last undrawn hour of the day takes the rest */
    if (w->day_rest_n[d] > 1 && rest > 0) {
        double p = rate < sum ? rate / sum : 1.0; /* also when rounding left sum <= 0 */
        x = gsl_ran_binomial(w->hours_r, p, rest);
    }
    w->demand[h] = x;
    w->day_rest[d] = rest - x;
    w->day_rest_rate[d] = sum - rate;
    w->day_rest_n[d]--;
    return x;
}

void sim_demand_month(sim_work *w, int m)
{
    const sim_plan *p = w->plan;
    for (long h = p->month_first_hour[m]; h < p->month_first_hour[m + 1]; h++)
        if (w->demand[h] == SIM_UNDRAWN) sim_demand_assign(w, h);
}
