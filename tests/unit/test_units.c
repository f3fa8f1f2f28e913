/* test_units.c — the unit column (sim/base/units.c): parsing, conversion factors, rejections.
 *
 * Time units: 1 month = 730.5 h (365.25 d / 12), 1 year = 8766 h, so a
 * month is exactly a twelfth of a year. fx[c] is CNY per unit of currency c.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "base/units.h"

static const double S_fx[CUR_COUNT] = {1, 0.2235, 7.15}; /* CNY, TWD, USD */

static double S_factor(const char *from, const char *to)
{
    unit_t a, b;
    char msg[256] = "";
    cr_assert_eq(unit_parse(from, &a, msg, sizeof msg), 0, "unit_parse(\"%s\"): %s", from, msg);
    cr_assert_eq(unit_parse(to, &b, msg, sizeof msg), 0, "unit_parse(\"%s\"): %s", to, msg);
    double f = NAN;
    cr_assert_eq(unit_factor(&a, &b, S_fx, &f, msg, sizeof msg), 0, "%s -> %s: %s", from, to, msg);
    return f;
}

static void S_expect_factor(const char *from, const char *to, double want)
{
    double f = S_factor(from, to);
    cr_expect(fabs(f - want) <= 1e-12 * fabs(want), "%s -> %s: factor %.15g, expected %.15g", from,
              to, f, want);
}

Test(units, a_twd_monthly_salary_becomes_cny_per_year_through_the_exchange_rate)
{
    S_expect_factor("TWD/month", "CNY/year", 0.2235 * 12);
    /* 52,380 TWD a month is 140,483.16 CNY a year at 0.2235 */
    cr_expect(fabs(52380 * S_factor("TWD/month", "CNY/year") - 140483.16) < 1e-6);
}

Test(units, usd_per_month_becomes_cny_per_month)
{
    S_expect_factor("USD/month", "CNY/month", 7.15);
}
Test(units, a_percent_is_a_hundredth_of_a_share)
{
    S_expect_factor("%", "share", 0.01);
}
Test(units, a_share_is_a_hundred_percent)
{
    S_expect_factor("share", "%", 100);
}
Test(units, percent_per_year_becomes_share_per_year)
{
    S_expect_factor("%/year", "share/year", 0.01);
}
Test(units, a_rate_per_year_is_a_twelfth_per_month)
{
    S_expect_factor("/year", "/month", 1.0 / 12);
}
Test(units, a_rate_per_week_becomes_per_month)
{
    S_expect_factor("/week", "/month", 730.5 / 168);
}
Test(units, minutes_become_hours)
{
    S_expect_factor("minutes", "hours", 1.0 / 60);
}
Test(units, days_become_hours)
{
    S_expect_factor("days", "hours", 24);
}
Test(units, hours_become_minutes)
{
    S_expect_factor("h", "minutes", 60);
}
Test(units, hours_per_month_become_hours_per_year)
{
    S_expect_factor("hours/month", "hours/year", 12);
}
Test(units, messages_per_day_become_messages_per_month)
{
    S_expect_factor("messages/day", "messages/month", 730.5 / 24);
}
Test(units, a_price_per_message_stays_per_message)
{
    S_expect_factor("CNY/message", "CNY/message", 1);
}
Test(units, a_usd_price_per_message_converts_the_currency)
{
    S_expect_factor("USD/message", "CNY/message", 7.15);
}
Test(units, synonyms_name_the_same_unit)
{
    S_expect_factor("rps", "req/s", 1);
    S_expect_factor("RMB", "CNY", 1);
    S_expect_factor("NTD/month", "TWD/month", 1);
    S_expect_factor("agents", "seats", 1);
    S_expect_factor("percent", "%", 1);
    S_expect_factor("msg/month", "messages/month", 1);
}

static void S_rejects_parse(const char *text, const char *message)
{
    unit_t u;
    char msg[256] = "";
    cr_assert_eq(unit_parse(text, &u, msg, sizeof msg), -1, "unit_parse(\"%s\") accepted it", text);
    cr_expect_str_eq(msg, message, "unit_parse(\"%s\")", text);
}

static void S_rejects_factor(const char *from, const char *to, const char *message)
{
    unit_t a, b;
    char msg[256] = "";
    cr_assert_eq(unit_parse(from, &a, msg, sizeof msg), 0);
    cr_assert_eq(unit_parse(to, &b, msg, sizeof msg), 0);
    double f;
    cr_assert_eq(unit_factor(&a, &b, S_fx, &f, msg, sizeof msg), -1, "%s -> %s accepted", from, to);
    cr_expect_str_eq(msg, message, "%s -> %s", from, to);
}

Test(units, rejects_an_unknown_unit)
{
    S_rejects_parse("furlongs", "unknown unit 'furlongs': expected e.g. CNY, TWD/month, "
                                "messages/month, /year, hours, %, share, req/s, FTE, Mbps, x");
}
Test(units, rejects_an_unknown_time_after_the_slash)
{
    S_rejects_parse("CNY/fortnight", "expected a time after '/' (hour, day, week, month or year) "
                                     "or 'message', got 'fortnight' in 'CNY/fortnight'");
}
Test(units, rejects_an_empty_unit)
{
    S_rejects_parse("", "expected a unit (e.g. CNY, CNY/month, hours, %, share, x), got an empty "
                        "cell");
}
Test(units, rejects_a_unit_longer_than_sixty_three_bytes)
{
    S_rejects_parse(
        "CNY/monthmonthmonthmonthmonthmonthmonthmonthmonthmonthmonthmonth",
        "expected a unit such as CNY/month, got 'CNY/monthmonthmonthmonthmonthmonthmonthm...'");
}
Test(units, rejects_units_that_are_case_sensitive_currencies_in_lower_case)
{
    S_rejects_parse("cny",
                    "unknown unit 'cny': expected e.g. CNY, TWD/month, messages/month, /year, "
                    "hours, %, share, req/s, FTE, Mbps, x");
}
Test(units, rejects_money_where_money_per_time_is_expected)
{
    S_rejects_factor("TWD", "CNY/year", "expected money per time, got money");
}
Test(units, rejects_a_duration_where_a_rate_is_expected)
{
    S_rejects_factor("hours", "/year", "expected a count per time, got a duration");
}
Test(units, rejects_a_price_per_message_where_a_monthly_fee_is_expected)
{
    S_rejects_factor("CNY/message", "CNY/month", "expected money per time, got money per message");
}
Test(units, rejects_a_share_where_money_is_expected)
{
    S_rejects_factor("%", "CNY", "expected money, got a share or %");
}
Test(units, rejects_messages_where_requests_per_second_are_expected)
{
    S_rejects_factor("messages/hour", "req/s", "expected req/s, got messages per time");
}
