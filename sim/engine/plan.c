/* plan.c — the calendar tables of the horizon (see plan.h).
 *
 * The horizon starts on the first day of a month and lasts `years` calendar
 * years. hour_weight[h] = profile[weekday][hour] x multiplier[day] / Z_y,
 * where Z_y sums profile x multiplier over the hours of horizon year y, so
 * each horizon year's weights sum to 1: without growth a year's expected
 * volume is exactly 12 x volume_month; growth compounds monthly on top
 * (docs/model.md, "Traffic").
 */
#include "plan.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>

static float S_day_multiplier(const scenario *sc, cal_date d, long day)
{
    int md = d.m * 100 + d.d;
    for (int i = 0; i < sc->npeaks; i++) {
        const peak_window *w = &sc->peaks[i];
        if (w->recurring) {
            int s = w->start.m * 100 + w->start.d, e = w->end.m * 100 + w->end.d;
            int in = s <= e ? (md >= s && md <= e) : (md >= s || md <= e);
            if (in) return (float)w->multiplier;
        } else {
            long a = cal_days_from_civil(w->start.y, w->start.m, w->start.d);
            long b = cal_days_from_civil(w->end.y, w->end.m, w->end.d);
            if (day >= a && day <= b) return (float)w->multiplier;
        }
    }
    return 1.0f;
}

void sim_plan_free(sim_plan *p)
{
    if (!p) return;
    free(p->month_first_hour);
    free(p->month_year);
    free(p->month_days);
    free(p->hour_month);
    free(p->hour_weight);
    free(p->day_weekday);
    free(p->day_multiplier);
    free(p->day_top_weight);
    free(p);
}

sim_plan *sim_plan_new(const scenario *sc, cal_date start, int years, hs_error *e)
{
    if (start.d != 1) {
        hs_error_set(e, HS_ERR_INPUT,
                     "--start: the horizon starts on the first day of a month, got %04d-%02d-%02d",
                     start.y, start.m, start.d);
        return NULL;
    }
    if (years < 1 || years > SIM_MAX_YEARS) {
        hs_error_set(e, HS_ERR_INPUT, "--years: %d is out of range (1 to %d)", years,
                     SIM_MAX_YEARS);
        return NULL;
    }
    sim_plan *p = calloc(1, sizeof *p);
    if (!p) goto oom;
    p->sc = sc;
    p->years = years;
    p->months = 12 * years;
    p->start = start;
    p->start_day = cal_days_from_civil(start.y, start.m, start.d);
    long end_day = cal_days_from_civil(start.y + years, start.m, 1);
    p->days = (int)(end_day - p->start_day);
    p->hours = 24L * p->days;
    /* hours index int tables (month_first_hour), months a uint16_t one (hour_month) */
    assert(p->hours <= INT_MAX && p->months <= UINT16_MAX);
    p->month_first_hour = malloc((size_t)(p->months + 1) * sizeof *p->month_first_hour);
    p->month_year = malloc((size_t)p->months * sizeof *p->month_year);
    p->month_days = malloc((size_t)p->months * sizeof *p->month_days);
    p->hour_month = malloc((size_t)p->hours * sizeof *p->hour_month);
    p->hour_weight = malloc((size_t)p->hours * sizeof *p->hour_weight);
    p->day_weekday = malloc((size_t)p->days * sizeof *p->day_weekday);
    p->day_multiplier = malloc((size_t)p->days * sizeof *p->day_multiplier);
    p->day_top_weight = malloc((size_t)p->days * sizeof *p->day_top_weight);
    if (!p->month_first_hour || !p->month_year || !p->month_days || !p->hour_month ||
        !p->hour_weight || !p->day_weekday || !p->day_multiplier || !p->day_top_weight)
        goto oom;
    for (int m = 0; m <= p->months; m++) {
        int y = start.y + (start.m - 1 + m) / 12, mo = (start.m - 1 + m) % 12 + 1;
        long d = cal_days_from_civil(y, mo, 1) - p->start_day;
        p->month_first_hour[m] = (int)(24 * d);
        if (m < p->months) {
            p->month_year[m] = m / 12;
            p->month_days[m] = cal_month_days(y, mo);
            assert(p->month_days[m] >= 28 &&
                   p->month_days[m] <= 31); /* models keep [31] per month */
        }
    }
    for (int m = 0; m < p->months; m++)
        for (int h = p->month_first_hour[m]; h < p->month_first_hour[m + 1]; h++)
            p->hour_month[h] = (uint16_t)m;
    for (int d = 0; d < p->days; d++) {
        long day = p->start_day + d;
        p->day_weekday[d] = (uint8_t)cal_weekday(day);
        p->day_multiplier[d] = S_day_multiplier(sc, cal_civil_from_days(day), day);
    }
    for (int y = 0; y < years; y++) {
        int h0 = p->month_first_hour[12 * y], h1 = p->month_first_hour[12 * y + 12];
        double z = 0;
        for (int h = h0; h < h1; h++) {
            int d = h / 24;
            double wgt = sc->profile[p->day_weekday[d]][h % 24] * p->day_multiplier[d];
            p->hour_weight[h] = (float)wgt;
            z += wgt;
        }
        for (int h = h0; h < h1; h++)
            p->hour_weight[h] = (float)(p->hour_weight[h] / z);
    }
    for (int d = 0; d < p->days; d++) {
        float top = 0;
        for (long h = 24L * d; h < 24L * d + 24; h++)
            if (p->hour_weight[h] > top) top = p->hour_weight[h];
        p->day_top_weight[d] = top;
    }
    return p;
oom:
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory building the calendar");
    sim_plan_free(p);
    return NULL;
}

void sim_plan_index(const sim_plan *p, double rate, double *out)
{
    assert(p->years >= 1 && p->years <= SIM_MAX_YEARS);
    out[0] = 1;
    for (int y = 1; y < p->years; y++)
        out[y] = out[y - 1] * (1 + rate);
}

const char *sim_result_name(const sim_plan *p, int r)
{
    const scenario *sc = p->sc;
    assert(r >= 0 && r < sim_result_count(p));
    return r < sc->nopt ? sc->opt[r].name : sc->strat[r - sc->nopt].name;
}

int sim_result_uses(const sim_plan *p, int r, int opt)
{
    const scenario *sc = p->sc;
    if (r < sc->nopt) return r == opt;
    const scenario_strategy *st = &sc->strat[r - sc->nopt];
    for (int k = 0; k < st->nsteps; k++)
        if (st->step[k].from == opt || st->step[k].to == opt) return 1;
    return 0;
}
