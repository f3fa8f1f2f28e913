/* warnings.c — wrong-but-valid inputs (warnings.h). */
#include "warnings.h"

#include <math.h>
#include <string.h>

#include "calendar_series.h"
#include "param_slot.h"

/* Where a value came from, for the message: "DIR/params.csv:LINE" or "--set". */
static void S_where(const scenario *sc, const param_value *v, char *buf, size_t n)
{
    if (v->origin[0] == '-')
        snprintf(buf, n, "%s", v->origin);
    else
        snprintf(buf, n, "%s/params.csv:%zu", v->dir ? v->dir : sc->dir, v->line);
}

static int S_salaries(const scenario *sc, FILE *out)
{
    int n = 0;
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_OWNER) {
        const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        if (!v->present || !strstr(s.d->name, "salary") || strcmp(s.d->unit, "CNY/year") != 0)
            continue;
        double m = spec_mean(&v->s);
        if (m == 0 || (m >= WARN_SALARY_LOW && m <= WARN_SALARY_HIGH)) continue;
        char where[1200];
        S_where(sc, v, where, sizeof where);
        fprintf(out,
                "hostsim: warning: %s: %s.%s = '%s %s' is a mean of %.0f CNY a year, %s (%s?)\n",
                where, param_slot_owner(sc, &s), s.d->name, v->text, v->unit, m,
                m < WARN_SALARY_LOW ? "below 30,000, a quarter of the lowest IT salary"
                                    : "above 3,000,000, 15 times the highest IT salary",
                m < WARN_SALARY_LOW ? "a monthly salary written with a yearly unit: write CNY/month"
                                    : "a yearly salary written with a monthly unit");
        n++;
    }
    return n;
}

static int S_same_spec(const spec *a, const spec *b)
{
    return memcmp(a, b, sizeof *a) == 0;
}

static int S_overrides(const scenario *sc, char **sets, int nsets, FILE *out)
{
    if (nsets == 0) return 0;
    hs_error e = {0};
    scenario *base = scenario_open(sc->dir, NULL, 0, &e);
    if (!base) return 0; /* an input error would have stopped sc already */
    int n = 0;
    for (int i = 0; i < nsets; i++) {
        const char *eq = strchr(sets[i], '='), *dot = strchr(sets[i], '.');
        if (!eq || !dot || dot > eq) continue;
        char oname[64], pname[64];
        snprintf(oname, sizeof oname, "%.*s", (int)(dot - sets[i]), sets[i]);
        snprintf(pname, sizeof pname, "%.*s", (int)(eq - dot - 1), dot + 1);
        int global = strcmp(oname, "global") == 0;
        const param_def *d = params_find(pname, global ? PARAM_GLOBAL : PARAM_OPTION);
        int o = global ? -1 : scenario_option_index(sc, oname);
        int bo = global ? -1 : scenario_option_index(base, oname);
        if (!d || (!global && (o < 0 || bo < 0))) continue;
        const param_value *now = global ? &sc->g[d->index] : &sc->opt[o].p[d->index];
        const param_value *was = global ? &base->g[d->index] : &base->opt[bo].p[d->index];
        for (int j = i + 1; j < nsets; j++) /* a later --set of the same slot decides */
            if (strncmp(sets[j], sets[i], (size_t)(eq - sets[i] + 1)) == 0) now = NULL;
        if (!now || !S_same_spec(&now->s, &was->s)) continue;
        fprintf(out, "hostsim: warning: --set %s has no effect: %s.%s is already '%s %s' (%s)\n",
                sets[i], oname, pname, was->text, was->unit, was->origin);
        n++;
    }
    scenario_free(base);
    return n;
}

/* A series of two rows or more (one dated row is a one-off event, not a yearly table). */
static int S_series(const scenario *sc, cal_date start, int years, FILE *out)
{
    long first = cal_days_from_civil(start.y, start.m, start.d);
    int last_year = start.m == 1 ? start.y + years - 1 : start.y + years; /* the horizon's */
    int n = 0;
    for (int i = 0; i < sc->npeaks; i++) {
        const peak_window *w = &sc->peaks[i];
        size_t stem = calendar_series_stem(w->name);
        if (w->recurring || stem == strlen(w->name) || !calendar_series_is_last(sc, i)) continue;
        int rows = 0;
        for (int j = 0; j < sc->npeaks; j++)
            rows += !sc->peaks[j].recurring && calendar_series_stem(sc->peaks[j].name) == stem &&
                    strncmp(sc->peaks[j].name, w->name, stem) == 0;
        if (rows < 2 || cal_days_from_civil(w->end.y, w->end.m, w->end.d) < first ||
            w->end.y >= last_year)
            continue;
        fprintf(out,
                "hostsim: warning: %s/calendar.csv:%zu: the dated series %.*s_YYYY ends with '%s' "
                "in %d, and the horizon runs to %d: the years after %d have no such window (add "
                "rows for them)\n",
                sc->calendar_dir ? sc->calendar_dir : sc->dir, w->line, (int)stem, w->name, w->name,
                w->end.y, last_year, w->end.y);
        n++;
    }
    return n;
}

int warnings_print(const scenario *sc, char **sets, int nsets, cal_date start, int years, FILE *out)
{
    return S_salaries(sc, out) + S_overrides(sc, sets, nsets, out) +
           S_series(sc, start, years, out);
}
