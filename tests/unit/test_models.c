/* test_models.c — each model against a closed form. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "base/units.h"
#include "engine/engine.h"
#include "models/models.h"
#include "scenario/scenario.h"
#include "test_env.h"

static double S_cat(const S_env *v, int opt, ledger_category c)
{
    return ledger_category_total(v->w->opt[opt].led, c);
}

static double S_geo(double r, int from, int to) /* sum of (1+r)^y for y in [from, to] */
{
    double s = 0;
    for (int y = from; y <= to; y++)
        s += pow(1 + r, y);
    return s;
}

Test(ledger, npv_of_constant_stream_matches_annuity)
{
    ledger *l = ledger_new(60);
    for (int m = 0; m < 60; m++)
        ledger_add(l, CAT_subscription, m, 1234.5);
    double v = pow(1.07, -1.0 / 12);
    double expect = 1234.5 * (1 - pow(v, 60)) / (1 - v);
    cr_assert_float_eq(ledger_npv(l, 0.07), expect, 1e-6 * expect);
    cr_assert_float_eq(ledger_annuity(1234.5, 60, 0.07), expect, 1e-6 * expect);
    cr_assert_float_eq(ledger_npv(l, 0), 1234.5 * 60, 1e-6);
    ledger_free(l);
}

Test(models, fixed_parameters_give_the_hand_calculated_ledger)
{
    S_env v = S_env_new("tests/data/model_fixed", NULL, 0, 5);
    S_traj(v.w, 7, 0, 0);
    /* labour: 12 months a year at raise 1.05^y, x1.4 from month 36 */
    double lab = 12 * (S_geo(0.05, 0, 2) + 1.4 * (pow(1.05, 3) + pow(1.05, 4)));
    cr_assert_float_eq(S_cat(&v, 0, CAT_it_labour), 0.5 * 150000 / 12 * lab, 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_operations_labour), 10 * 80 * lab, 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_software_licences), 80000 + 24000 * S_geo(0.03, 0, 4),
                       1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_licence_maintenance), 80000 * 0.15 * S_geo(0.03, 1, 4),
                       1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_subscription), 1000 * 12 * S_geo(0.03, 0, 4), 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_compliance), 36000 * S_geo(0.03, 0, 4), 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_upgrades), 30000 * S_geo(0.03, 1, 3), 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_migration_training), 40000, 1e-9);
    double value = 1200000 * 0.25 / (12 * 10000.0);
    cr_assert_float_eq(S_cat(&v, 0, CAT_golive_delay), 30 * 120000 / 365.25 * 0.2 * value, 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_hardware), 90000, 1e-9);
    /* 1826 days: the items are 59.99 months old at the horizon */
    double age = 43824 / UNITS_HOURS_PER_MONTH;
    cr_assert_float_eq(S_cat(&v, 0, CAT_salvage), -90000 * 0.275 * (60 - age) / 24, 1e-6);
    cr_assert_float_eq(v.w->opt[0].met[MET_downtime_hours], 0, 1e-12);
    cr_assert_float_eq(v.w->opt[0].met[MET_availability], 1, 1e-12);
    /* tco is the sum of the categories */
    double sum = 0;
    for (int c = 0; c < CAT_COUNT; c++)
        sum += S_cat(&v, 0, (ledger_category)c);
    cr_assert_float_eq(v.w->opt[0].met[MET_tco], sum, 1e-6);
    S_env_free(&v);
}

/* labour over 5 years at raise 1.05^y, x f from month 36 */
static double S_labour_years(double f)
{
    return 12 * (S_geo(0.05, 0, 2) + f * (pow(1.05, 3) + pow(1.05, 4)));
}

Test(costs, tech_debt_grows_only_the_maintenance_share_of_the_fte)
{
    const char *sets[] = {"alpha.tech_debt_share=0.25"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 1, 5);
    S_traj(v.w, 7, 0, 0);
    /* the FTE: x (1 + 0.4 x 0.25) = 1.1 after 3 years; the ops hours are all maintenance: x 1.4 */
    cr_assert_float_eq(S_cat(&v, 0, CAT_it_labour), 0.5 * 150000 / 12 * S_labour_years(1.1), 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_operations_labour), 10 * 80 * S_labour_years(1.4), 1e-6);
    S_env_free(&v);
    const char *none[] = {"alpha.tech_debt_share=0"};
    v = S_env_new("tests/data/model_fixed", none, 1, 5);
    S_traj(v.w, 7, 0, 0);
    cr_assert_float_eq(S_cat(&v, 0, CAT_it_labour), 0.5 * 150000 / 12 * S_labour_years(1), 1e-6);
    S_env_free(&v);
}

Test(costs, licence_maintenance_is_on_licence_upfront_not_on_the_oneoff_licence)
{
    const char *sets[] = {"alpha.licence_oneoff=20000"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 1, 5);
    S_traj(v.w, 7, 0, 0);
    /* both bought at m = 0; 15 % of the 80,000 alone from year 2, escalated 3 %/yr */
    cr_assert_float_eq(S_cat(&v, 0, CAT_software_licences),
                       80000 + 20000 + 24000 * S_geo(0.03, 0, 4), 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_licence_maintenance), 80000 * 0.15 * S_geo(0.03, 1, 4),
                       1e-6);
    S_env_free(&v);
}

Test(assets, residual_value_is_r3_at_month_36_and_zero_at_60)
{
    cr_assert_float_eq(assets_residual(0, 0.275), 1, 1e-12);
    cr_assert_float_eq(assets_residual(36, 0.275), 0.275, 1e-12);
    cr_assert_float_eq(assets_residual(48, 0.275), 0.1375, 1e-12);
    cr_assert_float_eq(assets_residual(60, 0.275), 0, 1e-12);
    cr_assert_float_eq(assets_residual(75, 0.275), 0, 1e-12);
}

Test(assets, salvage_after_three_years_is_the_residual_share)
{
    S_env v = S_env_new("tests/data/model_fixed", NULL, 0, 3);
    S_traj(v.w, 7, 0, 0);
    double age = 26304 / UNITS_HOURS_PER_MONTH; /* 2027-2029: 1096 days */
    cr_assert_float_eq(S_cat(&v, 0, CAT_salvage), -90000 * 0.275 * (60 - age) / 24, 1e-6);
    cr_assert(fabs(S_cat(&v, 0, CAT_salvage) + 90000 * 0.275) < 90000 * 0.001);
    S_env_free(&v);
}

Test(assets, end_of_life_replacement_is_bought_again_at_escalated_price)
{
    const char *sets[] = {"alpha.price_escalation=0.1"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 1, 8);
    S_traj(v.w, 7, 0, 0);
    /* life 5 years = 43830 h; bought at month 0 and again in month 60 (year 5) */
    cr_assert_float_eq(S_cat(&v, 0, CAT_hardware), 90000 * (1 + pow(1.1, 5)), 1e-6);
    S_env_free(&v);
}

/* Mean and standard error of metric met of option 0 over n trajectories. */
static void S_mean_se(S_env *v, int n, int met, double *mean, double *se)
{
    double s = 0, s2 = 0;
    for (int t = 0; t < n; t++) {
        S_traj(v->w, 2385, (uint64_t)t, 0);
        double x = v->w->opt[0].met[met];
        s += x, s2 += x * x;
    }
    *mean = s / n;
    *se = sqrt((s2 / n - *mean * *mean) / (n - 1));
}

Test(outages, mean_downtime_share_matches_the_poisson_coverage_formula)
{
    const char *sets[] = {"alpha.outage_rate=2.385", "alpha.repair_hours=3.1",
                          "alpha.repair_shape=1.7"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 3, 1);
    double mean, se;
    S_mean_se(&v, 400, MET_downtime_hours, &mean, &se);
    /* points covered by at least one of Poisson(lambda) intervals of mean length d:
     * 1 - exp(-lambda d) (the M/G/infinity busy probability) */
    double lambda = 2.385 / UNITS_HOURS_PER_MONTH, H = 8760;
    double expect = H * (1 - exp(-lambda * 3.1));
    cr_assert(fabs(mean - expect) < 4 * se, "downtime %g vs %g (se %g), seed 2385", mean, expect,
              se);
    cr_assert(fabs(expect - H * lambda * 3.1) < 0.01 * expect,
              "rate x repair is the first-order value");
    S_env_free(&v);
}

Test(security, mean_incident_count_is_rate_times_years)
{
    const char *sets[] = {"alpha.incident_rate=3.7", "alpha.incident_cost=9000",
                          "alpha.breach_share=0.25", "alpha.breach_compensation=50000"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 4, 2);
    double mean, se, bmean, bse;
    S_mean_se(&v, 2000, MET_security_incidents, &mean, &se);
    cr_assert(fabs(mean - 3.7 * 2) < 4 * se, "incidents %g vs %g (se %g)", mean, 7.4, se);
    S_mean_se(&v, 2000, MET_breaches, &bmean, &bse);
    cr_assert(fabs(bmean - 3.7 * 2 * 0.25) < 4 * bse, "breaches %g vs %g (se %g)", bmean, 1.85,
              bse);
    S_env_free(&v);
}

Test(costs, sla_credit_when_availability_is_below_the_sla_and_none_above)
{
    const char *below[] = {"alpha.sla_availability=0.995", "alpha.sla_credit_share=0.1",
                           "alpha.maintenance_hours=10"};
    S_env v = S_env_new("tests/data/model_fixed", below, 3, 1);
    S_traj(v.w, 1, 0, 0);
    /* 10 h in every month: availability <= 1 - 10/744 < 0.995: 10 % of the fee back */
    cr_assert_float_eq(S_cat(&v, 0, CAT_sla_credits), -0.1 * 1000 * 12, 1e-6);
    cr_assert_float_eq(v.w->opt[0].met[MET_downtime_hours], 120, 1e-9);
    S_env_free(&v);
    const char *above[] = {"alpha.sla_availability=0.995", "alpha.sla_credit_share=0.1",
                           "alpha.maintenance_hours=1"};
    v = S_env_new("tests/data/model_fixed", above, 3, 1);
    S_traj(v.w, 1, 0, 0);
    cr_assert_float_eq(S_cat(&v, 0, CAT_sla_credits), 0, 1e-12);
    S_env_free(&v);
}

Test(outages, maintenance_starts_at_two_on_the_first_sunday)
{
    const char *sets[] = {"alpha.maintenance_hours=1.5"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 1, 1);
    S_traj(v.w, 1, 0, 0);
    /* 2027-01-03 is the first Sunday: hour 2 * 24 + 2 = 50 */
    cr_assert_float_eq(v.w->opt[0].merged.v[0].t0, 50, 1e-12);
    cr_assert_float_eq(v.w->opt[0].merged.v[0].t1, 51.5, 1e-12);
    S_env_free(&v);
}

Test(traffic, default_profile_puts_72_percent_in_weekday_business_hours)
{
    scenario *sc = S_load("inputs/default", NULL, 0);
    double s = 0, all = 0;
    for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++) {
            all += sc->profile[d][h];
            if (d < 5 && h >= 9 && h < 18) s += sc->profile[d][h];
        }
    cr_assert_float_eq(all, 1, 1e-9);
    cr_assert_float_eq(s, 0.72, 1e-6);
    scenario_free(sc);
}

Test(traffic, double_11_is_inside_its_window_in_a_leap_year_too)
{
    scenario *sc = S_load("inputs/default", NULL, 0);
    hs_error e = {0};
    sim_plan *p = sim_plan_new(sc, (cal_date){2027, 1, 1}, 2, &e);
    cr_assert(p, "%s", e.msg);
    long d2027 = cal_days_from_civil(2027, 11, 11) - p->start_day;
    long d2028 = cal_days_from_civil(2028, 11, 11) - p->start_day;
    long after = cal_days_from_civil(2028, 11, 12) - p->start_day;
    long leap = cal_days_from_civil(2028, 2, 29) - p->start_day;
    cr_assert_float_eq(p->day_multiplier[d2027], 4, 1e-6);
    cr_assert_float_eq(p->day_multiplier[d2028], 4, 1e-6);
    cr_assert_float_eq(p->day_multiplier[after], 1, 1e-6);
    cr_assert_float_eq(p->day_multiplier[leap], 1, 1e-6);
    cr_assert_eq(p->days, 365 + 366);
    cr_assert_eq(p->day_weekday[0], 4, "2027-01-01 is a Friday");
    /* each horizon year's weights sum to 1 */
    double y0 = 0, y1 = 0;
    for (long h = 0; h < p->hours; h++)
        *(h < 8760 ? &y0 : &y1) += p->hour_weight[h];
    cr_assert_float_eq(y0, 1, 1e-4);
    cr_assert_float_eq(y1, 1, 1e-4);
    sim_plan_free(p);
    scenario_free(sc);
}

Test(traffic, yearly_volume_is_twelve_times_volume_month)
{
    S_env v = S_env_new("tests/data/model_fixed", NULL, 0, 1);
    double s = 0, s2 = 0;
    const int n = 60;
    for (int t = 0; t < n; t++) {
        S_traj(v.w, 11, (uint64_t)t, 0);
        double tot = 0;
        for (int m = 0; m < 12; m++)
            tot += v.w->demand->month_total[m];
        s += tot, s2 += tot * tot;
    }
    double mean = s / n, se = sqrt((s2 / n - mean * mean) / (n - 1));
    cr_assert(fabs(mean - 120000) < 4 * se + 1, "volume %g vs 120000 (se %g)", mean, se);
    S_env_free(&v);
}

Test(engine, same_seed_same_trajectory_and_options_do_not_share_streams)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 1);
    S_traj(v.w, 99, 5, 0);
    double a[4];
    for (int o = 0; o < 4; o++)
        a[o] = v.w->opt[o].met[MET_tco];
    S_traj(v.w, 99, 6, 0);
    cr_assert(v.w->opt[0].met[MET_tco] != a[0], "another trajectory differs");
    S_traj(v.w, 99, 5, 0);
    for (int o = 0; o < 4; o++)
        cr_assert_eq(v.w->opt[o].met[MET_tco], a[o]);
    S_env_free(&v);
}

Test(assets, five_year_life_is_not_renewed_early_by_leap_days)
{
    scenario *sc = S_load("tests/data/model_fixed", NULL, 0);
    hs_error e = {0};
    sim_plan *p = sim_plan_new(sc, (cal_date){2028, 1, 1}, 5, &e); /* 2028 and 2032 are leap */
    cr_assert(p, "%s", e.msg);
    sim_work *w = sim_work_new(p, NULL, &e);
    S_traj(w, 3, 0, 0);
    cr_assert_float_eq(ledger_category_total(w->opt[0].led, CAT_hardware), 90000, 1e-9,
                       "bought once: its 60 months end with the horizon");
    sim_work_free(w);
    sim_plan_free(p);
    scenario_free(sc);
}

/* ------------------------------------------------------------- benefits */

/* Value line v of option 0 in month m. */
static double S_val(const S_env *v, ledger_value line, int m)
{
    const ledger *l = v->w->opt[0].led;
    return l->m[(long)(CAT_COUNT + line) * l->months + m];
}

Test(benefits, ramp_is_the_mean_of_the_clamped_line_over_the_hours)
{
    /* a step at 4 when there is no ramp */
    cr_assert_float_eq(benefits_ramp(0, 10, 4, 0), 0.6, 1e-12);
    cr_assert_float_eq(benefits_ramp(5, 10, 4, 0), 1, 1e-12);
    cr_assert_float_eq(benefits_ramp(0, 4, 4, 0), 0, 1e-12);
    /* live at hour 720 (day 30), full at 1800 (45 days later): January, February, March 2027 */
    cr_assert_float_eq(benefits_ramp(0, 744, 720, 1080), 24.0 * 24 / 2160 / 744, 1e-15);
    cr_assert_float_eq(benefits_ramp(744, 1416, 720, 1080), 1.0 / 3, 1e-12);
    /* March: the ramp ends at 1800, 540 h of it integrated, then 360 full hours */
    cr_assert_float_eq(benefits_ramp(1416, 2160, 720, 1080), (900 - 696.0 * 696 / 2160) / 744,
                       1e-12);
    cr_assert_float_eq(benefits_ramp(2160, 2880, 720, 1080), 1, 1e-12);
    /* inside the ramp: the line's value at the middle */
    cr_assert_float_eq(benefits_ramp(900, 1000, 720, 1080), (950 - 720) / 1080.0, 1e-12);
}

Test(benefits, value_lines_match_the_hand_calculation_month_by_month)
{
    const char *sets[] = {"global.conversion_lift=0.12",   "alpha.conversion_share=0.75",
                          "global.sales_margin=0.3",       "global.productivity_gain=0.2",
                          "alpha.productivity_share=0.85", "global.agent_cost_month=30000",
                          "alpha.value_ramp_days=45"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 7, 2);
    S_traj(v.w, 7, 0, 0);
    const opt_work *o = &v.w->opt[0];
    /* value of a message 1,200,000 x 0.25 / (12 x 10,000) = 2.5; live from day 30 (golive_days),
     * full 45 days later: the ramp shares of January to March, then 1 */
    const double a[3] = {24.0 * 24 / 2160 / 744, 1.0 / 3, (900 - 696.0 * 696 / 2160) / 744};
    double conv = 0, prod = 0;
    for (int m = 0; m < v.plan->months; m++) {
        const double S = o->month_served[m], share = m < 3 ? a[m] : 1;
        cr_assert_gt(S, 9000, "month %d served %g (seed 7)", m, S);
        cr_assert_float_eq(S_val(&v, VAL_conversion, m), 0.75 * 0.12 * 0.3 * 2.5 * S * share,
                           1e-9 * S, "conversion, month %d", m);
        cr_assert_float_eq(S_val(&v, VAL_productivity, m), 0.85 * 0.2 * 30000 / 10000.0 * S * share,
                           1e-9 * S, "productivity, month %d", m);
        conv += S_val(&v, VAL_conversion, m), prod += S_val(&v, VAL_productivity, m);
    }
    cr_assert_float_eq(o->met[MET_VALUE(VAL_conversion)], conv, 1e-6);
    cr_assert_float_eq(o->met[MET_VALUE(VAL_productivity)], prod, 1e-6);
    cr_assert_float_eq(o->met[MET_value], conv + prod, 1e-6);
    cr_assert_float_eq(o->met[MET_net_cost], o->met[MET_tco] - (conv + prod), 1e-6);
    cr_assert_gt(conv, 0);
    S_env_free(&v);
}

Test(benefits, value_lines_stay_off_the_cost_total_and_are_absent_without_parameters)
{
    S_env plain = S_env_new("tests/data/model_fixed", NULL, 0, 2);
    S_traj(plain.w, 7, 0, 0);
    const opt_work *p = &plain.w->opt[0];
    cr_assert_eq(p->met[MET_value], 0, "no value parameters, no value lines");
    cr_assert_eq(p->met[MET_net_cost], p->met[MET_tco]);
    const char *sets[] = {"global.conversion_lift=0.05", "alpha.conversion_share=-1",
                          "global.sales_margin=0.4",     "global.productivity_gain=0.1",
                          "alpha.productivity_share=1",  "global.agent_cost_month=20000"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 6, 2);
    S_traj(v.w, 7, 0, 0);
    const opt_work *o = &v.w->opt[0];
    /* the same trajectory: every cost and cost metric identical, to the bit */
    for (int m = 0; m < MET_VALUE(0); m++)
        if (m != MET_net_cost && m != MET_value)
            cr_assert_eq(o->met[m], p->met[m], "%s moved", metrics_defs[m].name);
    for (int m = 0; m < v.plan->months; m++)
        cr_assert_eq(ledger_month_total(o->led, m), ledger_month_total(p->led, m));
    /* signed: an option that brings a negative share of the lift has a negative value line */
    cr_assert_lt(o->met[MET_VALUE(VAL_conversion)], 0);
    cr_assert_gt(o->met[MET_VALUE(VAL_productivity)], 0);
    cr_assert_float_eq(o->met[MET_net_cost], o->met[MET_tco] - o->met[MET_value], 1e-6);
    S_env_free(&v);
    S_env_free(&plain);
}

Test(costs, seats_are_billed_by_agent_day_so_a_two_week_surge_costs_two_weeks)
{
    /* FIGURES.md "SaaS elasticity": agents 20 -> 80 for two weeks cost ¥1,200 extra. The
     * scenario: 19.8 agents' worth in every hour (20 staffed, all included) but 79.2 (80)
     * in 2027-06-01..14; a 30-day June bills 60 agents x 14 days x fee / 30. */
    const double fee = 3000.0 / 70;
    S_env v = S_env_new("tests/data/model_seats", NULL, 0, 2);
    S_traj(v.w, 5, 0, 0);
    const ledger *L = v.w->opt[0].led;
    for (int m = 0; m < 24; m++) {
        /* June of 2027 at E_0 = 1 and of 2028 at E_1 = 1.05 (2028: 790 messages, 79.01) */
        const double expect = m == 5 ? 1200 : m == 17 ? 1200 * 1.05 : 0;
        cr_assert_float_eq(L->m[(long)CAT_seats * L->months + m], expect, 1e-9, "month %d", m);
    }
    cr_assert_float_eq(60 * 14 * fee / 30, 1200, 1e-9);
    S_env_free(&v);
    /* no seat included: 20 agents every day of the year, 80 on the surge's 14 days */
    const char *none[] = {"alpha.seats_included=0"};
    v = S_env_new("tests/data/model_seats", none, 1, 1);
    S_traj(v.w, 5, 0, 0);
    cr_assert_float_eq(S_cat(&v, 0, CAT_seats), fee * (11 * 20 + (16 * 20 + 14 * 80) / 30.0), 1e-9);
    S_env_free(&v);
}

Test(assets, an_upgrade_is_depreciated_salvaged_and_run_from_its_arrival)
{
    /* 0.001 req/s carries 3.6 messages an hour against 13.7 demanded: month 0 overflows, one
     * upgrade (+3,600 an hour) is ordered, paid in month 1 and, with no lead time, in service
     * from its first hour (744); nothing overflows after it. */
    const char *sets[] = {"alpha.capacity_rps=0.001",         "alpha.upgrade_after_hours=10",
                          "alpha.upgrade_lead_time=0",        "alpha.upgrade_capacity_rps=1",
                          "alpha.upgrade_cost=40000",         "alpha.upgrade_residual_3y=0.3",
                          "alpha.upgrade_energy=1000",        "alpha.upgrade_colocation=900",
                          "alpha.upgrade_licence_year=12000", "alpha.upgrade_maintenance=6000"};
    S_env v = S_env_new("tests/data/model_fixed", sets, 10, 3);
    S_traj(v.w, 7, 0, 0);
    const opt_work *o = &v.w->opt[0];
    cr_assert(o->month_overflow[0] >= 10 && o->month_overflow[1] == 0);
    cr_assert_eq(o->nupgrades, 1);
    cr_assert_eq(o->upgrade_month[0], 1);
    cr_assert_float_eq(o->upgrade_arrival[0], 744, 1e-12);
    /* 2027-2029: 26,304 h; the servers of assets.csv are 36.0 months old, the upgrade 35.0
     * (under 36: v = 1 - (1 - 0.3) a / 36); both inside their 60-month life */
    const double a0 = 26304 / UNITS_HOURS_PER_MONTH, a1 = (26304 - 744) / UNITS_HOURS_PER_MONTH;
    cr_assert_float_eq(S_cat(&v, 0, CAT_hardware), 90000 + 40000, 1e-9);
    cr_assert_float_eq(S_cat(&v, 0, CAT_salvage),
                       -90000 * 0.275 * (60 - a0) / 24 - 40000 * (1 - 0.7 * a1 / 36), 1e-6);
    cr_assert_float_eq(o->met[MET_depreciation], 90000 * a0 / 60 + 40000 * a1 / 60, 1e-6);
    /* running costs in months 1..35 at E_y = 1.03^y: 11 + 12 x 1.03 + 12 x 1.03^2 months */
    const double F = 11 + 12 * 1.03 + 12 * 1.03 * 1.03;
    cr_assert_float_eq(S_cat(&v, 0, CAT_energy_colocation), 1900 * F, 1e-6);
    cr_assert_float_eq(S_cat(&v, 0, CAT_software_licences),
                       80000 + 24000 * S_geo(0.03, 0, 2) + 12000 / 12.0 * F, 1e-6);
    /* overhauls in months 15 and 30 (model_fixed), plus the upkeep */
    cr_assert_float_eq(S_cat(&v, 0, CAT_upgrades), 30000 * (1.03 + 1.03 * 1.03) + 500 * F, 1e-6);
    S_env_free(&v);
}
