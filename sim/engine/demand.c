/* demand.c — the hours the traffic model left undrawn, drawn on demand for
 * the current option (the contract: demand.h).
 *
 * An undrawn hour takes a binomial share of what is left of its day's total
 * for the option, in proportion to its rate among the day's hours the option
 * has not drawn; the last one takes the rest. Each option starts from the
 * traffic model's day totals with its own copy (stamped, so starting afresh
 * costs nothing) and its own stream; GSL draws the binomials
 * (gsl_ran_binomial).
 */
#include "demand.h"

#include <assert.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>
#include <string.h>

#include "streams.h"

void sim_demand_free(sim_demand_state *d)
{
    if (!d) return;
    if (d->r) gsl_rng_free(d->r);
    free(d->rate);
    free(d->count);
    free(d->day_rest);
    free(d->day_rest_rate);
    free(d->day_rest_n);
    free(d->month_total);
    free(d->month_peak);
    free(d->month_peak_hour);
    free(d->day_peak_rate);
    free(d->day_total);
    free(d->own);
    free(d->own_stamp);
    free(d->own_rest);
    free(d->own_rest_rate);
    free(d->own_rest_n);
    free(d->own_day_stamp);
    free(d->own_block);
    free(d);
}

sim_demand_state *sim_demand_new(const sim_plan *p, hs_error *e)
{
    sim_demand_state *d = calloc(1, sizeof *d);
    if (!d) goto oom;
    const size_t H = (size_t)p->hours, M = (size_t)p->months, D = (size_t)p->days;
    d->plan = p;
    d->r = streams_alloc();
    d->rate = malloc(H * sizeof *d->rate);
    d->count = malloc(H * sizeof *d->count);
    d->day_rest = malloc(D * sizeof *d->day_rest);
    d->day_rest_rate = malloc(D * sizeof *d->day_rest_rate);
    d->day_rest_n = malloc(D * sizeof *d->day_rest_n);
    d->month_total = malloc(M * sizeof *d->month_total);
    d->month_peak = malloc(M * sizeof *d->month_peak);
    d->month_peak_hour = malloc(M * sizeof *d->month_peak_hour);
    d->day_peak_rate = malloc(D * sizeof *d->day_peak_rate);
    d->day_total = malloc(D * sizeof *d->day_total);
    d->own = malloc(H * sizeof *d->own);
    d->own_stamp = calloc(H, sizeof *d->own_stamp);
    d->own_rest = malloc(D * sizeof *d->own_rest);
    d->own_rest_rate = malloc(D * sizeof *d->own_rest_rate);
    d->own_rest_n = malloc(D * sizeof *d->own_rest_n);
    d->own_day_stamp = calloc(D, sizeof *d->own_day_stamp);
    d->own_block = calloc(H, sizeof *d->own_block);
    if (!d->r || !d->rate || !d->count || !d->day_rest || !d->day_rest_rate || !d->day_rest_n ||
        !d->month_total || !d->month_peak || !d->month_peak_hour || !d->day_peak_rate ||
        !d->day_total || !d->own || !d->own_stamp || !d->own_rest || !d->own_rest_rate ||
        !d->own_rest_n || !d->own_day_stamp || !d->own_block)
        goto oom;
    return d;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory allocating the hourly demand");
    sim_demand_free(d);
    return NULL;
}

void sim_demand_begin(sim_demand_state *d, uint64_t seed, uint64_t traj, const char *option)
{
    streams_key(d->r, seed, traj, "demand_hours", option, NULL);
    if (++d->stamp == 0) { /* wrapped: forget every stamp */
        const sim_plan *p = d->plan;
        memset(d->own_stamp, 0, (size_t)p->hours * sizeof *d->own_stamp);
        memset(d->own_day_stamp, 0, (size_t)p->days * sizeof *d->own_day_stamp);
        memset(d->own_block, 0, (size_t)p->hours * sizeof *d->own_block);
        d->stamp = 1;
    }
}

/* The option's copy of day's rest, made at its first draw of the day. */
static void S_own_day(sim_demand_state *d, long day)
{
    if (d->own_day_stamp[day] != d->stamp) {
        d->own_day_stamp[day] = d->stamp;
        d->own_rest[day] = d->day_rest[day];
        d->own_rest_rate[day] = d->day_rest_rate[day];
        d->own_rest_n[day] = d->day_rest_n[day];
    }
}

/* Share of the day's rest for k of its undrawn hours of rates summing to
 * rate (k > 0), with the bookkeeping: Binomial(rest, rate / undrawn rates),
 * or the rest if they are the last ones. */
static uint32_t S_share(sim_demand_state *d, long day, double rate, unsigned k)
{
    assert(d->own_rest_n[day] >= k); /* they are among the day's undrawn hours */
    const uint32_t rest = d->own_rest[day];
    const double sum = d->own_rest_rate[day];
    uint32_t x = rest;
    if (d->own_rest_n[day] > k && rest > 0) {
        const double p = rate < sum ? rate / sum : 1.0; /* also when rounding left sum <= 0 */
        x = gsl_ran_binomial(d->r, p, rest);
    }
    d->own_rest[day] = rest - x;
    d->own_rest_rate[day] = sum - rate;
    d->own_rest_n[day] = (uint8_t)(d->own_rest_n[day] - k);
    return x;
}

uint32_t sim_demand_assign(sim_demand_state *d, long h)
{
    assert(d->own_stamp[h] != d->stamp); /* not drawn yet for the option */
    assert(d->own_block[h] != d->stamp); /* not in a block */
    const long day = h / 24;
    S_own_day(d, day);
    const uint32_t x = S_share(d, day, d->rate[h], 1);
    d->own[h] = x;
    d->own_stamp[h] = d->stamp;
    return x;
}

uint64_t sim_demand_block(sim_demand_state *d, long h0, long h1)
{
    assert(h0 < h1 && h0 / 24 == (h1 - 1) / 24); /* hours of one day */
    const long day = h0 / 24;
    uint64_t sum = 0;
    double rate = 0;
    unsigned k = 0;
    long first = -1;
    for (long h = h0; h < h1; h++) {
        const uint32_t x = sim_demand_peek(d, h);
        if (x != SIM_UNDRAWN) {
            sum += x;
            continue;
        }
        assert(d->own_block[h] != d->stamp); /* not in another block */
        if (first < 0) first = h;
        rate += d->rate[h];
        k++;
    }
    if (k == 0) return sum;
    S_own_day(d, day);
    const uint32_t b = S_share(d, day, rate, k);
    for (long h = first; h < h1; h++)
        if (sim_demand_peek(d, h) == SIM_UNDRAWN) {
            d->own_block[h] = d->stamp;
            d->own[h] = h == first ? b : SIM_UNDRAWN;
        }
    return sum + b;
}

/* Splits the block that starts at hour h0 among its hours (multinomial by
 * their rates, given its sum): they become ordinary drawn hours. */
static void S_split_block(sim_demand_state *d, long h0)
{
    const long end = (h0 / 24 + 1) * 24;
    long last = h0;
    double rate = d->rate[h0];
    for (long h = h0 + 1; h < end; h++) {
        if (d->own_block[h] == d->stamp) {
            if (d->own[h] != SIM_UNDRAWN) break; /* the next block */
            rate += d->rate[h];
            last = h;
        } else if (sim_demand_peek(d, h) == SIM_UNDRAWN)
            break; /* an undrawn hour: past the block */
    }
    uint32_t rest = d->own[h0];
    for (long h = h0; h <= last; h++) {
        if (d->own_block[h] != d->stamp) continue; /* drawn before the block was made */
        uint32_t x = rest;
        if (h < last && rest > 0) {
            const double p = d->rate[h] < rate ? d->rate[h] / rate : 1.0;
            x = gsl_ran_binomial(d->r, p, rest);
        }
        rate -= d->rate[h];
        rest -= x;
        d->own_block[h] = 0;
        d->own[h] = x;
        d->own_stamp[h] = d->stamp;
    }
}

void sim_demand_month(sim_demand_state *d, int m)
{
    const sim_plan *p = d->plan;
    assert(m >= 0 && m < p->months);
    for (long h = p->month_first_hour[m]; h < p->month_first_hour[m + 1]; h++)
        if (sim_demand_peek(d, h) == SIM_UNDRAWN) {
            if (d->own_block[h] == d->stamp)
                S_split_block(d, h);
            else
                sim_demand_assign(d, h);
        }
}
