/* test_calendar_series.c — the default calendar's dated Chinese New Year rows and the rule for
 * a yearly series of dated windows (sim/scenario/calendar_series.c).
 *
 * The dates below are the published ones (Hong Kong Observatory tables and the Purple Mountain
 * Observatory's ruling on 2033/2034), independent of the script that wrote the rows.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <unistd.h>

#include "scenario/calendar_series.h"
#include "scenario/scenario.h"

static void S_init(void)
{
    hs_gsl_init();
    if (access("inputs/default/calendar.csv", R_OK) != 0 && chdir("../..") != 0) return;
}

TestSuite(calendar_series, .init = S_init);

static scenario *S_default(void)
{
    hs_error e = {0};
    scenario *sc = scenario_open("inputs/default", NULL, 0, &e);
    cr_assert_not_null(sc, "inputs/default: %s", e.msg);
    return sc;
}

static const peak_window *S_peak(const scenario *sc, const char *name)
{
    for (int i = 0; i < sc->npeaks; i++)
        if (strcmp(sc->peaks[i].name, name) == 0) return &sc->peaks[i];
    return NULL;
}

Test(calendar_series, the_default_new_year_rows_fall_on_the_known_dates)
{
    static const struct {
        int y, m, d;
    } known[] = {{2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6},  {2030, 2, 3},  {2033, 1, 31},
                 {2034, 2, 19}, {2038, 2, 4},  {2044, 1, 30}, {2050, 1, 23}, {2060, 2, 2}};
    scenario *sc = S_default();
    for (size_t k = 0; k < sizeof known / sizeof *known; k++) {
        char name[32], pre[32];
        snprintf(name, sizeof name, "cny_%d", known[k].y);
        snprintf(pre, sizeof pre, "cny_pre_%d", known[k].y);
        const peak_window *w = S_peak(sc, name), *p = S_peak(sc, pre);
        cr_assert_not_null(w, "no row %s", name);
        cr_assert_not_null(p, "no row %s", pre);
        cr_expect(w->start.y == known[k].y && w->start.m == known[k].m && w->start.d == known[k].d,
                  "%s starts %04d-%02d-%02d, expected %04d-%02d-%02d", name, w->start.y, w->start.m,
                  w->start.d, known[k].y, known[k].m, known[k].d);
        long ny = cal_days_from_civil(known[k].y, known[k].m, known[k].d);
        cr_expect_eq(cal_days_from_civil(p->end.y, p->end.m, p->end.d), ny - 1,
                     "%s ends the day before New Year", pre);
    }
    scenario_free(sc);
}

Test(calendar_series, every_year_from_2025_to_2060_has_its_new_year_rows)
{
    scenario *sc = S_default();
    for (int y = 2025; y <= 2060; y++) {
        char name[32];
        snprintf(name, sizeof name, "cny_%d", y);
        cr_expect_not_null(S_peak(sc, name), "no row %s", name);
    }
    scenario_free(sc);
}

Test(calendar_series, any_start_from_2025_to_2055_passes_the_horizon_check)
{
    scenario *sc = S_default();
    for (int y = 2025; y <= 2055; y++)
        for (int m = 1; m <= 12; m++) {
            hs_error e = {0};
            cal_date start = {y, m, 1};
            cr_expect_eq(scenario_check_horizon(sc, start, 5, &e), HS_OK, "%d-%02d-01: %s", y, m,
                         e.msg);
        }
    scenario_free(sc);
}

Test(calendar_series, a_start_after_the_series_ends_names_its_last_row)
{
    scenario *sc = S_default();
    hs_error e = {0};
    cal_date start = {2061, 1, 1};
    cr_assert_eq(scenario_check_horizon(sc, start, 5, &e), HS_ERR_INPUT);
    cr_expect(strstr(e.msg, "cny_pre_2060") != NULL, "message: %s", e.msg);
    scenario_free(sc);
}

Test(calendar_series, a_trailing_year_makes_a_series_and_nothing_else_does)
{
    cr_expect_eq(calendar_series_stem("cny_2027"), 3);
    cr_expect_eq(calendar_series_stem("cny_pre_2060"), 7);
    cr_expect_eq(calendar_series_stem("sale2027"), 8);
    cr_expect_eq(calendar_series_stem("sale_27"), 7);
    cr_expect_eq(calendar_series_stem("_2027"), 5);
    cr_expect_eq(calendar_series_stem("x_20a7"), 6);
}
