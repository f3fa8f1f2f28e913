/* demand.h — the hourly demand of a trajectory, each hour drawn only when a
 * model needs it. One state per worker (sim_work.demand), reused by every
 * trajectory; the whole scheme is here, its derivation in docs/model.md §3,
 * "How the hours are drawn".
 *
 * Who draws what, and when:
 *  1. The traffic model (models/traffic.c, a trajectory hook, stream
 *     "demand") writes every hour's rate r_h = rate[h] and draws
 *     D_h ~ Poisson(r_h) for each hour that could be its month's busiest:
 *     count[h]. Of the other hours of day d it draws only the total,
 *     day_rest[d] ~ Poisson(day_rest_rate[d]) (the sum of their rates;
 *     day_rest_n[d] of them), and leaves their count[h] = SIM_UNDRAWN. It
 *     writes month_total, month_peak and month_peak_hour too, day_peak_rate
 *     (each day's busiest expected hour, which staffs the seats: costs) and
 *     day_total for the sample trajectory. All of that is common to every
 *     option and nobody writes it until the next trajectory.
 *  2. Before each option's models the engine calls sim_demand_begin(d, seed,
 *     traj, option): the option's own stream ("demand_hours", option) and a
 *     fresh copy of every day's rest (stamped: O(1)). At the start of each
 *     trajectory it calls it with option NULL.
 *  3. An option's models read hour h through sim_demand(d, h): the traffic
 *     model's count, or the option's own draw of the hour, made now if the
 *     option has not drawn it yet,
 *       D_h ~ Binomial(rest, r_h / sum of the rates of the day's hours the
 *                      option has not drawn),  the last such hour the rest,
 *     from the option's copy of the day's rest. sim_demand_peek returns the
 *     same or SIM_UNDRAWN and draws nothing; sim_demand_month draws every
 *     hour of a month. No model reads count[] of an hour that may be
 *     undrawn, and no model but traffic writes anything here.
 *
 * Why it is exact: independent Poisson counts given their sum S are
 * multinomial (S; r_i / sum r). The first hour asked for is Binomial(S,
 * r_i / sum r) and the others, given it, multinomial over what is left, so in
 * whatever order the hours are asked for, an option's hours have the joint
 * law of independent Poisson(r_h) counts with the traffic model's day totals.
 * The monthly totals are sums of whole numbers (exact in double). The
 * busiest hour is exact but for probability exp(SIM_LOG_EPS) = 1e-12 per
 * month: an hour is left undrawn only if its rate is below the Chernoff
 * cut-off for reaching the month's busiest drawn count
 * (counts_poisson_cutoff), and the capacity model draws, before an hour
 * pass, every undrawn hour that could reach its capacity or its busiest
 * served hour.
 *
 * Why options do not interact: each option draws from its own stream and its
 * own copy of the day totals, started afresh, so no option's draws depend on
 * what another option drew; two options that need the same quiet hour each
 * draw it from the same day total (tests/unit/test_demand.c).
 */
#ifndef HS_DEMAND_H
#define HS_DEMAND_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "base/hs_error.h"
#include "plan.h"

/* count[h] of an hour the traffic model did not draw. */
#define SIM_UNDRAWN UINT32_MAX
/* log of the bound, per month, on the probability that an hour left undrawn
 * reaches the count it was judged unable to reach: log(1e-12). */
#define SIM_LOG_EPS (-27.631021115928547)

typedef struct {
    const sim_plan *plan;
    /* written by the traffic model, once per trajectory (1. above) */
    float *rate;           /* [H] expected messages of each hour (Poisson mean) */
    uint32_t *count;       /* [H] messages demanded, or SIM_UNDRAWN */
    uint32_t *day_rest;    /* [days] messages of the day's undrawn hours together */
    double *day_rest_rate; /* [days] sum of the rates of the day's undrawn hours */
    uint8_t *day_rest_n;   /* [days] how many of its hours are undrawn */
    double *month_total;   /* [months] messages demanded (exact: a sum of whole numbers) */
    double *month_peak;    /* [months] the busiest hour's count */
    int *month_peak_hour;  /* [months] the first hour of the month with that count */
    double *day_peak_rate; /* [days] the day's busiest expected hour: its level (day noise
                              included) x day_top_weight, the largest rate[h] of the day
                              before the hourly gamma factors; read by costs (seats) */
    double *day_total;     /* [days] messages demanded: the sample trajectory only */
    /* the current option's own draws (demand.c only): own[h] is valid where
     * own_stamp[h] == stamp, own_rest*[d] where own_day_stamp[d] == stamp */
    uint32_t *own;           /* [H] */
    uint32_t *own_stamp;     /* [H] */
    uint32_t *own_rest;      /* [days] what is left of day_rest for this option */
    double *own_rest_rate;   /* [days] */
    uint8_t *own_rest_n;     /* [days] */
    uint32_t *own_day_stamp; /* [days] */
    uint32_t *own_block;     /* [H] == stamp: the hour is in a block (sim_demand_block), never
                                drawn alone; own[] holds the block's sum at its first hour,
                                SIM_UNDRAWN at the others */
    uint32_t stamp;
    gsl_rng *r; /* the current option's "demand_hours" stream */
} sim_demand_state;

/* The state of plan p's horizon (caller frees). NULL (e set) when out of memory. */
sim_demand_state *sim_demand_new(const sim_plan *p, hs_error *e);
void sim_demand_free(sim_demand_state *d);

/* Starts the draws of undrawn hours for one option of trajectory (seed,
 * traj), or for none (option NULL): its own stream and a fresh copy of
 * every day's rest. */
void sim_demand_begin(sim_demand_state *d, uint64_t seed, uint64_t traj, const char *option);

/* Draws hour h for the current option; h must be an hour the traffic model
 * left undrawn and the option has not drawn yet (asserted). */
uint32_t sim_demand_assign(sim_demand_state *d, long h);

/* Messages demanded in hour h as the current option sees it (drawn now if
 * it was not yet). */
static inline uint32_t sim_demand(sim_demand_state *d, long h)
{
    const uint32_t x = d->count[h];
    if (x != SIM_UNDRAWN) return x;
    return d->own_stamp[h] == d->stamp ? d->own[h] : sim_demand_assign(d, h);
}

/* The same, or SIM_UNDRAWN if the hour is not drawn yet (draws nothing). */
static inline uint32_t sim_demand_peek(const sim_demand_state *d, long h)
{
    const uint32_t x = d->count[h];
    if (x != SIM_UNDRAWN) return x;
    return d->own_stamp[h] == d->stamp ? d->own[h] : SIM_UNDRAWN;
}

/* Draws, for the current option, every hour of month m not drawn yet
 * (the hours of a block split its sum: multinomial by their rates). */
void sim_demand_month(sim_demand_state *d, int m);

/* Sum of D_h over hours [h0, h1) of one day (h0 < h1, asserted), for the
 * current option, drawing the undrawn ones together: one
 *   Binomial(rest, sum of their rates / sum of the rates of the day's undrawn hours),
 * or the rest if they are the day's last undrawn hours. Those hours become a
 * block: sim_demand and sim_demand_assign must not be asked for them
 * (asserted), sim_demand_peek returns SIM_UNDRAWN for them, and
 * sim_demand_month splits the block's sum among them. For a caller that needs
 * only the sum (the wholly-down hours of an outage: models/capacity.c). */
uint64_t sim_demand_block(sim_demand_state *d, long h0, long h1);

#endif
