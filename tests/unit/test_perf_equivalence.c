/* test_perf_equivalence.c — the fast capacity pass (models/capacity.c)
 * against a straightforward hour-by-hour reference.
 *
 * The capacity model skips the hours of a month whose busiest hour fits
 * under the capacity and is up, and takes downtime from the merged outage
 * intervals. Here every trajectory is run through the real models, then the
 * reference recomputes each option from the same hourly demand and merged
 * intervals, hour by hour, the way the model did before it learnt to skip:
 * per-hour down shares accumulated in float as models/outages.c does, then
 * s_h = D_h - D_h down_h, overflow if s_h > capacity, upgrades ordered and
 * arriving as in the model, the capacity moving with the month's plan tier
 * (o->month_terms). Everything must agree exactly (==), except
 * that served messages, which the model computes as sum D_h - sum D_h
 * down_h (one rounding) where the hour-by-hour sum rounds at each hour:
 * those must equal the same formula exactly and the hour-by-hour sum to
 * 1e-12. Scenarios: inputs/default (no overflow), inputs/large (overflow
 * and upgrades), and inputs/default with many long outages (busiest hours
 * down, outages spanning month ends). Also checks the traffic model's
 * monthly totals and peaks against the hourly demand. The models leave most
 * hours undrawn (sim/engine/demand.h); the test draws all of them
 * after each option's models, as that option would, so it also checks that
 * no hour left undrawn could have changed a peak, an overflow or a served
 * count.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/units.h"
#include "engine/engine.h"
#include "scenario/scenario.h"
#include "test_env.h"

#define S_YEARS 5
#define S_SEED 20270101u

typedef struct {
    double served_hourly; /* sum of s_h in hour order */
    double served_exact;  /* sum D_h - sum D_h down_h - lost */
    double peak, overflow, lost_outage, lost_overflow;
    double lost_outage_hourly; /* sum D_h down_h in hour order, one hour at a time */
} S_month;

typedef struct {
    S_month *month;
    double *day_overflow;
    double overflow_total, lost, delayed;
    int months_peak_down;   /* months whose busiest hour is (partly) down */
    int months_overflowing; /* months with at least one overflow hour */
    int upgrades;
} S_ref;

/* Per-hour down shares from the merged intervals, as models/outages.c. */
static void S_down_shares(const sim_plan *p, const opt_work *o, float *down)
{
    const double H = (double)p->hours;
    memset(down, 0, (size_t)p->hours * sizeof *down);
    for (int i = 0; i < o->merged.n; i++) {
        double a = o->merged.v[i].t0, b = o->merged.v[i].t1 < H ? o->merged.v[i].t1 : H;
        for (long h = (long)a; h < b; h++) {
            double lo = a > h ? a : (double)h, hi = b < h + 1 ? b : (double)(h + 1);
            down[h] += (float)(hi - lo);
        }
    }
}

/* The capacity model, hour by hour, with nothing skipped. */
static void S_reference(const sim_work *w, const opt_work *o, const uint32_t *dem,
                        const float *down, S_ref *ref)
{
    const sim_plan *p = w->plan;
    const double *q = o->p;
    const double per_msg =
        w->g[PG_req_per_message] * w->g[PG_burst_factor] / UNITS_SECONDS_PER_HOUR;
    const sim_terms *terms = o->month_terms; /* the plan's capacity of each month */
    double cap = terms[0].capacity_rps * q[PO_elastic_factor] / per_msg;
    const double add = q[PO_upgrade_capacity_rps] * q[PO_elastic_factor] / per_msg;
    const double K = q[PO_upgrade_after_hours];
    long next_change = -1;
    double lost_total = 0, delayed_total = 0, down_total = 0;
    ref->overflow_total = 0;
    ref->months_peak_down = ref->months_overflowing = ref->upgrades = 0;
    memset(ref->day_overflow, 0, (size_t)p->days * sizeof *ref->day_overflow);
    for (int m = 0; m < p->months; m++) {
        const int h0 = p->month_first_hour[m], h1 = p->month_first_hour[m + 1];
        if (m > 0 && terms[m].capacity_rps != terms[m - 1].capacity_rps) /* another tier */
            cap += (terms[m].capacity_rps - terms[m - 1].capacity_rps) * q[PO_elastic_factor] /
                   per_msg;
        double served = 0, demand = 0, peak = 0, ovh = 0, excess = 0, down_msgs = 0;
        double down_hourly = 0, run = 0; /* run: a day's wholly-down hours in a row, in whole
                                            messages, added at its end as the model does */
        double busiest = -1;
        int busiest_h = h0;
        for (int h = h0; h < h1; h++) {
            if (h == next_change) cap += add, next_change = -1;
            const double d = dem[h], f = down[h];
            const double s = d - d * f;
            down_hourly += d * f;
            if (f == 1.0 && h % 24 != 0 && down[h - 1] == 1.0f)
                run += d;
            else {
                down_msgs += run, run = 0;
                if (f == 1.0)
                    run = d;
                else
                    down_msgs += d * f;
            }
            demand += d;
            if (s > cap) {
                ovh += 1;
                excess += s - cap;
                ref->day_overflow[h / 24] += 1;
            }
            served += s;
            if (s > peak) peak = s;
            if (d > busiest) busiest = d, busiest_h = h;
        }
        down_msgs += run;
        const double lost = excess * q[PO_overflow_lost_share];
        S_month *r = &ref->month[m];
        r->lost_outage_hourly = down_hourly;
        r->served_hourly = served - lost;
        r->served_exact = demand - down_msgs - lost;
        r->peak = peak < cap ? peak : cap;
        r->overflow = ovh;
        r->lost_outage = down_msgs;
        r->lost_overflow = lost;
        ref->overflow_total += ovh;
        lost_total += lost;
        delayed_total += excess - lost;
        down_total += down_msgs;
        ref->months_peak_down += down[busiest_h] > 0;
        ref->months_overflowing += ovh > 0;
        if (K > 0 && ovh >= K && next_change < 0 && add > 0 && m + 1 < p->months) {
            long arrive = p->month_first_hour[m + 1] + (long)(q[PO_upgrade_lead_time] * 24);
            if (arrive < p->hours) next_change = arrive, ref->upgrades++;
        }
    }
    const double ol = q[PO_outage_loss_share];
    ref->lost = lost_total + down_total * ol;
    ref->delayed = delayed_total + down_total * (1 - ol);
}

/* After each option's models (sim_work.option_done): draws every hour the
 * option left undrawn and keeps the option's hourly demand. */
static void S_capture(void *ctx, sim_work *w, opt_work *o)
{
    uint32_t **hours = ctx;
    for (int m = 0; m < w->plan->months; m++)
        sim_demand_month(w->demand, m);
    for (long h = 0; h < w->plan->hours; h++)
        hours[o->index][h] = sim_demand(w->demand, h);
}

/* Runs n trajectories of dir (+ sets) and compares every option with the
 * reference; returns totals of the coverage counters over all of them. */
static void S_compare(const char *dir, const char *const *sets, int nsets, int n, S_ref *cover)
{
    hs_error e = {0};
    scenario *sc = S_load(dir, sets, nsets);
    sim_plan *p = sim_plan_new(sc, (cal_date){2027, 1, 1}, S_YEARS, &e);
    cr_assert(p, "%s", e.msg);
    sim_work *w = sim_work_new(p, NULL, &e);
    cr_assert(w, "%s", e.msg);
    float *down = malloc((size_t)p->hours * sizeof *down);
    uint32_t *hours[16];
    cr_assert(w->nopt <= 16);
    for (int i = 0; i < w->nopt; i++) {
        hours[i] = malloc((size_t)p->hours * sizeof *hours[i]);
        cr_assert(hours[i]);
    }
    w->option_done = S_capture;
    w->option_done_ctx = hours;
    S_ref ref = {0};
    ref.month = malloc((size_t)p->months * sizeof *ref.month);
    ref.day_overflow = malloc((size_t)p->days * sizeof *ref.day_overflow);
    cr_assert(down && ref.month && ref.day_overflow);
    memset(cover, 0, sizeof *cover);

    for (int t = 0; t < n; t++) {
        const int sample = t == 0;
        S_traj(w, S_SEED, (uint64_t)t, sample);
        /* each option's hourly demand, every hour drawn (S_capture): an hour it
         * left undrawn that reached its month's peak or its capacity
         * (probability < 1e-12 a month) would show below as a mismatch */
        for (int i = 0; i < w->nopt; i++)
            for (int m = 0; m < p->months; m++) { /* the traffic model's monthly figures */
                const uint32_t *dem = hours[i];
                double total = 0, peak = -1;
                int peak_h = -1;
                for (int h = p->month_first_hour[m]; h < p->month_first_hour[m + 1]; h++) {
                    total += dem[h];
                    if (dem[h] > peak) peak = dem[h], peak_h = h;
                }
                const sim_demand_state *dm = w->demand;
                cr_assert(dm->month_total[m] == total && dm->month_peak[m] == peak &&
                              dm->month_peak_hour[m] == peak_h,
                          "%s trajectory %d option %d month %d: traffic's total/peak/hour "
                          "%.17g/%g/%d, hours give %.17g/%g/%d",
                          dir, t, i, m, dm->month_total[m], dm->month_peak[m],
                          dm->month_peak_hour[m], total, peak, peak_h);
            }
        for (long h = 0; h < p->hours; h++)
            cr_assert(w->down[h] == 0.0f, "%s trajectory %d: scratch down[%ld] left %g", dir, t, h,
                      (double)w->down[h]);
        for (int i = 0; i < w->nopt; i++) {
            const opt_work *o = &w->opt[i];
            const char *name = o->so->name;
            S_down_shares(p, o, down);
            S_reference(w, o, hours[i], down, &ref);
            for (int m = 0; m < p->months; m++) {
                const S_month *r = &ref.month[m];
                cr_assert(
                    o->month_overflow[m] == r->overflow &&
                        o->month_lost_overflow[m] == r->lost_overflow &&
                        o->month_lost_outage[m] == r->lost_outage &&
                        o->month_peak_msgs[m] == r->peak,
                    "%s %s trajectory %d month %d: overflow %g/%g, lost to overflow "
                    "%.17g/%.17g, lost to outage %.17g/%.17g, peak %.17g/%.17g (model/reference)",
                    dir, name, t, m, o->month_overflow[m], r->overflow, o->month_lost_overflow[m],
                    r->lost_overflow, o->month_lost_outage[m], r->lost_outage,
                    o->month_peak_msgs[m], r->peak);
                cr_assert(fabs(o->month_lost_outage[m] - r->lost_outage_hourly) <=
                              1e-12 * fmax(1.0, r->lost_outage_hourly),
                          "%s %s trajectory %d month %d: lost to outage %.17g, hour by hour %.17g",
                          dir, name, t, m, o->month_lost_outage[m], r->lost_outage_hourly);
                cr_assert(o->month_served[m] == r->served_exact,
                          "%s %s trajectory %d month %d: served %.17g, reference %.17g", dir, name,
                          t, m, o->month_served[m], r->served_exact);
                cr_assert(fabs(o->month_served[m] - r->served_hourly) <=
                              1e-12 * fmax(1.0, fabs(r->served_hourly)),
                          "%s %s trajectory %d month %d: served %.17g, hour-by-hour sum %.17g", dir,
                          name, t, m, o->month_served[m], r->served_hourly);
            }
            cr_assert(o->met[MET_overflow_hours] == ref.overflow_total &&
                          o->met[MET_messages_lost] == ref.lost &&
                          o->met[MET_messages_delayed] == ref.delayed,
                      "%s %s trajectory %d: overflow hours %g/%g, lost %.17g/%.17g, delayed "
                      "%.17g/%.17g (model/reference)",
                      dir, name, t, o->met[MET_overflow_hours], ref.overflow_total,
                      o->met[MET_messages_lost], ref.lost, o->met[MET_messages_delayed],
                      ref.delayed);
            if (sample)
                for (int d = 0; d < p->days; d++)
                    cr_assert(o->day_overflow[d] == ref.day_overflow[d],
                              "%s %s day %d: overflow hours %g, reference %g", dir, name, d,
                              o->day_overflow[d], ref.day_overflow[d]);
            cover->months_peak_down += ref.months_peak_down;
            cover->months_overflowing += ref.months_overflowing;
            cover->upgrades += ref.upgrades;
        }
    }
    free(ref.month);
    free(ref.day_overflow);
    free(down);
    for (int i = 0; i < w->nopt; i++)
        free(hours[i]);
    sim_work_free(w);
    sim_plan_free(p);
    scenario_free(sc);
}

Test(perf_equivalence, capacity_matches_the_hourly_reference_on_the_default_scenario)
{
    S_ref cover;
    S_compare("inputs/default", NULL, 0, 12, &cover);
    cr_expect(cover.months_peak_down > 0, "no month had its busiest hour down: path not covered");
}

Test(perf_equivalence, capacity_matches_the_hourly_reference_with_overflow_and_upgrades)
{
    S_ref cover;
    S_compare("inputs/large", NULL, 0, 8, &cover);
    cr_expect(cover.months_overflowing > 50 && cover.upgrades > 0,
              "inputs/large gave %d overflowing months and %d upgrades: the hour-by-hour path "
              "is not covered",
              cover.months_overflowing, cover.upgrades);
}

Test(perf_equivalence, capacity_matches_the_hourly_reference_with_many_long_outages)
{
    const char *const sets[] = {"self_hosted.outage_rate=20", "self_hosted.repair_hours=30",
                                "cloud_hosted.outage_rate=8", "cloud_hosted.repair_hours=70",
                                "saas.outage_rate=3"};
    S_ref cover;
    S_compare("inputs/default", sets, (int)(sizeof sets / sizeof sets[0]), 6, &cover);
    cr_expect(cover.months_peak_down > 100, "only %d months had their busiest hour down",
              cover.months_peak_down);
}

Test(perf_equivalence, capacity_matches_the_hourly_reference_with_hourly_gamma_bursts)
{
    /* overdispersion_k > 0: the rates carry a gamma factor per hour */
    const char *const sets[] = {"global.overdispersion_k=5", "self_hosted.outage_rate=10",
                                "payg.capacity_rps=2"};
    S_ref cover;
    S_compare("inputs/default", sets, (int)(sizeof sets / sizeof sets[0]), 6, &cover);
    cr_expect(cover.months_peak_down > 0 && cover.months_overflowing > 0,
              "%d months with the busiest hour down, %d overflowing: paths not covered",
              cover.months_peak_down, cover.months_overflowing);
}
