/* yearly.c — per-year values and break-even months of a record (see yearly.h). */
#include "yearly.h"

#include <assert.h>

int yearly_metric(int k)
{
    static const int first[4] = {MET_tco, MET_value, MET_net_cost, MET_downtime_hours};
    assert(k >= 0 && k < YEARLY_NMET);
    return k < 4 ? first[k] : MET_COST(k - 4);
}

/* The place of metric met in yearly_metric's order, or -1. */
static int S_slot(int met)
{
    for (int k = 0; k < YEARLY_NMET; k++)
        if (yearly_metric(k) == met) return k;
    return -1;
}

int yearly_has(int met)
{
    return S_slot(met) >= 0;
}

const char *yearly_metric_list(void)
{
    return "tco, value, net_cost, downtime_hours, cost.<category>";
}

/* Sum of the 12 values of s from month m0. */
static double S_year_sum(const double *s, int m0)
{
    double v = 0;
    for (int m = m0; m < m0 + 12; m++)
        v += s[m];
    return v;
}

double yearly_cum(const runner_layout *L, const double *rec, int opt, int met, int m)
{
    assert(m >= 0 && m < L->months && opt >= 0 && opt < L->nres);
    const size_t k = (size_t)opt * L->months + (size_t)m;
    switch (met) {
    case MET_tco:
        return rec[L->cum + k];
    case MET_value:
        return rec[L->vcum + k];
    case MET_net_cost:
        return rec[L->cum + k] - rec[L->vcum + k];
    default:
        assert(!"yearly_cum: a metric without a monthly series");
        return 0;
    }
}

void yearly_values(const runner_layout *L, const double *rec, int res, int year, double *v)
{
    assert(year >= 1 && 12 * year <= L->months && res >= 0 && res < L->nres);
    const int M = L->months, m0 = 12 * (year - 1);
    const double *cat = rec + L->cat + (size_t)res * CAT_COUNT * M;
    double tco = 0;
    for (int c = 0; c < CAT_COUNT; c++)
        tco += v[4 + c] = S_year_sum(cat + (size_t)c * M, m0);
    v[0] = tco;
    v[1] = yearly_cum(L, rec, res, MET_value, m0 + 11);
    if (m0) v[1] -= yearly_cum(L, rec, res, MET_value, m0 - 1);
    v[2] = tco - v[1];
    v[3] = S_year_sum(rec + L->down + (size_t)res * M, m0);
}

double yearly_value(const runner_layout *L, const double *rec, int res, int met, int year)
{
    const int k = S_slot(met);
    assert(k >= 0);
    double v[YEARLY_NMET];
    yearly_values(L, rec, res, year, v);
    return v[k];
}

int yearly_breakeven(const runner_layout *L, const double *rec, int met, int a, int b)
{
    int be = 0;
    for (int m = L->months - 1; m >= 0; m--) {
        if (yearly_cum(L, rec, a, met, m) > yearly_cum(L, rec, b, met, m)) break;
        be = m + 1;
    }
    return be;
}
