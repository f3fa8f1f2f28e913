/* plan.h — the calendar of the horizon as read-only tables (one per run).
 *
 * The horizon starts on the first day of a month and lasts `years` calendar
 * years: H = 24 x days hours, hour 0 at 00:00 of the first day. Every worker
 * reads the same plan; nothing writes it after sim_plan_new.
 */
#ifndef HS_PLAN_H
#define HS_PLAN_H

#include <stdint.h>

#include "base/calendar.h"
#include "base/hs_error.h"
#include "scenario/scenario.h"

#define SIM_MAX_YEARS 50

typedef struct {
    int years, months, days;
    long hours; /* H = 24 * days */
    cal_date start;
    long start_day;        /* days since 1970-01-01 */
    int *month_first_hour; /* [months + 1]: hour index where month m starts; last = H */
    int *month_year;       /* [months]: 0-based year of the horizon */
    double *month_days;    /* [months]: days in month */
    uint16_t *hour_month;  /* [H]: month of each hour */
    float *hour_weight;    /* [H]: share of its horizon year's volume, before noise:
                              profile x peak multiplier / yearly normaliser */
    uint8_t *day_weekday;  /* [days]: 0 = Monday */
    float *day_multiplier; /* [days]: peak-window multiplier */
    float *day_top_weight; /* [days]: the largest hour_weight of the day */
    const scenario *sc;
} sim_plan;

/* Builds the plan; NULL on error (e set). */
sim_plan *sim_plan_new(const scenario *sc, cal_date start, int years, hs_error *e);
void sim_plan_free(sim_plan *p);

/* A run's results: the scenario's options (r < sc->nopt, in their order), then its
 * strategies (r - sc->nopt). Every output lists results in this order. */
static inline int sim_result_count(const sim_plan *p)
{
    return p->sc->nopt + p->sc->nstrat;
}

/* The name of result r (an option's or a strategy's), as in the output files. */
const char *sim_result_name(const sim_plan *p, int r);

/* Whether result r is option opt, or a strategy that is on option opt at some time. */
int sim_result_uses(const sim_plan *p, int r, int opt);

/* Month of hour t (t in [0, H); clamped to the horizon). */
static inline int sim_month_of(const sim_plan *p, double t)
{
    long h = (long)t;
    if (h < 0) h = 0;
    if (h >= p->hours) h = p->hours - 1;
    return p->hour_month[h];
}

/* A price or pay index over the horizon's years: out[y] = (1 + rate)^y for
 * y in [0, p->years), compounded year by year (out[0] = 1, out[y] =
 * out[y - 1] (1 + rate)). Every escalation and raise of the models is this
 * index, so an amount of year y is amount x out[y] wherever it is charged. */
void sim_plan_index(const sim_plan *p, double rate, double *out);

#endif
