/* test_loader.c — loading, overriding and finalizing scenarios (sim/scenario/scenario.c,
 * sim/scenario/csvin.c).
 *
 * tests/data/good is a small valid scenario; tests/data/good_* hold the same
 * scenario written differently (CRLF, CR, a BOM, every field quoted with
 * multi-line sources, comments and blank lines everywhere, only params.csv)
 * and must load to the same values. Paths are relative to the repository
 * root, where `make test` runs the tests.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "scenario/param_slot.h"
#include "scenario/scenario.h"

static void S_init(void)
{
    hs_gsl_init();
    if (access("tests/data/good/params.csv", R_OK) != 0 && chdir("../..") != 0) return;
}

TestSuite(loader, .init = S_init);

static scenario *S_load(const char *dir)
{
    hs_error e = {0};
    scenario *sc = scenario_load(dir, &e);
    cr_assert_not_null(sc, "scenario_load(%s): %s", dir, e.msg);
    return sc;
}

static scenario *S_load_final(const char *dir)
{
    scenario *sc = S_load(dir);
    hs_error e = {0};
    cr_assert_eq(scenario_finalize(sc, &e), HS_OK, "scenario_finalize(%s): %s", dir, e.msg);
    return sc;
}

static const param_value *S_opt(const scenario *sc, const char *option, const char *name)
{
    int o = scenario_option_index(sc, option);
    cr_assert_geq(o, 0, "no option %s", option);
    const param_def *d = params_find(name, PARAM_OPTION);
    cr_assert_not_null(d, "no parameter %s", name);
    return &sc->opt[o].p[d->index];
}

static const param_value *S_glob(const scenario *sc, const char *name)
{
    const param_def *d = params_find(name, PARAM_GLOBAL);
    cr_assert_not_null(d, "no parameter %s", name);
    return &sc->g[d->index];
}

static void S_near(double got, double want, const char *what)
{
    cr_expect(fabs(got - want) <= 1e-9 * fabs(want) + 1e-12, "%s = %.12g, expected %.12g", what,
              got, want);
}

/* ------------------------------------------------------------ the good one */

Test(loader, the_good_scenario_loads_with_its_options_in_file_order)
{
    scenario *sc = S_load_final("tests/data/good");
    cr_assert_eq(sc->nopt, 2);
    cr_expect_str_eq(sc->opt[0].name, "on_prem");
    cr_expect_str_eq(sc->opt[1].name, "saas_plan");
    cr_expect_str_eq(sc->name, "good");
    cr_expect_eq(scenario_option_index(sc, "saas_plan"), 1);
    cr_expect_eq(scenario_option_index(sc, "saas"), -1);
    cr_expect(sc->finalized);
    scenario_free(sc);
}

Test(loader, a_twd_monthly_salary_becomes_cny_per_year)
{
    scenario *sc = S_load_final("tests/data/good");
    const param_value *v = S_opt(sc, "on_prem", "it_salary");
    cr_expect_eq(v->s.kind, SPEC_CONST);
    S_near(v->s.a, 52380 * 0.2235 * 12, "on_prem.it_salary in CNY/year");
    S_near(v->s.a, 140483.16, "on_prem.it_salary in CNY/year");
    cr_expect_str_eq(v->text, "52380", "the SPEC as written is kept");
    cr_expect_str_eq(v->unit, "TWD/month", "the unit as written is kept");
    cr_expect_str_eq(v->source, "test: a Taiwan salary, converted with global.fx_twd_cny");
    scenario_free(sc);
}

Test(loader, a_usd_seat_fee_becomes_cny_per_month)
{
    scenario *sc = S_load_final("tests/data/good");
    S_near(S_opt(sc, "saas_plan", "seat_fee")->s.a, 1.25 * 7.15, "saas_plan.seat_fee");
    scenario_free(sc);
}

Test(loader, a_distribution_per_year_becomes_per_month)
{
    scenario *sc = S_load_final("tests/data/good");
    const spec *s = &S_opt(sc, "on_prem", "outage_rate")->s;
    cr_expect_eq(s->kind, SPEC_TRI);
    S_near(s->a, 2, "min");
    S_near(s->b, 2.5, "mode");
    S_near(s->c, 3.5, "max");
    scenario_free(sc);
}

Test(loader, percent_per_year_becomes_a_share_per_year)
{
    scenario *sc = S_load_final("tests/data/good");
    S_near(S_glob(sc, "growth_year")->s.a, 0.085, "global.growth_year");
    scenario_free(sc);
}

Test(loader, a_truncated_normal_keeps_its_truncation_and_the_bounds)
{
    scenario *sc = S_load_final("tests/data/good");
    const spec *s = &S_opt(sc, "saas_plan", "outage_rate")->s;
    cr_expect_eq(s->kind, SPEC_NORMAL);
    cr_expect(s->lo == 0 && s->hi == 2, "truncation [%g, %g]", s->lo, s->hi);
    const spec *l = &S_opt(sc, "saas_plan", "repair_hours")->s;
    cr_expect_eq(l->kind, SPEC_LOGNORMAL);
    cr_expect(l->hi == 10000, "lognormal truncated at the bound 10000 hours, got %g", l->hi);
    scenario_free(sc);
}

Test(loader, parameters_left_out_take_their_defaults)
{
    scenario *sc = S_load_final("tests/data/good");
    const param_value *v = S_opt(sc, "on_prem", "elastic_factor");
    cr_expect(!v->present);
    cr_expect_eq(v->s.a, 1);
    cr_expect_str_eq(v->origin, "default");
    cr_expect_str_eq(v->source, "built-in default (docs/model.md gives the reason)");
    cr_expect_str_eq(S_opt(sc, "on_prem", "cloud_fee")->source,
                     "built-in default 0: does not apply to this option");
    S_near(S_glob(sc, "discount_rate")->s.a, 0.08, "global.discount_rate default");
    scenario_free(sc);
}

Test(loader, the_profile_is_normalised_and_keeps_its_shape)
{
    scenario *sc = S_load_final("tests/data/good");
    double sum = 0;
    for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++)
            sum += sc->profile[d][h];
    S_near(sum, 1, "sum of the profile");
    S_near(sc->profile[0][10] / sc->profile[0][3], 8, "Monday 10:00 over Monday 03:00");
    S_near(sc->profile[6][10] / sc->profile[0][3], 1, "Sunday 10:00 over Monday 03:00");
    S_near(sc->profile[0][10], 8.0 / (45 * 8 + 123), "Monday 10:00");
    scenario_free(sc);
}

Test(loader, the_calendar_windows_are_read)
{
    scenario *sc = S_load_final("tests/data/good");
    cr_assert_eq(sc->npeaks, 3);
    cr_expect_str_eq(sc->peaks[0].name, "double_11");
    cr_expect(sc->peaks[0].recurring);
    cr_expect(sc->peaks[0].start.m == 11 && sc->peaks[0].start.d == 1 && sc->peaks[0].end.d == 11);
    cr_expect_eq(sc->peaks[0].multiplier, 4);
    cr_expect(sc->peaks[1].recurring && sc->peaks[1].start.m == 12 && sc->peaks[1].end.m == 1,
              "year_end wraps the year end");
    cr_expect(!sc->peaks[2].recurring);
    cr_expect(sc->peaks[2].start.y == 2027 && sc->peaks[2].start.m == 2 &&
              sc->peaks[2].start.d == 6);
    cr_expect_eq(sc->peaks[2].multiplier, 0.5);
    cr_expect_eq(sc->peaks[2].line, 4);
    cr_expect_eq(sc->peaks[2].col, 10, "column of the start date");
    scenario_free(sc);
}

Test(loader, assets_belong_to_their_option)
{
    scenario *sc = S_load_final("tests/data/good");
    const scenario_option *o = &sc->opt[scenario_option_index(sc, "on_prem")];
    cr_assert_eq(o->nassets, 2);
    cr_expect_str_eq(o->assets[0].item, "server");
    cr_expect_eq(o->assets[0].unit_cost.kind, SPEC_UNIFORM);
    cr_expect_eq(o->assets[0].count, 2);
    cr_expect_eq(o->assets[0].residual_3y, 0.275);
    cr_expect_str_eq(o->assets[1].item, "switch");
    cr_expect_eq(o->assets[1].unit_cost.a, 21000);
    cr_expect_eq(sc->opt[scenario_option_index(sc, "saas_plan")].nassets, 0);
    scenario_free(sc);
}

Test(loader, the_checksum_identifies_the_files)
{
    scenario *a = S_load("tests/data/good"), *b = S_load("tests/data/good"),
             *c = S_load("tests/data/good_crlf");
    cr_expect_eq(a->checksum, b->checksum, "same files, different checksums");
    cr_expect_neq(a->checksum, c->checksum, "different bytes, same checksum");
    scenario_free(a);
    scenario_free(b);
    scenario_free(c);
}

Test(loader, finalizing_twice_changes_nothing)
{
    scenario *sc = S_load_final("tests/data/good");
    hs_error e = {0};
    cr_expect_eq(scenario_finalize(sc, &e), HS_OK);
    S_near(S_opt(sc, "on_prem", "it_salary")->s.a, 140483.16, "salary after a second finalize");
    scenario_free(sc);
}

Test(loader, optional_files_may_be_left_out)
{
    scenario *sc = S_load_final("tests/data/good_params_only");
    cr_expect_eq(sc->npeaks, 0);
    cr_expect_eq(sc->opt[0].nassets, 0);
    S_near(sc->profile[2][13], 1.0 / 168, "flat week without profile.csv");
    scenario_free(sc);
}

Test(loader, scenario_free_of_null_does_nothing)
{
    scenario_free(NULL);
}

/* ------------------------------------------------- the same, written otherwise */

static void S_same_spec(const spec *a, const spec *b, const char *what)
{
    int same = a->kind == b->kind && a->a == b->a && a->b == b->b && a->c == b->c && a->d == b->d &&
               a->lo == b->lo && a->hi == b->hi && a->n == b->n;
    for (int i = 0; same && i < a->n; i++)
        same = a->v[i] == b->v[i] && a->p[i] == b->p[i];
    cr_expect(same, "%s differs", what);
}

static void S_same_as_good(const char *dir, int same_sources)
{
    scenario *g = S_load_final("tests/data/good"), *v = S_load_final(dir);
    cr_assert_eq(v->nopt, g->nopt, "%s: options", dir);
    PARAM_SLOTS_FOREACH (s, g->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_value *a = PARAM_SLOT_OF(s, g->g, g->opt[s.opt].p);
        const param_value *b = PARAM_SLOT_OF(s, v->g, v->opt[s.opt].p);
        char what[160];
        snprintf(what, sizeof what, "%s: %s.%s", dir, param_slot_owner(g, &s), s.d->name);
        S_same_spec(&a->s, &b->s, what);
        cr_expect_str_eq(a->text, b->text, "%s: text", what);
        cr_expect_str_eq(a->unit, b->unit, "%s: unit", what);
        if (same_sources) cr_expect_str_eq(a->source, b->source, "%s: source", what);
    }
    for (int o = 0; o < g->nopt; o++) {
        cr_expect_str_eq(v->opt[o].name, g->opt[o].name);
        cr_assert_eq(v->opt[o].nassets, g->opt[o].nassets, "%s: assets", dir);
        for (int k = 0; k < g->opt[o].nassets; k++) {
            cr_expect_str_eq(v->opt[o].assets[k].item, g->opt[o].assets[k].item);
            S_same_spec(&v->opt[o].assets[k].unit_cost, &g->opt[o].assets[k].unit_cost,
                        "asset cost");
            cr_expect_eq(v->opt[o].assets[k].residual_3y, g->opt[o].assets[k].residual_3y);
        }
    }
    cr_expect(memcmp(v->profile, g->profile, sizeof g->profile) == 0, "%s: profile differs", dir);
    cr_assert_eq(v->npeaks, g->npeaks, "%s: peak windows", dir);
    for (int i = 0; i < g->npeaks; i++) {
        cr_expect_str_eq(v->peaks[i].name, g->peaks[i].name);
        cr_expect(memcmp(&v->peaks[i].start, &g->peaks[i].start, sizeof(cal_date)) == 0 &&
                      memcmp(&v->peaks[i].end, &g->peaks[i].end, sizeof(cal_date)) == 0 &&
                      v->peaks[i].multiplier == g->peaks[i].multiplier &&
                      v->peaks[i].recurring == g->peaks[i].recurring,
                  "%s: peak %s differs", dir, g->peaks[i].name);
    }
    scenario_free(g);
    scenario_free(v);
}

Test(loader, crlf_line_ends_load_the_same)
{
    S_same_as_good("tests/data/good_crlf", 1);
}
Test(loader, old_mac_cr_line_ends_load_the_same)
{
    S_same_as_good("tests/data/good_cr", 1);
}
Test(loader, a_utf8_bom_loads_the_same)
{
    S_same_as_good("tests/data/good_bom", 1);
}
Test(loader, comments_and_blank_lines_are_skipped)
{
    S_same_as_good("tests/data/good_comments", 1);
}
Test(loader, quoted_fields_load_the_same)
{
    S_same_as_good("tests/data/good_quoted", 0);
}

Test(loader, a_quoted_source_keeps_its_commas_quotes_and_line_break)
{
    scenario *sc = S_load_final("tests/data/good_quoted");
    cr_expect_str_eq(S_opt(sc, "on_prem", "capacity_rps")->source,
                     "test: \"quoted\", with commas, and\n# a second line that is not a comment");
    /* a row after a two-line row starts on the right line */
    cr_expect_eq(S_glob(sc, "revenue_year")->line, 6);
    scenario_free(sc);
}

Test(loader, line_numbers_count_comments_and_blank_lines)
{
    scenario *sc = S_load_final("tests/data/good_comments");
    cr_expect_eq(S_glob(sc, "volume_month")->line, 10);
    cr_expect_eq(S_glob(sc, "volume_month")->col_value, 22, "column inside the quotes");
    scenario_free(sc);
}

/* ------------------------------------------------------------ missing rows */

Test(loader, missing_required_parameters_are_all_listed)
{
    scenario *sc = S_load("tests/data/bad/missing_required");
    hs_error e = {0};
    cr_assert_eq(scenario_finalize(sc, &e), HS_ERR_INPUT);
    cr_expect(strstr(e.msg, "tests/data/bad/missing_required/params.csv: expected a row for every "
                            "required parameter, got 3 missing") == e.msg,
              "message: %s", e.msg);
    cr_expect(strstr(e.msg, "\n  global.revenue_year (CNY/year): the firm's annual revenue"), "%s",
              e.msg);
    cr_expect(strstr(e.msg, "\n  saas_plan.capacity_rps (req/s): "), "%s", e.msg);
    cr_expect(strstr(e.msg, "\n  on_prem.repair_hours (hours): mean time to repair -- option "
                            "'on_prem' starts on line 8"),
              "%s", e.msg);
    scenario_free(sc);
}

Test(loader, a_missing_folder_is_an_input_error)
{
    hs_error e = {0};
    cr_expect_null(scenario_load("tests/data/no_such_scenario", &e));
    cr_expect_eq(e.code, HS_ERR_INPUT);
    cr_expect_str_eq(e.msg, "tests/data/no_such_scenario: not a scenario folder (No such file or "
                            "directory)");
}

/* ------------------------------------------------------------------ --set */

static scenario *S_set_ok(const char *assignment)
{
    scenario *sc = S_load("tests/data/good");
    hs_error e = {0};
    cr_assert_eq(scenario_set(sc, assignment, &e), HS_OK, "--set %s: %s", assignment, e.msg);
    cr_assert_eq(scenario_finalize(sc, &e), HS_OK, "--set %s: %s", assignment, e.msg);
    return sc;
}

/* --set fails (at scenario_set or at scenario_finalize) with message. */
static void S_set_fails(const char *assignment, const char *message)
{
    scenario *sc = S_load("tests/data/good");
    hs_error e = {0};
    hs_status st = scenario_set(sc, assignment, &e);
    if (st == HS_OK) st = scenario_finalize(sc, &e);
    cr_expect_eq(st, HS_ERR_INPUT, "--set %s was accepted", assignment);
    cr_expect_str_eq(e.msg, message, "--set %s", assignment);
    scenario_free(sc);
}

Test(loader, set_overrides_a_row_and_converts_its_unit)
{
    scenario *sc = S_set_ok("on_prem.it_salary=60000 TWD/month");
    const param_value *v = S_opt(sc, "on_prem", "it_salary");
    S_near(v->s.a, 60000 * 0.2235 * 12, "overridden salary");
    cr_expect_str_eq(v->origin, "--set");
    cr_expect_str_eq(v->source, "--set on the command line (was: 52380)");
    cr_expect_str_eq(sc->overrides, "on_prem.it_salary=60000 TWD/month");
    scenario_free(sc);
}

Test(loader, set_without_a_unit_uses_the_canonical_unit)
{
    scenario *sc = S_set_ok("on_prem.it_salary=tri(120000, 150000, 200000)");
    const param_value *v = S_opt(sc, "on_prem", "it_salary");
    cr_expect_eq(v->s.kind, SPEC_TRI);
    cr_expect_eq(v->s.b, 150000);
    cr_expect_str_eq(v->unit, "CNY/year");
    scenario_free(sc);
}

Test(loader, set_can_give_a_parameter_the_files_leave_out)
{
    scenario *sc = S_set_ok("saas_plan.energy=uniform(100,250)");
    cr_expect_eq(S_opt(sc, "saas_plan", "energy")->s.kind, SPEC_UNIFORM);
    cr_expect_str_eq(S_opt(sc, "saas_plan", "energy")->source,
                     "--set on the command line (was: default)");
    scenario_free(sc);
}

Test(loader, set_of_a_global_parameter)
{
    scenario *sc = S_set_ok("global.volume_month=120000");
    cr_expect_eq(S_glob(sc, "volume_month")->s.a, 120000);
    scenario_free(sc);
}

Test(loader, set_rejects_a_bad_spec_with_its_column)
{
    S_set_fails("on_prem.energy=uniform(3,2)",
                "--set on_prem.energy=uniform(3,2): column 9 of the "
                "value: uniform(a,b) needs a < b, got a = 3 > b = 2");
}

Test(loader, set_rejects_an_unknown_option_and_suggests_one)
{
    S_set_fails("on_prm.energy=1800",
                "--set on_prm.energy=1800: unknown option 'on_prm' (did you mean 'on_prem'?)");
}

Test(loader, set_rejects_an_unknown_option_without_a_close_name)
{
    S_set_fails("mainframe.energy=1800", "--set mainframe.energy=1800: unknown option 'mainframe'");
}

Test(loader, set_rejects_an_unknown_parameter_and_suggests_one)
{
    S_set_fails("on_prem.enrgy=1800",
                "--set on_prem.enrgy=1800: unknown parameter 'enrgy' (did you mean 'energy'?)");
}

Test(loader, set_rejects_a_value_out_of_bounds_in_the_unit_given)
{
    S_set_fails(
        "on_prem.breach_share=120 %",
        "--set on_prem.breach_share=120 (in %): on_prem.breach_share: expected a value from "
        "0 to 100 %, got '120'");
}

Test(loader, set_rejects_a_negative_cost)
{
    S_set_fails("on_prem.energy=-1850",
                "--set on_prem.energy=-1850 (in CNY/month): on_prem.energy: "
                "expected a value from 0 to 1e+09 CNY/month, got '-1850'");
}

Test(loader, set_rejects_a_unit_of_the_wrong_dimension)
{
    S_set_fails(
        "on_prem.ddos_rate=2 hours",
        "--set on_prem.ddos_rate=2 hours: on_prem.ddos_rate: expected a count per time, got "
        "a duration 'hours' (the parameter's unit is '/year')");
}

Test(loader, set_rejects_a_global_parameter_given_to_an_option)
{
    S_set_fails("on_prem.volume_month=61500",
                "--set on_prem.volume_month=61500: expected a per-option parameter, got "
                "'volume_month', which is global: set it once as global.volume_month");
}

Test(loader, set_rejects_an_assignment_without_equals)
{
    S_set_fails("on_prem.energy",
                "--set on_prem.energy: expected option.parameter=SPEC (e.g. "
                "global.volume_month=120000 or saas.overage_fee='uniform(0.01,0.03)')");
}

/* ---------------------------------------------------------------- horizon */

Test(loader, dated_windows_inside_or_after_the_horizon_are_fine)
{
    scenario *sc = S_load_final("tests/data/good");
    hs_error e = {0};
    cal_date start = {2027, 1, 1};
    cr_expect_eq(scenario_check_horizon(sc, start, 5, &e), HS_OK, "%s", e.msg);
    cal_date late = {2026, 1, 1};
    cr_expect_eq(scenario_check_horizon(sc, late, 1, &e), HS_OK, "a window after the horizon: %s",
                 e.msg);
    scenario_free(sc);
}

Test(loader, a_dated_window_before_the_start_is_an_error)
{
    scenario *sc = S_load_final("tests/data/good");
    hs_error e = {0};
    cal_date start = {2028, 1, 1};
    cr_assert_eq(scenario_check_horizon(sc, start, 5, &e), HS_ERR_INPUT);
    cr_expect_str_eq(e.msg,
                     "tests/data/good/calendar.csv:4:10: expected a dated peak window on or after "
                     "the start of the simulated period (2028-01-01), got 'cny_2027' from "
                     "2027-02-06 to 2027-02-12: fix the year, write MM-DD for a window every year, "
                     "or move the run's --start\n  > cny_2027,2027-02-06,2027-02-12,0.5,test");
    scenario_free(sc);
}
