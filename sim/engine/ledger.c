/* ledger.c — cost ledger (see ledger.h). */
#include "ledger.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HS_X_CAT_NAME(id, help) #id,
#define HS_X_CAT_HELP(id, help) help,
const char *const ledger_category_names[CAT_COUNT] = {HS_LEDGER_CATEGORIES(HS_X_CAT_NAME)};
const char *const ledger_category_help[CAT_COUNT] = {HS_LEDGER_CATEGORIES(HS_X_CAT_HELP)};
const char *const ledger_value_names[VAL_COUNT] = {HS_LEDGER_VALUES(HS_X_CAT_NAME)};
const char *const ledger_value_help[VAL_COUNT] = {HS_LEDGER_VALUES(HS_X_CAT_HELP)};

#define S_ROWS ((size_t)CAT_COUNT + (size_t)VAL_COUNT)

ledger *ledger_new(int months)
{
    assert(months > 0);
    ledger *l = malloc(sizeof *l);
    if (!l) return NULL;
    l->months = months;
    l->m = calloc(S_ROWS * (size_t)months, sizeof *l->m);
    if (!l->m) {
        free(l);
        return NULL;
    }
    return l;
}

void ledger_free(ledger *l)
{
    if (!l) return;
    free(l->m);
    free(l);
}

void ledger_clear(ledger *l)
{
    memset(l->m, 0, S_ROWS * (size_t)l->months * sizeof *l->m);
}

static double S_row_total(const ledger *l, long row)
{
    double s = 0;
    const double *r = l->m + row * l->months;
    for (int i = 0; i < l->months; i++)
        s += r[i];
    return s;
}

double ledger_category_total(const ledger *l, ledger_category c)
{
    assert((unsigned)c < CAT_COUNT);
    return S_row_total(l, (long)c);
}

double ledger_value_total(const ledger *l, ledger_value v)
{
    assert((unsigned)v < VAL_COUNT);
    return S_row_total(l, (long)CAT_COUNT + (long)v);
}

double ledger_month_total(const ledger *l, int month)
{
    assert(month >= 0 && month < l->months);
    double s = 0;
    for (int c = 0; c < CAT_COUNT; c++)
        s += l->m[(long)c * l->months + month];
    return s;
}

double ledger_month_value(const ledger *l, int month)
{
    assert(month >= 0 && month < l->months);
    double s = 0;
    for (int v = 0; v < VAL_COUNT; v++)
        s += l->m[(long)(CAT_COUNT + v) * l->months + month];
    return s;
}

double ledger_npv(const ledger *l, double rate)
{
    double v = pow(1 + rate, -1.0 / 12), df = 1, s = 0;
    for (int i = 0; i < l->months; i++) {
        s += df * ledger_month_total(l, i);
        df *= v;
    }
    return s;
}

double ledger_annuity(double c, int n, double rate)
{
    if (rate == 0) return c * n;
    double v = pow(1 + rate, -1.0 / 12);
    return c * (1 - pow(v, n)) / (1 - v);
}
