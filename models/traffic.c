/* traffic.c — hourly message demand, shared by every option.
 *
 * Equations (docs/model.md, "Traffic"):
 *   mean of hour h:   mu_h = 12 V (1 + g)^(m/12) w_h n_d
 *     V   = volume_month (the average month of year one before growth),
 *     g = growth_year (compounded monthly), m = month of h,
 *     w_h = plan hour weight: profile[weekday][hour] x peak multiplier of the
 *           day, normalised so the weights of each horizon year sum to 1,
 *     n_d = day noise, lognormal with mean 1 and coefficient of variation
 *           day_noise_cv: ln n_d ~ N(-s^2/2, s^2), s^2 = ln(1 + cv^2).
 *   count of hour h:  D_h ~ Poisson(mu_h), or gamma-Poisson with shape k =
 *     overdispersion_k (variance mu + mu^2/k) when k > 0 (sim/counts.c),
 *     drawn a day (24 hours) at a time.
 *   value of a message: revenue_year x messaging_revenue_share / (12 V).
 * Also per month: the total demand, the busiest hour and its demand (the
 * capacity model skips the hours of a month whose busiest hour fits).
 * Sources: FIGURES.md "Traffic and capacity" (72 % Mon–Fri 09–18, peaks
 * +300 % before holidays, Double 11 x4); the rest are assumptions listed in
 * inputs/default/params.csv.
 * Stream: "demand" (one per trajectory, common to all options).
 */
#include <math.h>
#include <string.h>

#include "counts.h"
#include "engine.h"

static void S_traffic(sim_work *w)
{
    const sim_plan *p = w->plan;
    const double V = w->g[PG_volume_month], g = w->g[PG_growth_year];
    const double cv = w->g[PG_day_noise_cv], k = w->g[PG_overdispersion_k];
    const double s2 = log1p(cv * cv), s = sqrt(s2), mu0 = -s2 / 2;
    w->value_per_message = w->g[PG_revenue_year] * w->g[PG_messaging_revenue_share] / (12 * V);
    sim_stream(w, "demand", NULL);
    const gsl_rng *r = w->r;
    const float *wt = p->hour_weight;
    uint32_t *dem = w->demand;
    double mu[24];
    for (int m = 0; m < p->months; m++) {
        const double gm = 12 * V * pow(1 + g, m / 12.0);
        const int h0 = p->month_first_hour[m], h1 = p->month_first_hour[m + 1];
        double total = 0;
        uint32_t peak = 0;
        int peak_hour = h0;
        for (int h = h0; h < h1; h += 24) {
            const double noise = cv > 0 ? exp(mu0 + s * counts_normal(r)) : 1.0;
            const double scale = gm * noise;
            for (int i = 0; i < 24; i++) mu[i] = scale * wt[h + i];
            counts_negbin_n(r, 24, mu, k, dem + h); /* k <= 0: Poisson */
            uint32_t day = 0;
            for (int i = h; i < h + 24; i++) {
                day += dem[i];
                if (dem[i] > peak) peak = dem[i], peak_hour = i;
            }
            total += day;
            if (w->sample) w->day_demand[h / 24] = day;
        }
        w->month_demand[m] = total;
        w->month_peak[m] = peak;
        w->month_peak_hour[m] = peak_hour;
    }
}

const model_type model_traffic = {"traffic", S_traffic, NULL};
