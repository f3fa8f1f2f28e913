/* scenario.c — loading and validating a scenario folder (see scenario.h).
 *
 * Every check names the file, line and column and repeats the offending
 * text; the first error in a file stops its reading, except missing
 * required parameters, which are all listed together.
 */
#include "scenario.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/hs_file.h"
#include "base/hs_path.h"
#include "base/suggest.h"
#include "base/units.h"
#include "calendar_series.h"
#include "correlations.h"
#include "csvin.h"
#include "extends.h"
#include "options.h"
#include "param_slot.h"
#include "strategy_load.h"

/* ---------------------------------------------------------------- helpers */

static void S_join(char *want, size_t n, const char *const *cols, int k)
{
    want[0] = '\0';
    for (int i = 0; i < k; i++) {
        strncat(want, cols[i], n - strlen(want) - 2);
        if (i + 1 < k) strcat(want, ",");
    }
}

static hs_status S_header(const csvin_row *row, const char *const *cols, int n, hs_error *e)
{
    char want[256];
    S_join(want, sizeof want, cols, n);
    for (int i = 0; i < n && i < row->nfields; i++)
        if (strcasecmp(row->field[i], cols[i]) != 0)
            return csvin_error(e, row, i,
                               "expected the header row '%s': column %d should be '%s', got '%s'",
                               want, i + 1, cols[i], row->field[i]);
    if (row->nfields != n)
        return csvin_error(e, row, row->nfields > n ? n : -1,
                           "expected the header row '%s' (%d columns), got %d columns", want, n,
                           row->nfields);
    return HS_OK;
}

static hs_status S_columns(const csvin_row *row, const char *const *cols, int n, hs_error *e)
{
    if (row->nfields == n) return HS_OK;
    char want[256];
    S_join(want, sizeof want, cols, n);
    return csvin_error(e, row, row->nfields > n ? n : -1, "expected %d columns (%s), got %d%s", n,
                       want, row->nfields,
                       row->nfields > n ? " (a ',' inside a field needs quotes around the field)"
                                        : "");
}

/* A finite number in [lo, hi] from a field. */
static hs_status S_number(const csvin_row *row, int f, double lo, double hi, const char *what,
                          double *out, hs_error *e)
{
    const char *t = row->field[f];
    char *end;
    errno = 0;
    double v = strtod(t, &end);
    if (end == t || *end != '\0' || strpbrk(t, "xX"))
        return csvin_error(e, row, f, "expected a number for %s, got '%s'", what, t);
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1))
        return csvin_error(e, row, f, "expected a finite number for %s, got '%s'", what, t);
    if (v < lo || v > hi)
        return csvin_error(e, row, f, "expected %s from %g to %g, got '%s'", what, lo, hi, t);
    *out = v;
    return HS_OK;
}

static int S_valid_name(const char *s)
{
    if (!islower((unsigned char)s[0])) return 0;
    for (const char *p = s; *p; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_') return 0;
    return strlen(s) < SCENARIO_NAME_MAX;
}

int scenario_option_index(const scenario *sc, const char *name)
{
    for (int i = 0; i < sc->nopt; i++)
        if (strcmp(sc->opt[i].name, name) == 0) return i;
    return -1;
}

static const char *S_suggest_option(const scenario *sc, const char *name)
{
    const char *names[SCENARIO_MAX_OPTIONS + 1];
    int n = 0;
    for (int i = 0; i < sc->nopt; i++)
        names[n++] = sc->opt[i].name;
    names[n++] = "global";
    return suggest_closest(name, names, (size_t)n);
}

static const char *S_suggest_param(const char *name, param_scope scope)
{
    const char *names[256];
    size_t n = 0;
    for (int i = 0; i < params_count && n < 256; i++)
        if (params_defs[i].scope == scope) names[n++] = params_defs[i].name;
    return suggest_closest(name, names, n);
}

/* Message for a name that is not a parameter of the scope. */
static void S_unknown_param(char *buf, size_t n, const char *name, param_scope scope)
{
    param_scope other = scope == PARAM_GLOBAL ? PARAM_OPTION : PARAM_GLOBAL;
    if (params_find(name, other))
        snprintf(buf, n,
                 scope == PARAM_GLOBAL
                     ? "expected a global parameter, got '%s', which is set per option: write "
                       "a row OPTION,%s,... for each option instead of 'global'"
                     : "expected a per-option parameter, got '%s', which is global: set it once "
                       "as global.%s",
                 name, name);
    else {
        const char *s = S_suggest_param(name, scope);
        if (s)
            snprintf(buf, n, "unknown parameter '%s' (did you mean '%s'?)", name, s);
        else
            snprintf(buf, n, "unknown parameter '%s' ('hostsim params' lists them all)", name);
    }
}

/* The last part of a folder's path ("inputs/default/" -> "default"), for names and origins. */
static void S_folder_name(const char *dir, char *name, size_t n)
{
    const char *base = strrchr(dir, '/');
    while (base && base[1] == '\0' && base > dir) { /* trailing slash */
        const char *p = base - 1;
        while (p > dir && *p != '/')
            p--;
        base = p;
    }
    snprintf(name, n, "%s", base && *base == '/' ? base + 1 : dir);
    char *slash = strchr(name, '/');
    if (slash) *slash = '\0';
}

/* ------------------------------------------------------------- params.csv */

static const char *const S_params_cols[] = {"option", "parameter", "value", "unit", "source"};

typedef struct {
    scenario *sc;
    const char *path;
    const char *dir; /* the scenario folder of the file: sc->dir or one of sc->base_dir */
    int header_seen;
    size_t header_line;
    size_t rows; /* data rows after the header */
    /* plans.csv: per option, its tiers from a base scenario when the header was read; the
     * first row of this file for the option replaces them all (extends.h) */
    int inherited[SCENARIO_MAX_OPTIONS];
} S_ctx;

static param_value *S_slot(scenario *sc, int opt, const param_def *d)
{
    return d->scope == PARAM_GLOBAL ? &sc->g[d->index] : &sc->opt[opt].p[d->index];
}

/* Checks that a SPEC text and unit are acceptable for d; fills v. The
 * caller gives locations for messages via the two report callbacks' data. */
static hs_status S_params_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_ctx *c = vctx;
    scenario *sc = c->sc;
    if (!c->header_seen) {
        c->header_seen = 1;
        c->header_line = row->line;
        return S_header(row, S_params_cols, 5, e);
    }
    c->rows++;
    HS_FORWARD(S_columns(row, S_params_cols, 5, e));
    const char *oname = row->field[0], *pname = row->field[1];
    if (*oname == '\0')
        return csvin_error(e, row, 0, "expected an option name (or 'global'), got an empty cell");
    if (!S_valid_name(oname))
        return csvin_error(e, row, 0,
                           "expected an option name of lower-case letters, digits and '_', "
                           "starting with a letter, at most %d characters, got '%s'",
                           SCENARIO_NAME_MAX - 1, oname);
    if (*pname == '\0')
        return csvin_error(e, row, 1, "expected a parameter name, got an empty cell");
    param_scope scope = strcmp(oname, "global") == 0 ? PARAM_GLOBAL : PARAM_OPTION;
    const param_def *d = params_find(pname, scope);
    if (!d) {
        char msg[512];
        S_unknown_param(msg, sizeof msg, pname, scope);
        return csvin_error(e, row, 1, "%s", msg);
    }
    int opt = -1;
    if (scope == PARAM_OPTION) {
        opt = scenario_option_index(sc, oname);
        if (opt < 0) {
            if (sc->nopt == SCENARIO_MAX_OPTIONS)
                return csvin_error(e, row, 0, "expected at most %d options, got a %dth: '%s'",
                                   SCENARIO_MAX_OPTIONS, SCENARIO_MAX_OPTIONS + 1, oname);
            opt = sc->nopt++;
            snprintf(sc->opt[opt].name, sizeof sc->opt[opt].name, "%s", oname);
            sc->opt[opt].first_line = row->line;
        }
    }
    param_value *v = S_slot(sc, opt, d);
    if (v->present && v->dir == c->dir) /* a base's row is replaced (extends.h) */
        return csvin_error(e, row, 1,
                           "duplicate row: expected %s.%s once, got it again (first on line %zu)",
                           oname, pname, v->line);
    char msg[512];
    int col;
    if (strlen(row->field[2]) >= SCENARIO_SPEC_MAX)
        return csvin_error(e, row, 2, "%s.%s: expected a value of at most %d characters, got %zu",
                           oname, pname, SCENARIO_SPEC_MAX - 1, strlen(row->field[2]));
    if (strlen(row->field[4]) >= SCENARIO_SOURCE_MAX)
        return csvin_error(e, row, 4,
                           "%s.%s: expected a source of at most %d characters, got %zu (cite the "
                           "figure, keep the discussion in docs/)",
                           oname, pname, SCENARIO_SOURCE_MAX - 1, strlen(row->field[4]));
    if (spec_parse(row->field[2], &v->s, &col, msg, sizeof msg) != 0)
        return csvin_error_at(e, row->path, row->fline[2], row->fcol[2] + (size_t)col, row->text,
                              row->text_len, "%s.%s: %s", oname, pname, msg);
    unit_t u, canon;
    if (unit_parse(row->field[3], &u, msg, sizeof msg) != 0)
        return csvin_error(e, row, 3, "%s.%s: %s", oname, pname, msg);
    unit_parse(d->unit, &canon, msg, sizeof msg);
    double fx[CUR_COUNT] = {1, 1, 1}, f;
    if (unit_factor(&u, &canon, fx, &f, msg, sizeof msg) != 0)
        return csvin_error(e, row, 3, "%s.%s: %s '%s' (the parameter's unit is '%s')", oname, pname,
                           msg, row->field[3], d->unit);
    v->present = 1;
    snprintf(v->text, sizeof v->text, "%s", row->field[2]);
    snprintf(v->unit, sizeof v->unit, "%s", row->field[3]);
    snprintf(v->source, sizeof v->source, "%s", row->field[4]);
    if (c->dir == sc->dir)
        snprintf(v->origin, sizeof v->origin, "%s:%zu", "params.csv", row->line);
    else {
        char base[40];
        S_folder_name(c->dir, base, sizeof base);
        snprintf(v->origin, sizeof v->origin, "%s/%s:%zu", base, "params.csv", row->line);
    }
    v->file = c->path;
    v->dir = c->dir;
    v->line = row->line;
    v->col_value = row->fcol[2];
    v->col_unit = row->fcol[3];
    return HS_OK;
}

/* ------------------------------------------------------------ profile.csv */

static const char *const S_profile_cols[] = {"weekday", "hour", "weight"};

typedef struct {
    S_ctx base;
    size_t line[7][24];
} S_profile_ctx;

static int S_weekday(const char *s)
{
    static const char *const names[7][2] = {
        {"mon", "monday"}, {"tue", "tuesday"},  {"wed", "wednesday"}, {"thu", "thursday"},
        {"fri", "friday"}, {"sat", "saturday"}, {"sun", "sunday"}};
    for (int i = 0; i < 7; i++)
        if (strcasecmp(s, names[i][0]) == 0 || strcasecmp(s, names[i][1]) == 0) return i;
    if (s[0] >= '1' && s[0] <= '7' && s[1] == '\0') return s[0] - '1';
    return -1;
}

static hs_status S_profile_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_profile_ctx *c = vctx;
    if (!c->base.header_seen) {
        c->base.header_seen = 1;
        c->base.header_line = row->line;
        return S_header(row, S_profile_cols, 3, e);
    }
    c->base.rows++;
    HS_FORWARD(S_columns(row, S_profile_cols, 3, e));
    int wd = S_weekday(row->field[0]);
    if (wd < 0)
        return csvin_error(e, row, 0, "expected a weekday (Mon..Sun or 1..7), got '%s'",
                           row->field[0]);
    double h, w;
    HS_FORWARD(S_number(row, 1, 0, 23, "an hour", &h, e));
    if (h != floor(h))
        return csvin_error(e, row, 1, "expected a whole hour from 0 to 23, got '%s'",
                           row->field[1]);
    HS_FORWARD(S_number(row, 2, 0, 1e12, "a weight", &w, e));
    int hh = (int)h;
    if (c->line[wd][hh])
        return csvin_error(e, row, 0,
                           "duplicate row: expected %s hour %d once, got it again (first on line "
                           "%zu)",
                           row->field[0], hh, c->line[wd][hh]);
    c->line[wd][hh] = row->line;
    c->base.sc->profile[wd][hh] = w;
    return HS_OK;
}

/* ----------------------------------------------------------- calendar.csv */

/* Explains why text is not a date of the calendar file. */
static void S_date_problem(const char *t, char *why, size_t n)
{
    cal_date d = {0, 0, 0};
    int kind = 0;
    size_t len = strlen(t);
    int digits = 1;
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)t[i]) && t[i] != '-') digits = 0;
    if (digits && len == 10 && t[4] == '-' && t[7] == '-')
        kind = 3, d.y = atoi(t), d.m = atoi(t + 5), d.d = atoi(t + 8);
    else if (digits && len == 5 && t[2] == '-')
        kind = 2, d.m = atoi(t), d.d = atoi(t + 3);
    static const char *const months[12] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
    if (kind == 3 && (d.y < 1900 || d.y > 2999))
        snprintf(why, n, "expected a year from 1900 to 2999, got '%s'", t);
    else if (kind && (d.m < 1 || d.m > 12))
        snprintf(why, n, "expected a month from 01 to 12, got '%s'", t);
    else if (kind == 3)
        snprintf(why, n, "expected a date that exists, got '%s': %s %d has %d days", t,
                 months[d.m - 1], d.y, cal_month_days(d.y, d.m));
    else if (kind == 2)
        snprintf(why, n, "expected a date that exists, got '%s': %s has %d days", t,
                 months[d.m - 1], cal_month_days(2000, d.m));
    else
        snprintf(why, n, "expected a date MM-DD (every year) or YYYY-MM-DD (dated), got '%s'", t);
}

static const char *const S_calendar_cols[] = {"name", "start", "end", "multiplier", "source"};

static hs_status S_calendar_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_ctx *c = vctx;
    scenario *sc = c->sc;
    if (!c->header_seen) {
        c->header_seen = 1;
        c->header_line = row->line;
        return S_header(row, S_calendar_cols, 5, e);
    }
    c->rows++;
    HS_FORWARD(S_columns(row, S_calendar_cols, 5, e));
    peak_window w;
    memset(&w, 0, sizeof w);
    if (row->field[0][0] == '\0')
        return csvin_error(e, row, 0, "expected a name for the peak window, got an empty cell");
    snprintf(w.name, sizeof w.name, "%s", row->field[0]);
    for (int i = 0; i < sc->npeaks; i++)
        if (strcmp(sc->peaks[i].name, w.name) == 0)
            return csvin_error(e, row, 0,
                               "duplicate row: expected each peak name once, got '%s' again (first "
                               "on line %zu)",
                               w.name, sc->peaks[i].line);
    char why[160];
    int k1 = cal_parse(row->field[1], &w.start);
    if (k1 < 0) {
        S_date_problem(row->field[1], why, sizeof why);
        return csvin_error(e, row, 1, "%s", why);
    }
    int k2 = cal_parse(row->field[2], &w.end);
    if (k2 < 0) {
        S_date_problem(row->field[2], why, sizeof why);
        return csvin_error(e, row, 2, "%s", why);
    }
    if (k1 != k2)
        return csvin_error(e, row, 2,
                           "expected an end date in the same form as the start '%s' (both MM-DD "
                           "for a window every year, or both YYYY-MM-DD for a dated one), got '%s'",
                           row->field[1], row->field[2]);
    w.recurring = k1 == 2;
    if (!w.recurring && cal_days_from_civil(w.end.y, w.end.m, w.end.d) <
                            cal_days_from_civil(w.start.y, w.start.m, w.start.d))
        return csvin_error(e, row, 2, "expected an end date on or after the start %s, got '%s'",
                           row->field[1], row->field[2]);
    if (!w.recurring && cal_days_from_civil(w.end.y, w.end.m, w.end.d) -
                                cal_days_from_civil(w.start.y, w.start.m, w.start.d) >=
                            366)
        return csvin_error(e, row, 2,
                           "expected a window shorter than a year, got %s to %s (for a lasting "
                           "change use growth_year or volume_month)",
                           row->field[1], row->field[2]);
    if (w.recurring) { /* its days in a leap year; 365 or more: every day, i.e. no peak */
        long a = cal_days_from_civil(2028, w.start.m, w.start.d);
        long b = cal_days_from_civil(2028, w.end.m, w.end.d);
        if ((b >= a ? b - a + 1 : 366 - (a - b - 1)) >= 365)
            return csvin_error(e, row, 2,
                               "expected a window shorter than a year, got %s to %s, which covers "
                               "a whole year (for a lasting change use growth_year or "
                               "volume_month)",
                               row->field[1], row->field[2]);
    }
    HS_FORWARD(S_number(row, 3, 0.0, 100, "a multiplier", &w.multiplier, e));
    if (!(w.multiplier > 0))
        return csvin_error(e, row, 3, "expected a multiplier above 0, got '%s'", row->field[3]);
    w.line = row->line;
    w.col = row->fcol[1];
    peak_window *np = realloc(sc->peaks, (size_t)(sc->npeaks + 1) * sizeof *np);
    if (!np) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    sc->peaks = np;
    sc->peaks[sc->npeaks++] = w;
    return HS_OK;
}

/* Marks the days of year Y covered by window w in mark[] (index day of year);
 * returns the line of a window already there, or 0. */
static size_t S_mark_year(const peak_window *w, int y, size_t *mark)
{
    long y0 = cal_days_from_civil(y, 1, 1);
    int ylen = cal_is_leap(y) ? 366 : 365;
    long a, b;
    if (w->recurring) {
        if (w->start.m == 2 && w->start.d == 29 && !cal_is_leap(y)) return 0;
        int em = w->end.m, ed = w->end.d;
        if (em == 2 && ed == 29 && !cal_is_leap(y)) ed = 28;
        a = cal_days_from_civil(y, w->start.m, w->start.d) - y0;
        b = cal_days_from_civil(y, em, ed) - y0;
        if (b < a) { /* wraps the year end: two pieces */
            for (long d = a; d < ylen; d++) {
                if (mark[d]) return mark[d];
                mark[d] = w->line;
            }
            a = 0;
        }
    } else {
        a = cal_days_from_civil(w->start.y, w->start.m, w->start.d) - y0;
        b = cal_days_from_civil(w->end.y, w->end.m, w->end.d) - y0;
        if (a < 0) a = 0;
        if (b >= ylen) b = ylen - 1;
    }
    for (long d = a; d <= b; d++) {
        if (mark[d]) return mark[d];
        mark[d] = w->line;
    }
    return 0;
}

/* The text of physical line `line` (1-based) of buf, for messages. */
static void S_line_text(const char *buf, size_t len, size_t line, const char **text, size_t *n)
{
    size_t i = 0, l = 1;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && l < line) {
        if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))) l++;
        i++;
    }
    size_t k = i;
    while (k < len && buf[k] != '\n' && buf[k] != '\r')
        k++;
    *text = buf + i;
    *n = k - i;
}

/* Overlapping windows are an error: in every year a dated window touches,
 * and in one leap and one common year for the recurring ones. */
/* Adds year y to the list once; the list has room for every year a date can name. */
static void S_add_year(int *years, int *ny, int y)
{
    for (int k = 0; k < *ny; k++)
        if (years[k] == y) return;
    years[(*ny)++] = y;
}

static hs_status S_check_overlaps(const scenario *sc, const char *path, const char *buf, size_t len,
                                  hs_error *e)
{
    int years[1100]; /* cal_parse takes years 1900..2999 */
    int ny = 0;
    years[ny++] = 2027, years[ny++] = 2028;
    for (int i = 0; i < sc->npeaks; i++)
        if (!sc->peaks[i].recurring) {
            S_add_year(years, &ny, sc->peaks[i].start.y);
            S_add_year(years, &ny, sc->peaks[i].end.y);
        }
    for (int k = 0; k < ny; k++) {
        size_t mark[366] = {0};
        for (int i = 0; i < sc->npeaks; i++) {
            const peak_window *w = &sc->peaks[i];
            if (!w->recurring && w->start.y != years[k] && w->end.y != years[k]) continue;
            size_t other = S_mark_year(w, years[k], mark);
            if (other) {
                const char *text;
                size_t n;
                S_line_text(buf, len, w->line, &text, &n);
                const char *oname = "?";
                for (int j = 0; j < sc->npeaks; j++)
                    if (sc->peaks[j].line == other) oname = sc->peaks[j].name;
                return csvin_error_at(e, path, w->line, w->col, text, n,
                                      "expected peak windows that do not overlap, got '%s', which "
                                      "overlaps '%s' (line %zu) in %d: shorten one, or merge them "
                                      "into one window with the combined multiplier",
                                      w->name, oname, other, years[k]);
            }
        }
    }
    return HS_OK;
}

/* ------------------------------------------------------------- assets.csv */

/* The start of a row of a per-option table (assets.csv, plans.csv): the header row is checked
 * against COLS (*o = NULL: nothing more to do), a data row's column count too, and its first
 * cell must name an option of params.csv (*o). */
/* The start of a row of a table of fixed columns COLS: the header row is checked against them
 * (*data = 0), a data row's column count too (*data = 1). */
static hs_status S_table_row(S_ctx *c, const csvin_row *row, const char *const *cols, int ncols,
                             int *data, hs_error *e)
{
    *data = c->header_seen;
    if (!c->header_seen) {
        c->header_seen = 1;
        c->header_line = row->line;
        return S_header(row, cols, ncols, e);
    }
    c->rows++;
    return S_columns(row, cols, ncols, e);
}

static hs_status S_option_row(S_ctx *c, const csvin_row *row, const char *const *cols, int ncols,
                              scenario_option **o, hs_error *e)
{
    scenario *sc = c->sc;
    int data;
    *o = NULL;
    HS_FORWARD(S_table_row(c, row, cols, ncols, &data, e));
    if (!data) return HS_OK;
    if (row->field[0][0] == '\0')
        return csvin_error(e, row, 0, "expected an option name, got an empty cell");
    int opt = scenario_option_index(sc, row->field[0]);
    if (opt < 0) {
        const char *s = S_suggest_option(sc, row->field[0]);
        if (s && strcmp(s, "global") != 0)
            return csvin_error(e, row, 0, "unknown option '%s' (did you mean '%s'?)", row->field[0],
                               s);
        return csvin_error(e, row, 0,
                           "unknown option '%s': expected an option that params.csv declares",
                           row->field[0]);
    }
    *o = &sc->opt[opt];
    return HS_OK;
}

static const char *const S_assets_cols[] = {"option",     "item",        "unit_cost_cny", "count",
                                            "life_years", "residual_3y", "source"};

static hs_status S_assets_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_ctx *c = vctx;
    scenario_option *o;
    HS_FORWARD(S_option_row(c, row, S_assets_cols, 7, &o, e));
    if (!o) return HS_OK; /* the header */
    asset_item a;
    memset(&a, 0, sizeof a);
    if (row->field[1][0] == '\0')
        return csvin_error(e, row, 1, "expected an item name, got an empty cell");
    snprintf(a.item, sizeof a.item, "%s", row->field[1]);
    int at = o->nassets; /* a base's item of the same name is replaced where it was */
    for (int i = 0; i < o->nassets; i++)
        if (strcmp(o->assets[i].item, a.item) == 0 && o->assets[i].dir != c->dir)
            at = i;
        else if (strcmp(o->assets[i].item, a.item) == 0)
            return csvin_error(e, row, 1,
                               "duplicate row: expected %s item '%s' once, got it again (first on "
                               "line %zu)",
                               o->name, a.item, o->assets[i].line);
    char msg[512];
    int col;
    if (spec_parse(row->field[2], &a.unit_cost, &col, msg, sizeof msg) != 0)
        return csvin_error_at(e, row->path, row->fline[2], row->fcol[2] + (size_t)col, row->text,
                              row->text_len, "unit_cost_cny: %s", msg);
    double lo, hi;
    if (spec_truncate(&a.unit_cost, 0, SCENARIO_ASSET_COST_MAX) != 0)
        return csvin_error(e, row, 2,
                           "expected a unit cost with most of its probability from 0 to %g CNY, "
                           "got '%s'",
                           SCENARIO_ASSET_COST_MAX, row->field[2]);
    spec_support(&a.unit_cost, &lo, &hi);
    if (lo < 0)
        return csvin_error(e, row, 2, "expected a unit cost of at least 0 CNY, got '%s'",
                           row->field[2]);
    if (hi > SCENARIO_ASSET_COST_MAX)
        return csvin_error(e, row, 2, "expected a unit cost of at most %g CNY, got '%s'",
                           SCENARIO_ASSET_COST_MAX, row->field[2]);
    double cnt, life;
    HS_FORWARD(S_number(row, 3, 0, 10000, "a count", &cnt, e));
    if (cnt != floor(cnt))
        return csvin_error(e, row, 3, "expected a whole count, got '%s'", row->field[3]);
    a.count = (int)cnt;
    HS_FORWARD(S_number(row, 4, 0.1, 50, "life_years", &life, e));
    a.life_years = life;
    HS_FORWARD(S_number(row, 5, 0, 1, "residual_3y (a share)", &a.residual_3y, e));
    a.line = row->line;
    a.dir = c->dir;
    if (at < o->nassets) {
        o->assets[at] = a;
        return HS_OK;
    }
    asset_item *na = realloc(o->assets, (size_t)(o->nassets + 1) * sizeof *na);
    if (!na) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    o->assets = na;
    o->assets[o->nassets++] = a;
    return HS_OK;
}

/* -------------------------------------------------------------- plans.csv */

static const char *const S_plans_cols[] = {
    "option",       "tier",           "fee_cny_month", "included_messages",
    "capacity_rps", "seats_included", "source"};

static hs_status S_plans_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_ctx *c = vctx;
    scenario_option *o;
    HS_FORWARD(S_option_row(c, row, S_plans_cols, 7, &o, e));
    if (!o) { /* the header: the tiers so far are a base's */
        for (int k = 0; k < c->sc->nopt; k++)
            c->inherited[k] = c->sc->opt[k].ntiers;
        return HS_OK;
    }
    if (c->inherited[o - c->sc->opt]) { /* a base's ladder: this file gives the option's whole */
        c->inherited[o - c->sc->opt] = 0;
        o->ntiers = 0;
    }
    if (!S_valid_name(row->field[1]))
        return csvin_error(e, row, 1,
                           "expected a tier name of lower-case letters, digits and '_', starting "
                           "with a letter, at most %d characters, got '%s'",
                           SCENARIO_NAME_MAX - 1, row->field[1]);
    for (int i = 0; i < o->ntiers; i++)
        if (strcmp(o->tiers[i].name, row->field[1]) == 0)
            return csvin_error(e, row, 1,
                               "duplicate row: expected %s tier '%s' once, got it again (first on "
                               "line %zu)",
                               o->name, row->field[1], o->tiers[i].line);
    if (o->ntiers == SCENARIO_MAX_TIERS)
        return csvin_error(e, row, 1, "expected at most %d tiers for %s, got a %dth: '%s'",
                           SCENARIO_MAX_TIERS, o->name, SCENARIO_MAX_TIERS + 1, row->field[1]);
    plan_tier t;
    memset(&t, 0, sizeof t);
    snprintf(t.name, sizeof t.name, "%s", row->field[1]);
    char msg[512];
    int col;
    if (spec_parse(row->field[2], &t.fee, &col, msg, sizeof msg) != 0)
        return csvin_error_at(e, row->path, row->fline[2], row->fcol[2] + (size_t)col, row->text,
                              row->text_len, "fee_cny_month: %s", msg);
    double lo, hi;
    spec_truncate(&t.fee, 0, INFINITY);
    spec_support(&t.fee, &lo, &hi);
    if (lo < 0)
        return csvin_error(e, row, 2, "expected a monthly fee of at least 0 CNY, got '%s'",
                           row->field[2]);
    const plan_tier *prev = o->ntiers ? &o->tiers[o->ntiers - 1] : NULL;
    HS_FORWARD(S_number(row, 3, 0, 1e12, "included_messages (messages a month)", &t.quota, e));
    if (prev && !(t.quota > prev->quota))
        return csvin_error(e, row, 3,
                           "expected %s's tiers in increasing order of included_messages, got %s "
                           "after %g for '%s' (line %zu): list the tiers from the smallest up",
                           o->name, row->field[3], prev->quota, prev->name, prev->line);
    HS_FORWARD(S_number(row, 4, 0.001, 1e9, "capacity_rps (req/s)", &t.capacity_rps, e));
    if (prev && t.capacity_rps < prev->capacity_rps)
        return csvin_error(e, row, 4,
                           "expected a capacity_rps at least the tier below's, got %s after %g "
                           "for '%s' (line %zu): a larger plan does not serve fewer requests",
                           row->field[4], prev->capacity_rps, prev->name, prev->line);
    HS_FORWARD(S_number(row, 5, 0, 1e6, "seats_included", &t.seats_included, e));
    if (t.seats_included != floor(t.seats_included))
        return csvin_error(e, row, 5, "expected a whole number of seats, got '%s'", row->field[5]);
    t.line = row->line;
    o->tiers[o->ntiers++] = t;
    return HS_OK;
}

/* ------------------------------------------------------------ options.csv */

static const char *const S_options_cols[] = {"option", "label", "variant_of", "source"};

static hs_status S_options_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_ctx *c = vctx;
    scenario_option *o;
    HS_FORWARD(S_option_row(c, row, S_options_cols, 4, &o, e));
    return o ? options_row(c->sc, o, row, e) : HS_OK;
}

/* --------------------------------------------------------- strategies.csv */

static hs_status S_strategies_row(void *vctx, const csvin_row *row, hs_error *e)
{
    int data;
    HS_FORWARD(S_table_row(vctx, row, strategy_columns, STRATEGY_NCOLS, &data, e));
    return data ? strategy_row(((S_ctx *)vctx)->sc, row, e) : HS_OK;
}

/* ------------------------------------------------------- correlations.csv */

static const char *const S_corr_cols[] = {"parameter_a", "parameter_b", "rank_correlation",
                                          "source"};

static hs_status S_corr_row(void *vctx, const csvin_row *row, hs_error *e)
{
    S_ctx *c = vctx;
    int data;
    HS_FORWARD(S_table_row(c, row, S_corr_cols, 4, &data, e));
    return data ? correlations_row(c->sc, row, c->dir, e) : HS_OK;
}

/* ------------------------------------------------------------ file table */

typedef struct {
    const char *name;
    int required;
    const char *header; /* for messages */
    csvin_row_fn row;
    size_t ctx_size;
    /* Checks that need the whole file; buf/len is the file (for quoting lines). */
    hs_status (*done)(scenario *sc, void *ctx, const char *path, const char *buf, size_t len,
                      hs_error *e);
} S_file;

static hs_status S_at_header(hs_error *e, const char *path, const S_ctx *c, const char *buf,
                             size_t len, const char *what)
{
    const char *text;
    size_t n;
    S_line_text(buf, len, c->header_line, &text, &n);
    return csvin_error_at(e, path, c->header_line, 1, text, n, "%s", what);
}

static hs_status S_params_done(scenario *sc, void *vctx, const char *path, const char *buf,
                               size_t len, hs_error *e)
{
    S_ctx *c = vctx;
    if (c->rows == 0)
        return S_at_header(e, path, c, buf, len,
                           "expected parameter rows after the header, got none");
    if (sc->nopt == 0)
        return S_at_header(e, path, c, buf, len,
                           "expected rows for at least one hosting option (e.g. "
                           "self_hosted,capacity_rps,...), got only 'global' rows");
    return HS_OK;
}

static hs_status S_profile_done(scenario *sc, void *vctx, const char *path, const char *buf,
                                size_t len, hs_error *e)
{
    S_profile_ctx *c = vctx;
    static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    int missing = 0;
    char list[256] = "";
    double sum = 0;
    for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++) {
            sum += sc->profile[d][h];
            if (!c->line[d][h] && missing++ < 6) {
                char one[16];
                snprintf(one, sizeof one, "%s%s %02d", missing > 1 ? ", " : "", wd[d], h);
                strcat(list, one);
            }
        }
    char what[512];
    if (missing) {
        snprintf(what, sizeof what,
                 "expected 168 rows (7 weekdays x 24 hours), got %d: missing %s%s", 168 - missing,
                 list, missing > 6 ? ", ..." : "");
        return S_at_header(e, path, &c->base, buf, len, what);
    }
    if (!(sum > 0))
        return S_at_header(e, path, &c->base, buf, len,
                           "expected at least one weight above 0, got all zero");
    for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++)
            sc->profile[d][h] /= sum;
    return HS_OK;
}

static hs_status S_calendar_done(scenario *sc, void *ctx, const char *path, const char *buf,
                                 size_t len, hs_error *e)
{
    (void)ctx;
    return S_check_overlaps(sc, path, buf, len, e);
}

static const S_file S_files[] = {
    {"params.csv", 1, "option,parameter,value,unit,source", S_params_row, sizeof(S_ctx),
     S_params_done},
    {"profile.csv", 0, "weekday,hour,weight", S_profile_row, sizeof(S_profile_ctx), S_profile_done},
    {"calendar.csv", 0, "name,start,end,multiplier,source", S_calendar_row, sizeof(S_ctx),
     S_calendar_done},
    {"assets.csv", 0, "option,item,unit_cost_cny,count,life_years,residual_3y,source", S_assets_row,
     sizeof(S_ctx), NULL},
    {"plans.csv", 0,
     "option,tier,fee_cny_month,included_messages,capacity_rps,seats_included,source", S_plans_row,
     sizeof(S_ctx), NULL},
    {"options.csv", 0, "option,label,variant_of,source", S_options_row, sizeof(S_ctx), NULL},
    {"strategies.csv", 0,
     "strategy,step,from,to,when,value,window,exit_cny,double_months,migration_cny,training_cny,"
     "trial_loss_cny,golive_days,source",
     S_strategies_row, sizeof(S_ctx), NULL},
    {"correlations.csv", 0, "parameter_a,parameter_b,rank_correlation,source", S_corr_row,
     sizeof(S_ctx), NULL},
};

/* In a scenario that extends another (extends.h): whether F's rows are read over the base's
 * (their row handlers replace a base's row of the same key), else F replaces the base's file
 * whole (profile.csv, calendar.csv, and any file not named here). */
static int S_merges(const S_file *f)
{
    return f->row == S_params_row || f->row == S_assets_row || f->row == S_plans_row;
}

static uint64_t S_fnv(uint64_t h, const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)buf[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Reads file F of the scenario folder DIR (one of the scenario's layers) into sc; *checksum
 * takes its bytes. Absent: HS_OK, *found = 0. */
static hs_status S_read_file(scenario *sc, const S_file *f, const char *dir, uint64_t *checksum,
                             int *found, hs_error *e)
{
    *found = 0;
    char *path = hs_path_join(dir, f->name);
    if (!path) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (hs_file_exists(path) == HS_FILE_ABSENT) { /* a dangling link is present */
        free(path);
        return HS_OK;
    }
    *found = 1;
    char *buf;
    size_t len;
    hs_status st = csvin_slurp(path, dir, &buf, &len, e);
    if (st == HS_OK) {
        if (len == 0) {
            st = csvin_error_at(e, path, 1, 1, NULL, 0,
                                "expected the header row '%s', got an empty file", f->header);
        } else {
            *checksum = S_fnv(S_fnv(*checksum, f->name, strlen(f->name)), buf, len);
            void *ctx = calloc(1, f->ctx_size);
            if (!ctx)
                st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
            else {
                ((S_ctx *)ctx)->sc = sc;
                ((S_ctx *)ctx)->path = path;
                ((S_ctx *)ctx)->dir = dir;
                st = csvin_read_buffer(path, buf, len, f->row, ctx, e);
                if (st == HS_OK && !((S_ctx *)ctx)->header_seen)
                    st = csvin_error_at(e, path, 1, 1, NULL, 0,
                                        "expected the header row '%s', got only comments or "
                                        "blank lines",
                                        f->header);
                if (st == HS_OK && f->done) st = f->done(sc, ctx, path, buf, len, e);
                free(ctx);
            }
        }
        free(buf);
    }
    /* param_value.file borrowed PATH while params.csv was read; PATH is freed below, so no
     * pointer to it outlives this pass (later messages rebuild the path from the value's dir
     * and the row's line: S_error_in_file). */
    if (f->row == S_params_row) {
        PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM)
            PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p)->file = NULL;
    }
    free(path);
    return st;
}

/* The checksum of DIR's file `extends`, when it has one, begins its own checksum. */
static uint64_t S_extends_sum(const char *dir)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    char *path = hs_path_join(dir, "extends"), *buf = NULL;
    size_t len;
    hs_error ignore;
    if (path && hs_file_exists(path) == HS_FILE_PRESENT &&
        hs_file_read(path, dir, 1u << 16, HS_ERR_INPUT, &buf, &len, &ignore) == HS_OK)
        h = S_fnv(S_fnv(h, "extends", 7), buf, len);
    free(buf);
    free(path);
    return h;
}

scenario *scenario_load(const char *dir, hs_error *e)
{
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        hs_error_set(e, HS_ERR_INPUT, "%s: not a scenario folder (%s)", dir,
                     stat(dir, &sb) != 0 ? strerror(errno) : "not a folder");
        return NULL;
    }
    extends_chain ch;
    if (extends_chain_read(dir, &ch, e) != HS_OK) return NULL;
    scenario *sc = calloc(1, sizeof *sc);
    if (!sc) {
        extends_chain_free(&ch);
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    /* the scenario's folder is sc->dir, its bases sc->base_dir[], the nearest first */
    const int n = ch.n;
    sc->dir = ch.dir[n - 1];
    for (int k = 0; k < n - 1; k++)
        sc->base_dir[k] = ch.dir[n - 2 - k];
    sc->nbase = n - 1;
    ch.n = 0;
    S_folder_name(dir, sc->name, sizeof sc->name);
    for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++)
            sc->profile[d][h] = 1.0 / 168;

    /* layer L: 0 the farthest base ... n - 1 the scenario; sums[L] is that folder's own */
    uint64_t sums[EXTENDS_MAX];
    const char *layer[EXTENDS_MAX];
    for (int L = 0; L < n; L++) {
        layer[L] = L == n - 1 ? sc->dir : sc->base_dir[n - 2 - L];
        sums[L] = S_extends_sum(layer[L]);
    }
    for (size_t i = 0; i < sizeof S_files / sizeof *S_files; i++) {
        const S_file *f = &S_files[i];
        int found = 0, any = 0, top = 0;
        if (!S_merges(f)) /* the nearest folder that has it gives the whole file */
            for (int L = n - 1; L >= 0 && !top; L--) {
                char *path = hs_path_join(layer[L], f->name);
                if (!path) {
                    hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
                    scenario_free(sc);
                    return NULL;
                }
                if (hs_file_exists(path) == HS_FILE_PRESENT) top = L + 1;
                free(path);
            }
        for (int L = S_merges(f) ? 0 : (top ? top - 1 : n); L < n; L++) {
            if (S_read_file(sc, f, layer[L], &sums[L], &found, e) != HS_OK) {
                scenario_free(sc);
                return NULL;
            }
            any |= found;
            if (found && f->row == S_calendar_row) sc->calendar_dir = layer[L];
            if (!S_merges(f)) break;
        }
        if (!any && f->required) {
            hs_error_set(e, HS_ERR_INPUT,
                         "%s/%s: expected the scenario's parameter file, got no such file (a "
                         "scenario folder holds at least params.csv, or names a base scenario "
                         "in a file 'extends'; see docs/scenario.md)",
                         dir, f->name);
            scenario_free(sc);
            return NULL;
        }
    }
    sc->checksum = sums[n - 1];
    for (int k = 0; k < sc->nbase; k++)
        sc->base_checksum[k] = sums[n - 2 - k];
    return sc;
}

void scenario_free(scenario *sc)
{
    if (!sc) return;
    for (int o = 0; o < sc->nopt; o++)
        free(sc->opt[o].assets);
    free(sc->peaks);
    free(sc->corr);
    free(sc->dir);
    for (int k = 0; k < sc->nbase; k++)
        free(sc->base_dir[k]);
    free(sc);
}

/* ------------------------------------------------------ --set overrides */

hs_status scenario_set(scenario *sc, const char *assignment, hs_error *e)
{
    return scenario_set_as(sc, assignment, NULL, e);
}

hs_status scenario_set_as(scenario *sc, const char *assignment, const char *label, hs_error *e)
{
    char who[SCENARIO_SPEC_MAX + 128]; /* what the user typed, as messages name it */
    if (label)
        snprintf(who, sizeof who, "%s", label);
    else
        snprintf(who, sizeof who, "--set %.*s", SCENARIO_SPEC_MAX + 64, assignment);
    const char *eq = strchr(assignment, '=');
    const char *dot = strchr(assignment, '.');
    if (!eq || !dot || dot > eq)
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s: expected option.parameter=SPEC (e.g. "
                            "global.volume_month=120000 or saas.overage_fee='uniform(0.01,0.03)')",
                            who);
    char oname[64], pname[64];
    snprintf(oname, sizeof oname, "%.*s", (int)(dot - assignment), assignment);
    snprintf(pname, sizeof pname, "%.*s", (int)(eq - dot - 1), dot + 1);
    param_scope scope = strcmp(oname, "global") == 0 ? PARAM_GLOBAL : PARAM_OPTION;
    int opt = -1;
    if (scope == PARAM_OPTION) {
        opt = scenario_option_index(sc, oname);
        if (opt < 0) {
            const char *s = S_suggest_option(sc, oname);
            return hs_error_set(e, HS_ERR_INPUT, "%s: unknown option '%s'%s%s%s", who, oname,
                                s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        }
    }
    const param_def *d = params_find(pname, scope);
    if (!d) {
        char msg[512];
        S_unknown_param(msg, sizeof msg, pname, scope);
        return hs_error_set(e, HS_ERR_INPUT, "%s: %s", who, msg);
    }
    /* "SPEC" or "SPEC UNIT", blanks around it dropped: the unit defaults to the canonical one */
    const char *v0 = eq + 1, *v1 = eq + strlen(eq);
    while (*v0 == ' ' || *v0 == '\t')
        v0++;
    while (v1 > v0 && (v1[-1] == ' ' || v1[-1] == '\t'))
        v1--;
    if (v1 - v0 >= SCENARIO_SPEC_MAX)
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s: expected a value of at most %d characters, got %d", who,
                            SCENARIO_SPEC_MAX - 1, (int)(v1 - v0));
    char text[SCENARIO_SPEC_MAX], unit[32];
    snprintf(text, sizeof text, "%.*s", (int)(v1 - v0), v0);
    snprintf(unit, sizeof unit, "%s", d->unit);
    char *close = strrchr(text, ')');
    char *sp = strrchr(text, ' ');
    if (sp && (!close || sp > close)) {
        snprintf(unit, sizeof unit, "%s", sp + 1);
        while (sp > text && (sp[-1] == ' ' || sp[-1] == '\t'))
            sp--;
        *sp = '\0';
    }
    param_value *v = S_slot(sc, opt, d);
    param_value nv;
    memset(&nv, 0, sizeof nv);
    char msg[512];
    int col;
    if (spec_parse(text, &nv.s, &col, msg, sizeof msg) != 0)
        return hs_error_set(e, HS_ERR_INPUT, "%s: column %d of the value: %s", who,
                            (int)(v0 - (eq + 1)) + col + 1, msg);
    unit_t u, canon;
    if (unit_parse(unit, &u, msg, sizeof msg) != 0)
        return hs_error_set(e, HS_ERR_INPUT, "%s: %s.%s: %s", who, oname, pname, msg);
    unit_parse(d->unit, &canon, msg, sizeof msg);
    double fx[CUR_COUNT] = {1, 1, 1}, f;
    if (unit_factor(&u, &canon, fx, &f, msg, sizeof msg) != 0)
        return hs_error_set(e, HS_ERR_INPUT, "%s: %s.%s: %s '%s' (the parameter's unit is '%s')",
                            who, oname, pname, msg, unit, d->unit);
    const char *flag = label ? label : "--set"; /* "--param global.volume_month ..." */
    size_t flen = strcspn(flag, " ");
    nv.present = 1;
    snprintf(nv.text, sizeof nv.text, "%s", text);
    snprintf(nv.unit, sizeof nv.unit, "%s", unit);
    snprintf(nv.source, sizeof nv.source, "%.*s on the command line (was: %.200s)", (int)flen, flag,
             v->present ? v->text : "default");
    snprintf(nv.origin, sizeof nv.origin, "%.*s", (int)flen, flag);
    *v = nv;
    size_t n = strlen(sc->overrides);
    if (n + strlen(assignment) + 2 > sizeof sc->overrides)
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s: expected overrides of at most %zu characters in all, got more",
                            who, sizeof sc->overrides - 1);
    snprintf(sc->overrides + n, sizeof sc->overrides - n, "%s%s", n ? ";" : "", assignment);
    return HS_OK;
}

/* ------------------------------------------------------------ finalize */

/* An error about a row of DIR/FILE: "path:line:col: what" and the line, read
 * again from the file (the loader keeps no copy of it). */
static hs_status S_error_in_file(hs_error *e, const char *dir, const char *file, size_t line,
                                 size_t col, const char *what)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *buf = NULL;
    size_t len = 0;
    hs_error ignore;
    const char *text = NULL;
    size_t n = 0;
    if (csvin_slurp(path, dir, &buf, &len, &ignore) == HS_OK)
        S_line_text(buf, len, line, &text, &n);
    hs_status st = csvin_error_at(e, path, line, col, text, n, "%s", what);
    free(buf);
    return st;
}

/* An error about a parameter value: located in params.csv or on the command line. */
static hs_status S_value_error(hs_error *e, const scenario *sc, const char *oname,
                               const param_def *d, const param_value *v, const char *what)
{
    if (v->origin[0] == '-') /* "--set", "--param" */
        return hs_error_set(e, HS_ERR_INPUT, "%s %s.%s=%s (in %s): %s", v->origin, oname, d->name,
                            v->text, v->unit, what);
    return S_error_in_file(e, v->dir ? v->dir : sc->dir, "params.csv", v->line, v->col_value, what);
}

static hs_status S_finalize_one(scenario *sc, const char *oname, param_value *v, const param_def *d,
                                const double fx[CUR_COUNT], hs_error *e)
{
    unit_t u, canon;
    char msg[512];
    double f;
    unit_parse(v->unit, &u, msg, sizeof msg);
    unit_parse(d->unit, &canon, msg, sizeof msg);
    unit_factor(&u, &canon, fx, &f, msg, sizeof msg);
    spec_scale(&v->s, f);
    double lo, hi;
    char what[SCENARIO_SPEC_MAX + 512];
    /* the allowed range in the unit the row uses */
    double ulo = d->lo / f, uhi = d->hi / f;
    /* an optional parameter whose default 0 means "does not apply" takes an explicit 0 */
    if (!d->required && d->def == 0 && spec_is_const(&v->s) && v->s.a == 0) return HS_OK;
    if (spec_truncate(&v->s, d->lo, d->hi) != 0) {
        snprintf(what, sizeof what,
                 "%s.%s: expected a distribution with most of its probability from %g to %g %s, "
                 "got '%s'",
                 oname, d->name, ulo, uhi, v->unit, v->text);
        return S_value_error(e, sc, oname, d, v, what);
    }
    spec_support(&v->s, &lo, &hi);
    int is_normal = v->s.kind == SPEC_NORMAL || v->s.kind == SPEC_LOGNORMAL;
    if (!is_normal && (lo < d->lo || hi > d->hi)) {
        const char *or0 = !d->required && d->def == 0 && d->lo > 0 ? ", or 0 for none" : "";
        if (spec_is_const(&v->s))
            snprintf(what, sizeof what, "%s.%s: expected a value from %g to %g %s%s, got '%s'",
                     oname, d->name, ulo, uhi, v->unit, or0, v->text);
        else
            snprintf(what, sizeof what,
                     "%s.%s: expected values from %g to %g %s%s, got '%s', which reaches %g %s",
                     oname, d->name, ulo, uhi, v->unit, or0, v->text, lo < d->lo ? lo / f : hi / f,
                     v->unit);
        return S_value_error(e, sc, oname, d, v, what);
    }
    return HS_OK;
}

/* The parameters an option's plan tiers (plans.csv) replace. */
static int S_tier_param(const param_def *d)
{
    return d->scope == PARAM_OPTION &&
           (d->index == PO_plan_fee || d->index == PO_plan_quota || d->index == PO_capacity_rps ||
            d->index == PO_seats_included);
}

/* Whether option opt (-1: global) takes d from its plan tiers. */
static int S_from_tiers(const scenario *sc, int opt, const param_def *d)
{
    return opt >= 0 && S_tier_param(d) && sc->opt[opt].ntiers > 0;
}

/* An option with plan tiers must not also set what they replace (no precedence to guess). */
static hs_status S_tier_conflicts(scenario *sc, hs_error *e)
{
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_OWNER) {
        if (s.opt < 0 || !S_tier_param(s.d)) continue;
        const scenario_option *o = &sc->opt[s.opt];
        const param_value *v = &o->p[s.d->index];
        if (!o->ntiers || !v->present) continue;
        char what[768];
        snprintf(what, sizeof what,
                 "%s.%s: expected no %s for an option with plan tiers, got '%s': the tiers of "
                 "plans.csv (lines %zu-%zu) give %s's fee, included messages, capacity and "
                 "seats month by month; remove this value or %s's rows in plans.csv",
                 o->name, s.d->name, s.d->name, v->text, o->tiers[0].line,
                 o->tiers[o->ntiers - 1].line, o->name, o->name);
        return S_value_error(e, sc, o->name, s.d, v, what);
    }
    return HS_OK;
}

/* Lists every missing required parameter in e; returns how many. */
static int S_missing(const scenario *sc, hs_error *e)
{
    int missing = 0;
    char lines[HS_ERROR_MSG_MAX] = "";
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_def *d = s.d;
        const int o = s.opt;
        if (!d->required || PARAM_SLOT_OF(s, sc->g, sc->opt[o].p)->present) continue;
        if (S_from_tiers(sc, o, d)) continue; /* plans.csv gives it */
        missing++;
        char one[512];
        size_t k = strlen(lines);
        if (o < 0) {
            snprintf(one, sizeof one, "\n  global.%s (%s): %s", d->name, d->unit, d->help);
        } else {
            const char *names[SCENARIO_MAX_OPTIONS];
            int m = 0;
            for (int j = 0; j < sc->nopt; j++) /* options that do have it */
                if (j != o && sc->opt[j].p[d->index].present) names[m++] = sc->opt[j].name;
            const char *near = suggest_closest(sc->opt[o].name, names, (size_t)m);
            snprintf(one, sizeof one, "\n  %s.%s (%s): %s -- option '%s' starts on line %zu%s%s%s",
                     sc->opt[o].name, d->name, d->unit, d->help, sc->opt[o].name,
                     sc->opt[o].first_line, near ? " (a typo for '" : "", near ? near : "",
                     near ? "'?)" : "");
        }
        snprintf(lines + k, sizeof lines - k, "%s", one);
    }
    if (missing)
        hs_error_set(e, HS_ERR_INPUT,
                     "%s/params.csv: expected a row for every required parameter, got %d "
                     "missing (add a row for each):%s",
                     sc->dir, missing, lines);
    return missing;
}

hs_status scenario_finalize(scenario *sc, hs_error *e)
{
    if (sc->finalized) return HS_OK;
    hs_error_clear(e);
    HS_FORWARD(S_tier_conflicts(sc, e));
    if (S_missing(sc, e)) return HS_ERR_INPUT;

    /* exchange rates first: fixed numbers */
    double fx[CUR_COUNT] = {1, 1, 1};
    const int fxi[2] = {PG_fx_twd_cny, PG_fx_usd_cny};
    const int fxc[2] = {CUR_TWD, CUR_USD};
    for (int k = 0; k < 2; k++) {
        param_value *v = &sc->g[fxi[k]];
        const param_def *d = params_get(PARAM_GLOBAL, fxi[k]);
        if (v->present) {
            if (!spec_is_const(&v->s)) {
                char what[512];
                snprintf(what, sizeof what,
                         "global.%s: expected a fixed number (an exchange rate is not sampled), "
                         "got '%s'",
                         d->name, v->text);
                return S_value_error(e, sc, "global", d, v, what);
            }
            HS_FORWARD(S_finalize_one(sc, "global", v, d, fx, e));
            fx[fxc[k]] = v->s.a;
        } else
            fx[fxc[k]] = d->def;
    }
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_def *d = s.d;
        param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
        if (s.opt < 0 && (d->index == PG_fx_twd_cny || d->index == PG_fx_usd_cny)) continue;
        if (!v->present) {
            v->s = spec_const(d->def);
            snprintf(v->text, sizeof v->text, "%.10g", d->def);
            snprintf(v->unit, sizeof v->unit, "%s", d->unit);
            snprintf(v->source, sizeof v->source, "%s",
                     S_from_tiers(sc, s.opt, d)
                         ? "not used: the option's plan tiers in plans.csv give it per month"
                     : d->def == 0 ? "built-in default 0: does not apply to this option"
                                   : "built-in default (docs/model.md gives the reason)");
            snprintf(v->origin, sizeof v->origin, "default");
            continue;
        }
        HS_FORWARD(S_finalize_one(sc, param_slot_owner(sc, &s), v, d, fx, e));
    }
    for (int k = 0; k < 2; k++)
        if (!sc->g[fxi[k]].present) sc->g[fxi[k]].s = spec_const(fx[fxc[k]]);
    for (int o = 0; o < sc->nopt; o++)
        if (!sc->opt[o].label[0])
            options_default_label(sc->opt[o].name, sc->opt[o].label, sizeof sc->opt[o].label);
    HS_FORWARD(correlations_finalize(sc, e));
    sc->finalized = 1;
    return HS_OK;
}

hs_status scenario_check_horizon(const scenario *sc, cal_date start, int years, hs_error *e)
{
    /* Rule: a dated window must not end before the simulated period starts
     * (a past date is a mistake), unless it belongs to a series of yearly rows
     * (cny_2027, cny_2028, ...: calendar_series.h) that goes on past the start;
     * windows after the horizon simply do not occur in a shorter run, so a
     * calendar can list many years, before and after the start. */
    (void)years;
    long s = cal_days_from_civil(start.y, start.m, start.d);
    for (int i = 0; i < sc->npeaks; i++) {
        const peak_window *w = &sc->peaks[i];
        if (w->recurring) continue;
        if (!calendar_series_is_last(sc, i)) continue; /* the series' last row speaks */
        if (cal_days_from_civil(w->end.y, w->end.m, w->end.d) < s) {
            char what[512];
            snprintf(what, sizeof what,
                     "expected a dated peak window on or after the start of the simulated period "
                     "(%04d-%02d-%02d), got '%s' from %04d-%02d-%02d to %04d-%02d-%02d: fix the "
                     "year, write MM-DD for a window every year, or move the run's --start",
                     start.y, start.m, start.d, w->name, w->start.y, w->start.m, w->start.d,
                     w->end.y, w->end.m, w->end.d);
            return S_error_in_file(e, sc->calendar_dir ? sc->calendar_dir : sc->dir, "calendar.csv",
                                   w->line, w->col ? w->col : 1, what);
        }
    }
    return HS_OK;
}

scenario *scenario_open(const char *dir, char **sets, int nsets, hs_error *e)
{
    return scenario_open_as(dir, sets, NULL, nsets, e);
}

scenario *scenario_open_as(const char *dir, char **sets, const char *const *labels, int nsets,
                           hs_error *e)
{
    scenario *sc = scenario_load(dir, e);
    if (!sc) return NULL;
    for (int i = 0; i < nsets; i++)
        if (scenario_set_as(sc, sets[i], labels ? labels[i] : NULL, e) != HS_OK) {
            scenario_free(sc);
            return NULL;
        }
    if (scenario_finalize(sc, e) != HS_OK) {
        scenario_free(sc);
        return NULL;
    }
    return sc;
}
