/* test_calendar.c — civil dates (sim/base/calendar.c): weekdays, leap years, parsing, round trips.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "base/calendar.h"

enum { MON, TUE, WED, THU, FRI, SAT, SUN };

static int S_weekday_of(int y, int m, int d)
{
    return cal_weekday(cal_days_from_civil(y, m, d));
}

Test(calendar, day_zero_is_1970_01_01_a_thursday)
{
    cr_expect_eq(cal_days_from_civil(1970, 1, 1), 0);
    cr_expect_eq(cal_weekday(0), THU);
}

Test(calendar, weekdays_of_known_dates)
{
    cr_expect_eq(S_weekday_of(2027, 1, 1), FRI, "2027-01-01 is a Friday");
    cr_expect_eq(S_weekday_of(2000, 1, 1), SAT, "2000-01-01 was a Saturday");
    cr_expect_eq(S_weekday_of(2024, 2, 29), THU, "2024-02-29 was a Thursday");
    cr_expect_eq(S_weekday_of(2027, 11, 11), THU, "2027-11-11 is a Thursday");
    cr_expect_eq(S_weekday_of(2028, 2, 29), TUE, "2028-02-29 is a Tuesday");
    cr_expect_eq(S_weekday_of(1969, 12, 31), WED, "before day 0: 1969-12-31 was a Wednesday");
    cr_expect_eq(S_weekday_of(1900, 1, 1), MON, "1900-01-01 was a Monday");
}

Test(calendar, leap_years_follow_the_gregorian_rule)
{
    cr_expect(cal_is_leap(2028), "2028 is a leap year");
    cr_expect(!cal_is_leap(2027), "2027 is not");
    cr_expect(!cal_is_leap(2100), "2100 is not (a century)");
    cr_expect(cal_is_leap(2000), "2000 is (divisible by 400)");
    cr_expect(!cal_is_leap(1900), "1900 is not");
    cr_expect_eq(cal_month_days(2028, 2), 29);
    cr_expect_eq(cal_month_days(2027, 2), 28);
    cr_expect_eq(cal_month_days(2100, 2), 28);
    cr_expect_eq(cal_month_days(2000, 2), 29);
}

Test(calendar, month_lengths)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++)
        cr_expect_eq(cal_month_days(2027, m), len[m - 1], "month %d", m);
}

Test(calendar, a_year_has_365_or_366_days)
{
    for (int y = 1900; y < 2200; y++) {
        long n = cal_days_from_civil(y + 1, 1, 1) - cal_days_from_civil(y, 1, 1);
        cr_expect_eq(n, cal_is_leap(y) ? 366 : 365, "year %d has %ld days", y, n);
    }
}

Test(calendar, round_trips_over_many_days_step_one_day_at_a_time)
{
    /* 1900-01-01 .. about 2200: each day maps back to itself, and the next day
     * is the civil successor of the previous one. */
    long first = cal_days_from_civil(1900, 1, 1), last = cal_days_from_civil(2200, 12, 31);
    cal_date prev = cal_civil_from_days(first - 1);
    for (long z = first; z <= last; z++) {
        cal_date d = cal_civil_from_days(z);
        cr_assert_eq(cal_days_from_civil(d.y, d.m, d.d), z, "day %ld -> %04d-%02d-%02d -> other", z,
                     d.y, d.m, d.d);
        int succ = (d.y == prev.y && d.m == prev.m && d.d == prev.d + 1) ||
                   (d.y == prev.y && d.m == prev.m + 1 && d.d == 1 &&
                    prev.d == cal_month_days(prev.y, prev.m)) ||
                   (d.y == prev.y + 1 && d.m == 1 && d.d == 1 && prev.m == 12 && prev.d == 31);
        cr_assert(succ, "%04d-%02d-%02d does not follow %04d-%02d-%02d", d.y, d.m, d.d, prev.y,
                  prev.m, prev.d);
        cr_assert_eq(cal_weekday(z), (cal_weekday(z - 1) + 1) % 7, "weekday of day %ld", z);
        prev = d;
    }
}

Test(calendar, parses_a_dated_day)
{
    cal_date d;
    cr_assert_eq(cal_parse("2028-02-29", &d), 3);
    cr_expect(d.y == 2028 && d.m == 2 && d.d == 29);
}

Test(calendar, parses_a_recurring_day)
{
    cal_date d;
    cr_assert_eq(cal_parse("11-11", &d), 2);
    cr_expect(d.y == 0 && d.m == 11 && d.d == 11);
    cr_expect_eq(cal_parse("02-29", &d), 2, "02-29 recurs in leap years");
}

Test(calendar, rejects_impossible_and_malformed_dates)
{
    const char *bad[] = {"2027-02-29", "02-30",      "04-31",       "2027-13-01", "2027-00-10",
                         "2027-01-00", "2027-1-01",  "27-01-01",    "2027/01/01", "",
                         "1899-12-31", "3000-01-01", "2027-01-01x", "11-1",       "ab-cd"};
    cal_date d;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_expect_eq(cal_parse(bad[i], &d), -1, "'%s' was accepted", bad[i]);
}

Test(calendar, formats_a_date_as_iso)
{
    char buf[16];
    cal_date d = {2027, 3, 9};
    cal_format(d, buf, sizeof buf);
    cr_expect_str_eq(buf, "2027-03-09");
}
