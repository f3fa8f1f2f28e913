/* demand.c — the hours the traffic model left undrawn, drawn on demand for
 * the current option (engine.h, "hourly demand").
 *
 * Independent counts D_i ~ Poisson(r_i) given their sum S are multinomial
 * (S; r_i / sum r): the first asked is Binomial(S, r_i / sum r), and the
 * others, given it, are again multinomial over what is left. So an undrawn
 * hour takes a binomial share of what is left of its day's total, in
 * proportion to its rate among the day's hours still undrawn; the last one
 * takes the rest. Each option starts from the traffic model's day totals
 * with its own copy (stamped, so starting afresh costs nothing) and its
 * own stream; GSL draws the binomials (gsl_ran_binomial).
 */
#include <gsl/gsl_randist.h>
#include <string.h>

#include "engine.h"
#include "streams.h"

void sim_demand_begin(sim_work *w, const char *option)
{
    streams_key(w->hours_r, w->seed, w->traj, "demand_hours", option, NULL);
    if (++w->stamp == 0) { /* wrapped: forget every stamp */
        const sim_plan *p = w->plan;
        memset(w->own_stamp, 0, (size_t)p->hours * sizeof *w->own_stamp);
        memset(w->own_day_stamp, 0, (size_t)p->days * sizeof *w->own_day_stamp);
        w->stamp = 1;
    }
}

uint32_t sim_demand_assign(sim_work *w, long h)
{
    const long d = h / 24;
    if (w->own_day_stamp[d] != w->stamp) { /* the option's first hour of this day */
        w->own_day_stamp[d] = w->stamp;
        w->own_rest[d] = w->day_rest[d];
        w->own_rest_rate[d] = w->day_rest_rate[d];
        w->own_rest_n[d] = w->day_rest_n[d];
    }
    const uint32_t rest = w->own_rest[d];
    const double rate = w->rate[h], sum = w->own_rest_rate[d];
    uint32_t x = rest; /* the last undrawn hour of the day takes the rest */
    if (w->own_rest_n[d] > 1 && rest > 0) {
        double p = rate < sum ? rate / sum : 1.0; /* also when rounding left sum <= 0 */
        x = gsl_ran_binomial(w->hours_r, p, rest);
    }
    w->own[h] = x;
    w->own_stamp[h] = w->stamp;
    w->own_rest[d] = rest - x;
    w->own_rest_rate[d] = sum - rate;
    w->own_rest_n[d]--;
    return x;
}

void sim_demand_month(sim_work *w, int m)
{
    const sim_plan *p = w->plan;
    for (long h = p->month_first_hour[m]; h < p->month_first_hour[m + 1]; h++)
        if (sim_demand_peek(w, h) == SIM_UNDRAWN) sim_demand_assign(w, h);
}
