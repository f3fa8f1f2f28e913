/* traffic.c — hourly message demand, shared by every option.
 *
 * Equations (docs/model.md, "Traffic"):
 *   rate of hour h:   r_h = 12 V (1 + g)^(m/12) w_h n_d G_h
 *     V   = volume_month (the average month of year one before growth),
 *     g = growth_year (compounded monthly), m = month of h,
 *     w_h = plan hour weight: profile[weekday][hour] x peak multiplier of the
 *           day, normalised so the weights of each horizon year sum to 1,
 *     n_d = day noise, lognormal with mean 1 and coefficient of variation
 *           day_noise_cv: ln n_d ~ N(-s^2/2, s^2), s^2 = ln(1 + cv^2),
 *     G_h = 1, or Gamma(k, 1/k) with k = overdispersion_k > 0 (independent
 *           hourly bursts: the count is then gamma-Poisson, variance
 *           r + r^2/k about its day's rate).
 *   count of hour h:  D_h ~ Poisson(r_h), independent given the rates.
 *   value of a message: revenue_year x messaging_revenue_share / (12 V), a
 *     price: set by the price hook (engine.h, the second step).
 * Also per month: the total demand, the busiest hour and its demand; per
 * day: the busiest expected hour, 12 V (1 + g)^(m/12) n_d max_h w_h (the
 * largest r_h of the day without G_h: the forecast that staffs the seats).
 *
 * Which counts are drawn here (the scheme and why it is exact:
 * sim/engine/demand.h): per month, the hours with r_h >= 0.9 x the month's
 * highest rate before G are drawn one by one, giving a busiest count P;
 * then every hour whose rate is at least c = counts_poisson_cutoff(P,
 * log(1e-12 / hours of the month)), the largest rate at which an hour could
 * reach P with probability above 1e-12/hours (Chernoff bound). For each day
 * the remaining hours get only their total, Poisson(sum of their rates);
 * their own counts are drawn from it when an option's model asks
 * (sim_demand). About 8 % of the default scenario's hours are drawn one by
 * one.
 * Sources: FIGURES.md "Traffic and capacity" (72 % Mon–Fri 09–18, peaks
 * +300 % before holidays, Double 11 x4); the rest are assumptions listed in
 * inputs/default/params.csv.
 * Streams: "demand" (one per trajectory, common to all options: day noise,
 * gamma factors, the counts drawn here); the hours drawn later from their
 * day's total use ("demand_hours", option) (sim/engine/demand.c).
 */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "engine/counts.h"
#include "engine/engine.h"

/* Hours whose rate is at least this share of the month's highest rate are
 * drawn first; their maximum sets the cut-off for the others. */
#define S_FIRST_SHARE 0.9

/* Draws hour h on its own and keeps the month's busiest hour (the first
 * one in hour order on ties). */
static inline void S_draw_hour(const gsl_rng *r, sim_demand_state *dm, long h, uint32_t *peak,
                               long *peak_hour)
{
    const uint32_t x = counts_poisson(r, dm->rate[h]);
    dm->count[h] = x;
    if (x > *peak || (x == *peak && h < *peak_hour)) *peak = x, *peak_hour = h;
}

static hs_status S_traffic(sim_work *w, hs_error *e)
{
    (void)e; /* cannot fail */
    const sim_plan *p = w->plan;
    const double V = w->g[PG_volume_month], g = w->g[PG_growth_year];
    const double cv = w->g[PG_day_noise_cv], k = w->g[PG_overdispersion_k];
    const double s2 = log1p(cv * cv), s = sqrt(s2), mu0 = -s2 / 2;
    const int mixed = k > 0 && !isinf(k);
    sim_stream(w, "demand", NULL);
    const gsl_rng *r = w->r;
    const float *wt = p->hour_weight;
    sim_demand_state *dm = w->demand;
    float *rate = dm->rate;
    uint32_t *dem = dm->count;
    /* per day of the month (at most 31: sim_plan_new asserts it): scale, drawn
     * messages, undrawn hours' rate sum, largest undrawn rate, undrawn hours */
    double scale[31], und_sum[31], und_top[31];
    uint64_t drawn[31];
    int und_n[31];
    for (int m = 0; m < p->months; m++) {
        const double gm = 12 * V * pow(1 + g, m / 12.0);
        const long h0 = p->month_first_hour[m], h1 = p->month_first_hour[m + 1];
        const int d0 = (int)(h0 / 24), nd = (int)((h1 - h0) / 24);
        /* the day noise, and the month's highest rate before the gamma factors */
        double top = 0;
        for (int j = 0; j < nd; j++) {
            const double noise = cv > 0 ? exp(mu0 + s * gsl_ran_gaussian_ziggurat(r, 1.0)) : 1.0;
            scale[j] = gm * noise;
            const double t = scale[j] * p->day_top_weight[d0 + j];
            dm->day_peak_rate[d0 + j] = t;
            if (t > top) top = t;
        }
        /* the rates; the busiest hours drawn on their own */
        const double first = S_FIRST_SHARE * top;
        uint32_t peak = 0;
        long peak_hour = h0;
        for (int j = 0; j < nd; j++) {
            const long hd = h0 + 24L * j;
            double usum = 0, utop = 0;
            uint64_t dsum = 0;
            int un = 0;
            for (long h = hd; h < hd + 24; h++) {
                double mu = scale[j] * wt[h];
                if (mixed && mu > 0) mu *= gsl_ran_gamma(r, k, 1.0 / k);
                if (mu > COUNTS_MU_MAX) mu = COUNTS_MU_MAX;
                rate[h] = (float)mu;
                mu = rate[h];
                if (mu >= first && mu > 0) {
                    S_draw_hour(r, dm, h, &peak, &peak_hour);
                    dsum += dem[h];
                } else {
                    dem[h] = SIM_UNDRAWN;
                    usum += mu;
                    if (mu > utop) utop = mu;
                    un++;
                }
            }
            drawn[j] = dsum, und_sum[j] = usum, und_top[j] = utop, und_n[j] = un;
        }
        /* then every hour that could reach the busiest, and each day's rest */
        const double cut = counts_poisson_cutoff(peak, SIM_LOG_EPS - log((double)(h1 - h0)));
        double total = 0;
        for (int j = 0; j < nd; j++) {
            const long hd = h0 + 24L * j, d = d0 + j;
            /* a rest too large for one draw (absurd volumes): every hour on its own */
            const int all = und_sum[j] > COUNTS_MU_MAX;
            if (all || und_top[j] >= cut) {
                und_sum[j] = 0;
                for (long h = hd; h < hd + 24; h++) {
                    if (dem[h] != SIM_UNDRAWN) continue;
                    if (all || rate[h] >= cut) {
                        S_draw_hour(r, dm, h, &peak, &peak_hour);
                        drawn[j] += dem[h];
                        und_n[j]--;
                    } else
                        und_sum[j] += rate[h];
                }
            }
            const uint32_t rest = und_sum[j] > 0 ? counts_poisson(r, und_sum[j]) : 0;
            dm->day_rest[d] = rest;
            dm->day_rest_rate[d] = und_sum[j];
            dm->day_rest_n[d] = (uint8_t)und_n[j];
            const uint64_t day = drawn[j] + rest;
            total += (double)day;
            if (w->sample) dm->day_total[d] = (double)day;
        }
        dm->month_total[m] = total;
        dm->month_peak[m] = peak;
        dm->month_peak_hour[m] = (int)peak_hour;
    }
    return HS_OK;
}

/* The value of a message, a price (revenue_year, messaging_revenue_share): set in the second
 * step, before the other price hooks read it. */
static hs_status S_traffic_price(sim_work *w, opt_work *o, hs_error *e)
{
    (void)o, (void)e; /* cannot fail */
    const double *g = w->g;
    w->value_per_message =
        g[PG_revenue_year] * g[PG_messaging_revenue_share] / (12 * g[PG_volume_month]);
    return HS_OK;
}

const model_type model_traffic = {
    .name = "traffic", .trajectory = S_traffic, .price = S_traffic_price, .provides = SIM_DEMAND};
