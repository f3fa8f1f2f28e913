/* test_base.c — the small pieces of the base layer: the thousands formatter (sim/base/hs_fmt.c),
 * the path join (sim/base/hs_path.c) and the clock (sim/base/hs_clock.c). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/hs_clock.h"
#include "base/hs_fmt.h"
#include "base/hs_path.h"

static const char *S_fmt(double v, int decimals)
{
    static char b[64];
    hs_fmt_thousands(b, sizeof b, v, decimals);
    return b;
}

Test(fmt, whole_numbers_are_rounded_and_grouped_by_three)
{
    cr_assert_str_eq(S_fmt(1234567.4, 0), "1,234,567");
    cr_assert_str_eq(S_fmt(1234567.8, 0), "1,234,568");
    cr_assert_str_eq(S_fmt(999.6, 0), "1,000");
    cr_assert_str_eq(S_fmt(1000, 0), "1,000");
    cr_assert_str_eq(S_fmt(999, 0), "999");
    cr_assert_str_eq(S_fmt(12, 0), "12");
    cr_assert_str_eq(S_fmt(123456, 0), "123,456");
    cr_assert_str_eq(S_fmt(0, 0), "0");
}

Test(fmt, negatives_keep_their_sign_and_a_rounded_zero_has_none)
{
    cr_assert_str_eq(S_fmt(-999, 0), "-999");
    cr_assert_str_eq(S_fmt(-999.4, 0), "-999");
    cr_assert_str_eq(S_fmt(-2385001.7, 0), "-2,385,002");
    cr_assert_str_eq(S_fmt(-0.4, 0), "0");
    cr_assert_str_eq(S_fmt(-0.004, 2), "0.00");
    cr_assert_str_eq(S_fmt(-0.006, 2), "-0.01");
}

Test(fmt, decimals_follow_the_grouped_whole_part)
{
    cr_assert_str_eq(S_fmt(1234.5678, 2), "1,234.57");
    cr_assert_str_eq(S_fmt(-1234567.25, 1), "-1,234,567.2");
    cr_assert_str_eq(S_fmt(0.125, 3), "0.125");
    cr_assert_str_eq(S_fmt(7.5, -3), "8", "negative decimals mean 0");
    cr_assert_str_eq(S_fmt(1.0 / 3, 12), "0.333333333", "at most 9 decimals");
}

Test(fmt, non_finite_and_huge_values_use_g)
{
    cr_assert_str_eq(S_fmt(INFINITY, 0), "inf");
    cr_assert_str_eq(S_fmt(-INFINITY, 0), "-inf");
    cr_assert_str_eq(S_fmt(NAN, 0), "nan");
    cr_assert_str_eq(S_fmt(2.385e19, 0), "2.38e+19");
    cr_assert_str_eq(S_fmt(9.99e17, 0), "999,000,000,000,000,000");
}

Test(fmt, a_small_buffer_is_truncated_and_terminated)
{
    char b[6];
    memset(b, 'x', sizeof b);
    hs_fmt_thousands(b, sizeof b, 1234567, 0);
    cr_assert_str_eq(b, "1,234");
}

Test(path, join_puts_one_slash_between_folder_and_name)
{
    char *p = hs_path_join("outputs/default", "summary.csv");
    cr_assert_str_eq(p, "outputs/default/summary.csv");
    free(p);
    p = hs_path_join("/", "tmp");
    cr_assert_str_eq(p, "//tmp");
    free(p);
    p = hs_path_join("a b'c", "");
    cr_assert_str_eq(p, "a b'c/");
    free(p);
}

Test(clock, is_monotonic_and_counts_seconds)
{
    double t0 = hs_clock_seconds();
    struct timespec nap = {0, 30 * 1000 * 1000}; /* 30 ms */
    nanosleep(&nap, NULL);
    double t1 = hs_clock_seconds();
    cr_assert_geq(t1 - t0, 0.029, "slept 30 ms, the clock says %.6f s", t1 - t0);
    cr_assert_lt(t1 - t0, 5.0, "slept 30 ms, the clock says %.6f s", t1 - t0);
    for (int i = 0; i < 1000; i++) {
        double t = hs_clock_seconds();
        cr_assert_geq(t, t1, "the clock went backwards");
        t1 = t;
    }
}
