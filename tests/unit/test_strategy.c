/* test_strategy.c — switching strategies against closed forms (tests/data/strategy_fixed:
 * alpha owns two servers, beta rents; at_24 moves at month 24 with two months of double
 * running, on_upgrade when an overhaul is due in the next 3 months, there_and_back at a
 * random month and back at 40). Run from the repository root. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "base/units.h"
#include "engine/engine.h"
#include "models/models.h"
#include "scenario/scenario.h"
#include "test_env.h"

#define S_DIR "tests/data/strategy_fixed"

static double S_at(const ledger *l, int c, int m)
{
    return l->m[(long)c * l->months + m];
}

static int S_running(int c)
{
    return c != CAT_hardware && c != CAT_salvage && c != CAT_exit && c != CAT_migration_training &&
           c != CAT_golive_delay;
}

Test(strategy, fixed_month_is_the_old_option_before_the_move_and_the_new_one_after)
{
    S_env v = S_env_new(S_DIR, NULL, 0, 5);
    const int A = 0, B = 1, R = 2, s = 24, M = v.plan->months;
    cr_assert_eq(v.w->nres, 5);
    cr_assert_str_eq(v.w->opt[R].name, "at_24");
    for (uint64_t t = 0; t < 5; t++) {
        S_traj(v.w, 11, t, 0);
        const opt_work *a = &v.w->opt[A], *b = &v.w->opt[B], *r = &v.w->opt[R];
        cr_assert_eq(v.w->switch_month[0], s, "seed 11 trajectory %llu", (unsigned long long)t);
        /* alpha's two servers (45,000 each, bought at month 0, year-0 price) at the start of
         * month 24: v(a) = 1 - (1 - 0.275) a / 36 */
        const double age = v.plan->month_first_hour[s] / UNITS_HOURS_PER_MONTH;
        cr_assert_float_eq(a->month_residual[s], 90000 * (1 - 0.725 * age / 36), 1e-6);
        cr_assert_float_eq(b->month_residual[s], 0, 1e-12);
        const double value = 1200000 * 0.25 / (12 * 10000.0);
        const double demand =
            a->month_served[s - 1] + a->month_lost_overflow[s - 1] + a->month_lost_outage[s - 1];
        for (int c = 0; c < CAT_COUNT; c++)
            for (int m = 0; m < M; m++) {
                double want = m < s ? S_at(a->led, c, m) : S_at(b->led, c, m);
                if (m >= s && m < s + 2 && S_running(c)) want += S_at(a->led, c, m);
                if (m == s) {
                    if (c == CAT_exit) want += 3100;
                    if (c == CAT_migration_training) want += 8500 + 15000 + 4000; /* beta's */
                    if (c == CAT_golive_delay) want += 5 * 12 * demand / 365.25 * 0.2 * value;
                    if (c == CAT_salvage) want -= 90000 * (1 - 0.725 * age / 36);
                }
                cr_assert_float_eq(S_at(r->led, c, m), want, 1e-6 * (1 + fabs(want)),
                                   "seed 11 trajectory %llu: %s month %d: %g, expected %g",
                                   (unsigned long long)t, ledger_category_names[c], m,
                                   S_at(r->led, c, m), want);
            }
        double sum = 0;
        for (int m = 0; m < M; m++)
            sum += ledger_month_total(r->led, m);
        cr_assert_float_eq(r->met[MET_tco], sum, 1e-6);
        cr_assert(r->met[MET_tco] != a->met[MET_tco] && r->met[MET_tco] != b->met[MET_tco]);
    }
    S_env_free(&v);
}

Test(strategy, trigger_switches_in_the_first_month_its_condition_holds)
{
    S_env v = S_env_new(S_DIR, NULL, 0, 5);
    S_traj(v.w, 5, 3, 0);
    const opt_work *a = &v.w->opt[0];
    const int M = v.plan->months;
    int first = M;
    for (int m = 1; m < M && first == M; m++) {
        double due = 0;
        for (int i = m; i < m + 3 && i < M; i++)
            due += S_at(a->led, CAT_upgrades, i);
        if (due > 20000) first = m;
    }
    /* the overhaul every 15 months (30,000) is first due at month 15: seen from month 13 */
    cr_assert_eq(first, 13);
    cr_assert_eq(v.w->switch_month[1], first);
    cr_assert_float_eq(ledger_month_total(v.w->opt[3].led, first - 1),
                       ledger_month_total(a->led, first - 1), 1e-9);
    S_env_free(&v);
}

Test(strategy, random_month_is_drawn_in_range_and_the_steps_follow_each_other)
{
    S_env v = S_env_new(S_DIR, NULL, 0, 5);
    for (uint64_t t = 0; t < 20; t++) {
        S_traj(v.w, 9, t, 0);
        const double s1 = v.w->switch_month[2], s2 = v.w->switch_month[3];
        cr_assert(s1 >= 10 && s1 < 20 && s1 == floor(s1), "trajectory %llu: %g",
                  (unsigned long long)t, s1);
        cr_assert_eq(s2, 40);
        const opt_work *a = &v.w->opt[0], *b = &v.w->opt[1], *r = &v.w->opt[4];
        /* back on alpha from month 41 (after the double running of month 40) */
        cr_assert_float_eq(ledger_month_total(r->led, 45), ledger_month_total(a->led, 45), 1e-9);
        cr_assert_float_eq(ledger_month_total(r->led, 30), ledger_month_total(b->led, 30), 1e-9);
    }
    S_env_free(&v);
}

Test(strategy, adding_strategies_leaves_the_options_results_unchanged)
{
    S_env v = S_env_new(S_DIR, NULL, 0, 5);
    scenario *plain = S_load(S_DIR, NULL, 0);
    plain->nstrat = 0;
    hs_error e = {0};
    sim_plan *pp = sim_plan_new(plain, (cal_date){2027, 1, 1}, 5, &e);
    cr_assert(pp, "%s", e.msg);
    sim_work *pw = sim_work_new(pp, NULL, &e);
    cr_assert(pw, "%s", e.msg);
    cr_assert_eq(pw->nres, 2);
    for (uint64_t t = 0; t < 3; t++) {
        S_traj(v.w, 4, t, 0);
        S_traj(pw, 4, t, 0);
        for (int o = 0; o < 2; o++) {
            cr_assert(memcmp(v.w->opt[o].met, pw->opt[o].met, sizeof pw->opt[o].met) == 0);
            cr_assert(memcmp(v.w->opt[o].led->m, pw->opt[o].led->m,
                             (size_t)(CAT_COUNT + VAL_COUNT) * pp->months * sizeof(double)) == 0);
        }
    }
    sim_work_free(pw);
    sim_plan_free(pp);
    scenario_free(plain);
    S_env_free(&v);
}
