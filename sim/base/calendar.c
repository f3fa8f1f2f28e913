/* calendar.c — civil-date arithmetic (see calendar.h).
 *
 * Days from civil: shift the year to start in March so the leap day is the
 * last day of the year, count 400-year eras of 146097 days, years of 365
 * days plus leap days, and months with the 153-day five-month pattern.
 */
#include "calendar.h"

#include <stdio.h>
#include <string.h>

long cal_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                   /* [0, 399] */
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

cal_date cal_civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    cal_date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(y + (r.m <= 2));
    return r;
}

int cal_weekday(long days)
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    return (int)(w < 0 ? w + 7 : w);
}

int cal_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_month_days(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && cal_is_leap(y) ? 29 : len[m - 1];
}

static int S_digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 0;
}

int cal_parse(const char *s, cal_date *out)
{
    size_t len = strlen(s);
    cal_date d = {0, 0, 0};
    int kind;
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        if (S_digits(s, 4, &d.y) || S_digits(s + 5, 2, &d.m) || S_digits(s + 8, 2, &d.d)) return -1;
        kind = 3;
    } else if (len == 5 && s[2] == '-') {
        if (S_digits(s, 2, &d.m) || S_digits(s + 3, 2, &d.d)) return -1;
        kind = 2;
    } else
        return -1;
    if (d.m < 1 || d.m > 12 || d.d < 1) return -1;
    if (d.d > cal_month_days(kind == 3 ? d.y : 2000 /* a leap year */, d.m)) return -1;
    if (kind == 3 && (d.y < 1900 || d.y > 2999)) return -1;
    *out = d;
    return kind;
}

void cal_format(cal_date d, char *buf, unsigned n)
{
    snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
}
