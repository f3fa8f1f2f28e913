/* calendar.h — civil dates for the hourly simulation.
 *
 * Days are counted from 1970-01-01 (day 0, a Thursday) in the proleptic
 * Gregorian calendar: leap years are divisible by 4, except centuries not
 * divisible by 400. Weekday 0 = Monday ... 6 = Sunday.
 */
#ifndef HS_CALENDAR_H
#define HS_CALENDAR_H

typedef struct {
    int y, m, d;
} cal_date;

long cal_days_from_civil(int y, int m, int d);
cal_date cal_civil_from_days(long days);
int cal_weekday(long days); /* 0 = Monday */
int cal_is_leap(int y);
int cal_month_days(int y, int m);
/* Parses "YYYY-MM-DD" (returns 3), or "MM-DD" (returns 2, *y = 0); -1 if invalid
 * (including impossible dates such as 02-30, and 02-29 in a common year). */
int cal_parse(const char *s, cal_date *out);
void cal_format(cal_date d, char *buf, unsigned n);

#endif
