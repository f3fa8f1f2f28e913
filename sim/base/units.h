/* units.h — the unit column of scenario files.
 *
 * A unit is a quantity, optionally per a time: "CNY", "TWD/month",
 * "messages/day", "/year", "hours", "hours/month", "%", "share", "req/s",
 * "x". Every parameter has a canonical unit; a row may use any unit of the
 * same dimension and the loader converts. Currencies convert through the
 * exchange-rate parameters (global.fx_twd_cny, global.fx_usd_cny).
 * Time: 1 day = 24 h, week = 168 h, month = 730.5 h (365.25 d / 12), year = 8766 h.
 */
#ifndef HS_UNITS_H
#define HS_UNITS_H

#include <stddef.h>

#define UNITS_HOURS_PER_MONTH 730.5
#define UNITS_HOURS_PER_YEAR 8766.0
#define UNITS_DAYS_PER_YEAR 365.25
#define UNITS_SECONDS_PER_HOUR 3600.0

typedef enum { UNIT_NONE, UNIT_MONEY, UNIT_DURATION, UNIT_FRACTION, UNIT_NAMED } unit_kind;
typedef enum { CUR_CNY, CUR_TWD, CUR_USD, CUR_COUNT } unit_currency;

typedef struct {
    unit_kind kind;
    unit_currency cur; /* MONEY */
    double qty_hours;  /* DURATION: the unit in hours */
    double frac;       /* FRACTION: 1 for share, 0.01 for % */
    char name[24];     /* NAMED: canonical name (messages, req/s, FTE, Mbps, x, seats) */
    double per_hours;  /* the time denominator in hours; 0 when there is none */
    int per_message;   /* "CNY/message": a price per message */
} unit_t;

/* Parses text; returns -1 with a message when unknown. */
int unit_parse(const char *text, unit_t *u, char *msg, size_t n);
/* Factor turning a value in `from` into `to`; fx[c] is CNY per unit of currency c.
 * Returns -1 (and a message) when the dimensions differ. */
int unit_factor(const unit_t *from, const unit_t *to, const double fx[CUR_COUNT], double *f,
                char *msg, size_t n);

#endif
