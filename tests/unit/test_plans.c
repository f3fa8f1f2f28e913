/* test_plans.c — plan tiers: plans.csv as loaded, the buyer's rule against hand-computed
 * months (models/plans.c), and the engine billing and serving each month on its tier. */
#include <criterion/criterion.h>
#include <math.h>

#include "models/models.h"
#include "test_env.h"

/* Three tiers that never run out of capacity, overage CNY 0.02. */
static plans_menu S_menu(void)
{
    plans_menu mu = {.n = 3, .overage = 0.02};
    const double fee[3] = {500, 1200, 2200}, quota[3] = {10000, 50000, 150000};
    for (int k = 0; k < 3; k++)
        mu.fee[k] = fee[k], mu.quota[k] = quota[k], mu.cap[k] = 1e9;
    return mu;
}

Test(plans, the_bill_is_the_fee_plus_the_overage_above_the_quota)
{
    cr_expect_float_eq(plans_bill(500, 10000, 0.02, 8000), 500, 1e-12);
    cr_expect_float_eq(plans_bill(500, 10000, 0.02, 10000), 500, 1e-12);
    cr_expect_float_eq(plans_bill(500, 10000, 0.02, 46000), 500 + 36000 * 0.02, 1e-9);
}

Test(plans, the_first_tier_is_the_cheapest_at_the_expected_volume_the_lower_on_a_tie)
{
    plans_menu mu = S_menu();
    cr_expect_eq(plans_first_tier(&mu, 8000), 0);
    cr_expect_eq(plans_first_tier(&mu, 45000), 0);  /* 500 + 700 = 1200: a tie, the lower */
    cr_expect_eq(plans_first_tier(&mu, 46000), 1);  /* 1220 > 1200 */
    cr_expect_eq(plans_first_tier(&mu, 100000), 1); /* 2200 = 2200 */
    cr_expect_eq(plans_first_tier(&mu, 120000), 2); /* 2600 > 2200 */
}

/* With a one-month window, volumes that cross both boundaries: the tier of each month and its
 * bill, by hand. The tier moves the month after the bill shows it, and down again. */
Test(plans, a_one_month_window_moves_the_month_after_the_bill_crosses_a_boundary)
{
    plans_menu mu = S_menu();
    const double S[9] = {8000, 40000, 45000, 46000, 46000, 120000, 120000, 30000, 30000};
    const int tier[9] = {0, 0, 0, 0, 1, 1, 2, 2, 0};
    const double bill[9] = {500,
                            500 + 30000 * 0.02,
                            500 + 35000 * 0.02,
                            500 + 36000 * 0.02,
                            1200,
                            1200 + 70000 * 0.02,
                            2200,
                            2200,
                            500 + 20000 * 0.02};
    const double peak[9] = {0};
    int k = plans_first_tier(&mu, 8000);
    for (int m = 0; m < 9; m++) {
        if (m > 0) k = plans_next_tier(&mu, k, S + m - 1, peak + m - 1, 1);
        cr_expect_eq(k, tier[m], "month %d: tier %d, expected %d", m, k, tier[m]);
        cr_expect_float_eq(plans_bill(mu.fee[k], mu.quota[k], mu.overage, S[m]), bill[m], 1e-9,
                           "month %d", m);
    }
}

/* A year of 40,000 messages with one month of 100,000 (Double 11): over the year, small costs
 * 11 x 1,100 + 2,300 = 14,400 and mid 12 x 1,200 + 1,000 = 15,400, so the buyer stays; on
 * the peak month alone mid is cheaper (2,200 < 2,300) and a one-month window moves. */
Test(plans, a_year_window_keeps_one_peak_month_from_moving_the_plan)
{
    plans_menu mu = S_menu();
    double S[12], peak[12] = {0};
    for (int j = 0; j < 12; j++)
        S[j] = j == 10 ? 100000 : 40000;
    cr_expect_eq(plans_next_tier(&mu, 0, S, peak, 12), 0);
    cr_expect_eq(plans_next_tier(&mu, 0, S + 10, peak, 1), 1);
}

Test(plans, a_busiest_hour_above_a_tiers_capacity_rules_the_tier_out)
{
    plans_menu mu = S_menu();
    mu.cap[0] = 100, mu.cap[1] = 1000, mu.cap[2] = 5000;
    const double S[2] = {8000, 8000};
    const double fits[2] = {50, 90}, over_small[2] = {50, 1200}, over_all[2] = {50, 6000};
    cr_expect_eq(plans_next_tier(&mu, 0, S, fits, 2), 0);
    cr_expect_eq(plans_next_tier(&mu, 0, S, over_small, 2), 2); /* mid carries 1,000 < 1,200 */
    cr_expect_eq(plans_next_tier(&mu, 0, S, over_all, 2), 2);   /* none: the top tier */
    cr_expect_eq(plans_next_tier(&mu, 2, S, fits, 2), 0);       /* down when it carries */
}

Test(plans, the_default_scenario_loads_four_saas_tiers_in_order)
{
    scenario *sc = S_load("inputs/default", NULL, 0);
    const scenario_option *o = &sc->opt[scenario_option_index(sc, "saas")];
    cr_assert_eq(o->ntiers, 4);
    const char *names[4] = {"starter", "growth", "business", "enterprise"};
    for (int k = 0; k < 4; k++) {
        cr_expect_str_eq(o->tiers[k].name, names[k]);
        cr_expect_eq(o->tiers[k].fee.kind, SPEC_TRI);
        if (k) cr_expect_gt(o->tiers[k].quota, o->tiers[k - 1].quota);
    }
    cr_expect_eq(o->tiers[3].quota, 1000000);
    cr_expect_not(o->p[PO_plan_fee].present, "the tiers replace saas.plan_fee");
    for (int i = 0; i < sc->nopt; i++)
        if (i != scenario_option_index(sc, "saas")) cr_expect_eq(sc->opt[i].ntiers, 0);
    scenario_free(sc);
}

/* tests/data/plans_fixed: the small tier carries 18 messages an hour against about 41 demanded,
 * so month 0 overflows and the buyer is on the large tier from month 1; no price escalation. */
Test(plans, each_month_is_billed_and_served_on_its_tier)
{
    S_env v = S_env_new("tests/data/plans_fixed", NULL, 0, 5);
    S_traj(v.w, 11, 0, 0);
    const opt_work *o = &v.w->opt[0];
    const int M = v.plan->months;
    double usage = 0, seats = 0;
    for (int m = 0; m < M; m++) {
        const sim_terms *t = &o->month_terms[m];
        cr_assert_eq(t->tier, m == 0 ? 0 : 1, "month %d on tier %d", m, t->tier);
        if (m == 0)
            cr_expect_gt(o->month_overflow[m], 0);
        else
            cr_expect_eq(o->month_overflow[m], 0, "month %d", m);
        cr_expect_leq(o->month_peak_msgs[m], t->capacity_rps * 3600 + 1e-9);
        const double S = o->month_served[m];
        usage += S > t->quota ? (S - t->quota) * 0.02 : 0;
        /* agent-days on each day's expected busiest hour, the tier's seats included */
        const int d0 = v.plan->month_first_hour[m] / 24, d1 = v.plan->month_first_hour[m + 1] / 24;
        for (int d = d0; d < d1; d++) {
            const double need = ceil(v.w->demand->day_peak_rate[d] / 10) - t->seats_included;
            seats += need > 0 ? need * 10 / v.plan->month_days[m] : 0;
        }
    }
    cr_expect_float_eq(ledger_category_total(o->led, CAT_subscription), 500 + 1200.0 * (M - 1),
                       1e-9);
    cr_expect_float_eq(ledger_category_total(o->led, CAT_usage_fees), usage, 1e-9);
    cr_expect_float_eq(ledger_category_total(o->led, CAT_seats), seats, 1e-9);
    cr_expect_gt(usage, 0);
    S_env_free(&v);
}

Test(plans, an_option_without_tiers_is_on_its_own_plan_every_month)
{
    S_env v = S_env_new("tests/data/model_fixed", NULL, 0, 2);
    S_traj(v.w, 7, 0, 0);
    const opt_work *o = &v.w->opt[0];
    for (int m = 0; m < v.plan->months; m++) {
        cr_expect_eq(o->month_terms[m].tier, -1);
        cr_expect_eq(o->month_terms[m].fee, 1000);
        cr_expect_eq(o->month_terms[m].capacity_rps, 1000);
    }
    S_env_free(&v);
}

/* The tiers' fees are drawn per trajectory (stream "plans"/option): the same seed and
 * trajectory give the same fee, another trajectory another one, always inside the SPEC. */
Test(plans, tier_fees_are_sampled_per_trajectory_inside_their_spec)
{
    const char *sets[] = {"global.volume_month=1000000", "global.growth_year=0"};
    S_env v = S_env_new("inputs/default", sets, 2, 1);
    const int s = scenario_option_index(v.sc, "saas");
    double fee[3];
    const uint64_t traj[3] = {4, 5, 4};
    for (int i = 0; i < 3; i++) {
        S_traj(v.w, 3, traj[i], 0);
        const sim_terms *t = &v.w->opt[s].month_terms[11];
        cr_assert_eq(t->tier, 3, "trajectory %llu: tier %d", (unsigned long long)traj[i], t->tier);
        fee[i] = t->fee;
        cr_expect(fee[i] >= 6000 && fee[i] <= 15000, "fee %g", fee[i]);
    }
    cr_expect_eq(fee[0], fee[2]);
    cr_expect_neq(fee[0], fee[1]);
    S_env_free(&v);
}

/* The case: one 50,000-message plan with overage cost about CNY 54,000 a month at
 * 1,000,000 messages. On the tiers, the mean bill (subscription + usage, before escalation)
 * over 40 trajectories is within the enterprise tier's fee range, CNY 6,000-15,000 (seasonal
 * months above the quota pay overage), and from month 1 on every trajectory is on the business
 * or enterprise tier. */
Test(plans, the_default_saas_bill_at_a_million_messages_is_within_the_enterprise_tier)
{
    const char *sets[] = {"global.volume_month=1000000", "global.growth_year=0"};
    S_env v = S_env_new("inputs/default", sets, 2, 5);
    const int s = scenario_option_index(v.sc, "saas");
    const int M = v.plan->months, N = 40;
    double sum = 0;
    for (int t = 0; t < N; t++) {
        S_traj(v.w, 2385, (uint64_t)t, 0);
        const opt_work *o = &v.w->opt[s];
        for (int m = 0; m < M; m++) {
            const double *L = o->led->m;
            const double b = L[(long)CAT_subscription * M + m] + L[(long)CAT_usage_fees * M + m];
            sum += b / o->price_index[v.plan->month_year[m]];
            if (m > 0) cr_expect_geq(o->month_terms[m].tier, 2, "trajectory %d month %d", t, m);
        }
    }
    const double mean = sum / (N * M);
    cr_expect(mean >= 6000 && mean <= 15000, "mean monthly bill %g", mean);
    S_env_free(&v);
}
