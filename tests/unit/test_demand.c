/* test_demand.c — the hourly demand the traffic model leaves undrawn
 * (sim/engine/demand.h) and the Poisson cut-off that
 * decides which hours those are (counts_poisson_cutoff).
 *
 * Cut-off: at several counts t and bounds eps, every mean below the cut-off
 * has an exact upper tail P(X >= t) (GSL's gsl_cdf_poisson_Q) at most eps,
 * and the cut-off is the Chernoff root to 1e-9 (not needlessly low).
 * Law of the hours: trajectories of inputs/default are run, then every hour
 * is drawn, in one of three orders (forward by month, backward hour by hour,
 * every seventh hour first). If each count is Poisson with its hour's rate,
 * the randomised probability integral transform
 *   u = F(D - 1) + V p(D),  F, p the Poisson(rate) cdf and pmf, V uniform,
 * is uniform on (0, 1) and independent between hours. Chi-square on 20 equal
 * cells (p > 1e-4), per order and for the hours the model drew itself, and
 * the correlation of u between neighbouring undrawn hours (|r| < 5/sqrt(n)).
 * Power: the same test rejects the counts against rates 3 % too high, and
 * against rates that share a day's rest evenly instead of by rate.
 * Options: what one option draws changes nothing another option reads (its
 * own stream and copy of the day totals): with self_hosted's outages and
 * capacity changed, every result of the other options is identical.
 * Seeds are fixed; failures print them.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/counts.h"
#include "engine/engine.h"
#include "scenario/scenario.h"
#include "test_env.h"

#define S_SEED 4242u
#define S_CELLS 20
#define S_P_MIN 1e-4

/* ------------------------------------------------------------ cut-off */

static double S_chernoff(double c, double t)
{
    return -c + t - t * log(t / c);
}

Test(demand, cutoff_bounds_the_exact_poisson_tail)
{
    const double ts[] = {0.5, 1, 3, 10, 57, 300, 1161.5, 5000, 1e5};
    const double eps[] = {-34.2, -27.6, -10, -3};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
        for (size_t j = 0; j < sizeof eps / sizeof eps[0]; j++) {
            const double t = ts[i], le = eps[j];
            const double c = counts_poisson_cutoff(t, le);
            cr_assert(c >= 0 && c < t, "t=%g log eps=%g: cut-off %g outside [0, t)", t, le, c);
            if (c == 0) continue;
            /* P(X >= t) = P(X > ceil(t) - 1) */
            const double tail = gsl_cdf_poisson_Q((unsigned)ceil(t) - 1, c);
            cr_assert(tail <= exp(le), "t=%g: P(Poisson(%.17g) >= t) = %g > eps %g", t, c, tail,
                      exp(le));
            cr_assert(S_chernoff(c, t) <= le, "t=%g: the bound at the cut-off is above eps", t);
            cr_assert(S_chernoff(c * (1 + 1e-9), t) > le,
                      "t=%g log eps=%g: cut-off %.17g is not the Chernoff root", t, le, c);
        }
    cr_assert_eq(counts_poisson_cutoff(0, -27.6), 0.0);
    cr_assert_eq(counts_poisson_cutoff(-1, -27.6), 0.0);
}

/* ------------------------------------------------ law of every hour */

typedef struct {
    long n[3][S_CELLS];  /* u cells of undrawn hours, per order */
    long drawn[S_CELLS]; /* u cells of the hours the model drew */
    long high[S_CELLS];  /* undrawn hours against rates 3 % too high */
    long even[S_CELLS];  /* undrawn hours against an even share of the day */
    double sxy, sx, sy, sxx, syy;
    long npairs;
} S_pit;

/* Randomised PIT of count x under Poisson(mu). */
static double S_u(const gsl_rng *v, uint32_t x, double mu)
{
    const double below = x > 0 ? gsl_cdf_poisson_P(x - 1, mu) : 0.0;
    return below + gsl_rng_uniform(v) * gsl_ran_poisson_pdf(x, mu);
}

static int S_cell(double u)
{
    int c = (int)(u * S_CELLS);
    return c < 0 ? 0 : c >= S_CELLS ? S_CELLS - 1 : c;
}

static double S_chi2_p(const long *n)
{
    long tot = 0;
    for (int c = 0; c < S_CELLS; c++)
        tot += n[c];
    const double e = (double)tot / S_CELLS;
    double x2 = 0;
    for (int c = 0; c < S_CELLS; c++)
        x2 += (n[c] - e) * (n[c] - e) / e;
    return gsl_cdf_chisq_Q(x2, S_CELLS - 1);
}

static void S_collect(const char *const *sets, int nsets, int ntraj, S_pit *s)
{
    S_env env = S_env_new("inputs/default", sets, nsets, 2);
    sim_plan *p = env.plan;
    sim_work *w = env.w;
    const long H = p->hours;
    uint8_t *undrawn = malloc((size_t)H);
    double *even = malloc((size_t)p->days * sizeof *even);
    double *u = malloc((size_t)H * sizeof *u);
    gsl_rng *v = gsl_rng_alloc(gsl_rng_taus2);
    cr_assert(undrawn && even && u && v);
    gsl_rng_set(v, S_SEED);
    memset(s, 0, sizeof *s);
    sim_demand_state *dm = w->demand;
    for (int t = 0; t < ntraj; t++) {
        S_traj(w, S_SEED, (uint64_t)t, 0);
        for (long h = 0; h < H; h++)
            undrawn[h] = dm->count[h] == SIM_UNDRAWN;
        for (int d = 0; d < p->days; d++) {
            double r = 0;
            int n = 0;
            for (long h = 24L * d; h < 24L * d + 24; h++)
                if (undrawn[h]) r += dm->rate[h], n++;
            even[d] = n ? r / n : 0;
        }
        sim_demand_begin(dm, S_SEED, (uint64_t)t, "test"); /* as a new option would */
        const int order = t % 3;
        if (order == 0)
            for (int m = 0; m < p->months; m++)
                sim_demand_month(dm, m);
        else if (order == 1)
            for (long h = H - 1; h >= 0; h--)
                sim_demand(dm, h);
        else {
            for (long h = 0; h < H; h += 7)
                sim_demand(dm, h);
            for (long h = 0; h < H; h++)
                sim_demand(dm, h);
        }
        for (long h = 0; h < H; h++) {
            const uint32_t x = sim_demand_peek(dm, h);
            cr_assert(x != SIM_UNDRAWN, "hour %ld still undrawn", h);
            u[h] = S_u(v, x, dm->rate[h]);
            if (!undrawn[h]) {
                s->drawn[S_cell(u[h])]++;
                continue;
            }
            s->n[order][S_cell(u[h])]++;
            s->high[S_cell(S_u(v, x, 1.03 * dm->rate[h]))]++;
            s->even[S_cell(S_u(v, x, even[h / 24]))]++;
            if (h % 24 && undrawn[h - 1]) {
                s->sx += u[h - 1], s->sy += u[h], s->sxy += u[h - 1] * u[h];
                s->sxx += u[h - 1] * u[h - 1], s->syy += u[h] * u[h];
                s->npairs++;
            }
        }
    }
    gsl_rng_free(v);
    free(u);
    free(even);
    free(undrawn);
    S_env_free(&env);
}

static void S_check(const S_pit *s, const char *what)
{
    for (int o = 0; o < 3; o++) {
        const double pv = S_chi2_p(s->n[o]);
        cr_assert(pv > S_P_MIN,
                  "%s, order %d: undrawn hours are not Poisson(rate): chi-square p = %g", what, o,
                  pv);
    }
    const double pd = S_chi2_p(s->drawn);
    cr_assert(pd > S_P_MIN, "%s: hours the model drew are not Poisson(rate): p = %g", what, pd);
    const double n = (double)s->npairs;
    const double r =
        (s->sxy / n - s->sx / n * s->sy / n) /
        sqrt((s->sxx / n - s->sx * s->sx / (n * n)) * (s->syy / n - s->sy * s->sy / (n * n)));
    cr_assert(fabs(r) < 5 / sqrt(n),
              "%s: neighbouring undrawn hours correlate: r = %g over %g pairs", what, r, n);
    /* power: the same check sees a 3 % error in the rate, and an even split */
    cr_assert(S_chi2_p(s->high) < 1e-12, "%s: the test cannot tell rates 3 %% too high (p = %g)",
              what, S_chi2_p(s->high));
    cr_assert(S_chi2_p(s->even) < 1e-12, "%s: the test cannot tell an even split (p = %g)", what,
              S_chi2_p(s->even));
}

Test(demand, every_hour_is_poisson_with_its_rate_whatever_the_order_it_is_drawn_in)
{
    S_pit s;
    S_collect(NULL, 0, 12, &s);
    S_check(&s, "inputs/default");
}

Test(demand, every_hour_is_poisson_given_its_rate_with_hourly_gamma_bursts)
{
    const char *const sets[] = {"global.overdispersion_k=20"};
    S_pit s;
    S_collect(sets, 1, 9, &s);
    S_check(&s, "inputs/default, overdispersion_k=20");
}

/* ------------------------------------------- options do not interact */

static void S_run_metrics(const char *dir, const char *const *sets, int nsets, int ntraj,
                          double *met)
{
    S_env v = S_env_new(dir, sets, nsets, 5);
    sim_work *w = v.w;
    for (int t = 0; t < ntraj; t++) {
        S_traj(w, S_SEED, (uint64_t)t, 0);
        for (int o = 0; o < w->nopt; o++)
            memcpy(met + ((size_t)t * (size_t)w->nopt + (size_t)o) * MET_COUNT, w->opt[o].met,
                   sizeof w->opt[o].met);
    }
    S_env_free(&v);
}

static void S_check_independent(const char *dir, const char *const *sets, int nsets)
{
    enum { N = 8, NOPT = 4 };
    static double a[N * NOPT * MET_COUNT], b[N * NOPT * MET_COUNT];
    S_run_metrics(dir, NULL, 0, N, a);
    S_run_metrics(dir, sets, nsets, N, b);
    int changed = 0;
    for (int t = 0; t < N; t++)
        for (int o = 0; o < NOPT; o++)
            for (int k = 0; k < MET_COUNT; k++) {
                const size_t i = ((size_t)t * NOPT + (size_t)o) * MET_COUNT + (size_t)k;
                if (o == 0) {
                    changed += a[i] != b[i];
                    continue;
                }
                cr_assert(a[i] == b[i],
                          "%s: changing self_hosted moved option %d's metric %d in trajectory %d: "
                          "%.17g -> %.17g",
                          dir, o, k, t, a[i], b[i]);
            }
    cr_assert(changed > 0, "%s: the change did not change self_hosted either", dir);
}

Test(demand, one_options_outages_and_capacity_leave_the_others_untouched)
{
    const char *const sets[] = {"self_hosted.outage_rate=9", "self_hosted.maintenance_hours=7"};
    S_check_independent("inputs/default", sets, 2);
    const char *const cap[] = {"self_hosted.capacity_rps=20", "self_hosted.outage_rate=9"};
    S_check_independent("inputs/large", cap, 2);
}

/* ------------------------------------------------ block of hours */

/* A day of known rest (1000 messages) and rates 1..24: the sum of hours
 * [3, 7) drawn as a block is Binomial(1000, p), p = (4+5+6+7) / 300: its
 * mean and variance over 20,000 fixed-seed trajectories within 5 standard
 * errors; the day's hours, the block split by sim_demand_month, sum to the
 * rest exactly; a block of the whole day is the rest without a draw. */
Test(demand, block_sum_is_binomial_and_the_day_still_sums_to_its_total)
{
    hs_error e = {0};
    scenario *sc = S_load("inputs/default", NULL, 0);
    sim_plan *p = sim_plan_new(sc, (cal_date){2027, 1, 1}, 1, &e);
    cr_assert(p, "%s", e.msg);
    sim_demand_state *d = sim_demand_new(p, &e);
    cr_assert(d, "%s", e.msg);
    double total = 0;
    for (long h = 0; h < 24; h++) {
        d->rate[h] = (float)(h + 1);
        d->count[h] = SIM_UNDRAWN;
        total += h + 1;
    }
    d->day_rest[0] = 1000;
    d->day_rest_rate[0] = total;
    d->day_rest_n[0] = 24;
    const double pr = (4.0 + 5 + 6 + 7) / total, n = 1000, N = 20000;
    double s = 0, ss = 0;
    for (int t = 0; t < (int)N; t++) {
        sim_demand_begin(d, S_SEED, (uint64_t)t, "block");
        const double b = (double)sim_demand_block(d, 3, 7);
        s += b, ss += b * b;
        for (long h = 0; h < 24; h++) /* the day's other hours, then the block split */
            if (h < 3 || h >= 7) sim_demand(d, h);
        for (long h = 24; h < p->month_first_hour[1]; h++)
            d->count[h] = 0; /* the rest of the month drawn (zero) */
        sim_demand_month(d, 0);
        double day = 0, blk = 0;
        for (long h = 0; h < 24; h++) {
            const uint32_t x = sim_demand_peek(d, h);
            cr_assert(x != SIM_UNDRAWN, "trajectory %d: hour %ld left undrawn", t, h);
            day += x;
            if (h >= 3 && h < 7) blk += x;
        }
        cr_assert(day == 1000 && blk == b, "trajectory %d: day %g (1000), block %g (%g)", t, day,
                  blk, b);
    }
    const double mean = s / N, var = ss / N - mean * mean;
    const double m0 = n * pr, v0 = n * pr * (1 - pr);
    cr_assert(fabs(mean - m0) < 5 * sqrt(v0 / N), "block mean %g, binomial %g", mean, m0);
    cr_assert(fabs(var - v0) < 5 * v0 * sqrt(2.0 / N), "block variance %g, binomial %g", var, v0);
    sim_demand_begin(d, S_SEED, 0, "block");
    cr_assert_eq(sim_demand_block(d, 0, 24), 1000);
    sim_demand_free(d);
    sim_plan_free(p);
    scenario_free(sc);
}
