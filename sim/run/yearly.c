/* yearly.c — per-year values and break-even months of a record (see yearly.h). */
#include "yearly.h"

#include <assert.h>

int yearly_has(int met)
{
    return met == MET_tco || met == MET_value || met == MET_net_cost;
}

const char *yearly_metric_list(void)
{
    return "tco, value, net_cost";
}

double yearly_cum(const runner_layout *L, const double *rec, int opt, int met, int m)
{
    assert(m >= 0 && m < L->months && opt >= 0 && opt < L->nopt);
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

double yearly_value(const runner_layout *L, const double *rec, int opt, int met, int year)
{
    assert(yearly_has(met) && year >= 1 && 12 * year <= L->months);
    const int last = 12 * year - 1, before = last - 12;
    double v = yearly_cum(L, rec, opt, met, last);
    if (before >= 0) v -= yearly_cum(L, rec, opt, met, before);
    return v;
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
