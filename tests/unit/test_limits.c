/* test_limits.c — the bounds that keep every model finite and its loops short, and the
 * checks that catch a non-finite value where it is made (docs/scenario.md, "Bounds and
 * limits"). Each test failed before its fix: it hung, crashed or let a value through.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "engine/counts.h"
#include "test_env.h"

/* The Poisson cut-off at the tiny peak of a month of 1 message: its root (~e^-727) is below
 * DBL_MIN, where the final loop's c (1 - 1e-9) rounded back to c and never ended (hostsim run
 * --set global.volume_month=1 -n 1000 hung on this call). 0 skips no hour: a valid bound. */
Test(limits, the_poisson_cutoff_of_a_tiny_peak_ends_at_zero)
{
    cr_expect_eq(counts_poisson_cutoff(0.047282576560974121, -34.210272327938647), 0.0);
    for (double t = 1e-3; t < 1; t *= 1.7) {
        double c = counts_poisson_cutoff(t, -34.2);
        cr_expect(c >= 0 && c < t, "t = %g: cut-off %g", t, c);
    }
}

/* A trajectory at 1 message a month ends (the trajectory that hung: seed 1, one of the first
 * thousand; all thousand run here in well under a second each). */
Test(limits, a_thousand_trajectories_at_one_message_a_month_end, .timeout = 120)
{
    hs_gsl_init();
    const char *sets[] = {"global.volume_month=1"};
    S_env v = S_env_new("inputs/default", sets, 1, 5);
    for (uint64_t k = 0; k < 1000; k++)
        S_traj(v.w, 1, k, 0);
    S_env_free(&v);
}

/* A value fixed outside its parameter's bounds (as a Sobol design's edge could) is a runtime
 * error naming the parameter, before any model reads it. */
Test(limits, a_value_outside_its_bounds_is_caught_where_it_is_made)
{
    hs_gsl_init();
    S_env v = S_env_new("tests/data/good", NULL, 0, 1);
    double fixed_g[PG_COUNT];
    for (int i = 0; i < PG_COUNT; i++)
        fixed_g[i] = NAN;
    fixed_g[PG_volume_month] = INFINITY;
    v.w->fixed_g = fixed_g;
    hs_error e = {0};
    cr_assert_eq(sim_trajectory(v.w, 1, 0, 0, &e), HS_ERR_RUNTIME);
    cr_expect(strstr(e.msg, "global.volume_month") != NULL, "%s", e.msg);
    fixed_g[PG_volume_month] = NAN;
    fixed_g[PG_growth_year] = -0.95; /* below -0.9 */
    cr_assert_eq(sim_trajectory(v.w, 1, 0, 0, &e), HS_ERR_RUNTIME);
    cr_expect(strstr(e.msg, "global.growth_year") != NULL, "%s", e.msg);
    fixed_g[PG_growth_year] = NAN;
    cr_expect_eq(sim_trajectory(v.w, 1, 0, 0, &e), HS_OK, "%s", e.msg);
    v.w->fixed_g = NULL;
    S_env_free(&v);
}

/* The overhauls of a 1-month interval, the shortest allowed: one a month from month 1. */
Test(limits, the_shortest_overhaul_interval_gives_one_overhaul_a_month)
{
    hs_gsl_init();
    const char *sets[] = {"on_prem.overhaul_interval=1", "on_prem.overhaul_cost=1000"};
    const char *none[] = {"on_prem.overhaul_interval=0", "on_prem.overhaul_cost=1000"};
    S_env a = S_env_new("tests/data/good", sets, 2, 1);
    S_env b = S_env_new("tests/data/good", none, 2, 1);
    S_traj(a.w, 3, 0, 0);
    S_traj(b.w, 3, 0, 0);
    int o = scenario_option_index(a.sc, "on_prem");
    double d = a.w->opt[o].met[MET_COST(CAT_upgrades)] - b.w->opt[o].met[MET_COST(CAT_upgrades)];
    cr_expect(fabs(d - 11 * 1000) < 1e-6, "11 overhauls of 1,000 CNY in months 1..11, got %g", d);
    S_env_free(&a);
    S_env_free(&b);
}

/* Blanks around a --set value are dropped ("x= 120000" said "got nothing"); a SPEC of up to
 * SCENARIO_SPEC_MAX - 1 characters is kept whole (it was cut at 159), a longer one refused. */
Test(limits, set_values_keep_their_text_whole_and_drop_blanks)
{
    hs_gsl_init();
    hs_error e = {0};
    scenario *sc = scenario_load("tests/data/good", &e);
    cr_assert(sc, "%s", e.msg);
    cr_expect_eq(scenario_set(sc, "global.volume_month= 120000 ", &e), HS_OK, "%s", e.msg);
    cr_expect_str_eq(sc->g[PG_volume_month].text, "120000");
    cr_expect_eq(scenario_set(sc, "global.volume_month=\t120000   messages/month ", &e), HS_OK,
                 "%s", e.msg);
    cr_expect_str_eq(sc->g[PG_volume_month].unit, "messages/month");
    char text[SCENARIO_SPEC_MAX + 64] = "discrete(", set[SCENARIO_SPEC_MAX + 128];
    for (int i = 0; i < 16; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%d.0000000000000001:0.0625",
                 i ? "," : "", 800 + 100 * i);
    strcat(text, ")");
    cr_assert_gt(strlen(text), 159);
    snprintf(set, sizeof set, "saas_plan.plan_fee=%s", text);
    cr_expect_eq(scenario_set(sc, set, &e), HS_OK, "%s", e.msg);
    int o = scenario_option_index(sc, "saas_plan");
    cr_expect_str_eq(sc->opt[o].p[PO_plan_fee].text, text);
    char huge[SCENARIO_SPEC_MAX + 64];
    memset(huge, '0', sizeof huge);
    memcpy(huge, "saas_plan.plan_fee=1.", 21);
    huge[sizeof huge - 1] = '\0';
    cr_expect_eq(scenario_set(sc, huge, &e), HS_ERR_INPUT);
    cr_expect(strstr(e.msg, "expected a value of at most 1023 characters") != NULL, "%s", e.msg);
    scenario_free(sc);
}

/* The label of another option than --set names it in every message (sweep's --param). */
Test(limits, a_labelled_override_names_its_option)
{
    hs_gsl_init();
    hs_error e = {0};
    scenario *sc = scenario_load("tests/data/good", &e);
    cr_assert(sc, "%s", e.msg);
    cr_expect_eq(scenario_set_as(sc, "global.volum_month=5", "--param global.volum_month", &e),
                 HS_ERR_INPUT);
    cr_expect(strncmp(e.msg, "--param global.volum_month: unknown parameter", 45) == 0, "%s",
              e.msg);
    cr_expect_eq(scenario_set_as(sc, "on_prem.energy=-5", "--param on_prem.energy (at -5)", &e),
                 HS_OK);
    cr_expect_eq(scenario_finalize(sc, &e), HS_ERR_INPUT);
    cr_expect(strncmp(e.msg, "--param on_prem.energy=-5", 25) == 0, "%s", e.msg);
    cr_expect(strstr(e.msg, "--set") == NULL, "%s", e.msg);
    scenario_free(sc);
}
