/* output_time.c — the files of results over time: yearly.csv, monthly_costs.csv and
 * breakeven.csv (formats: docs/outputs.md; definitions: docs/model.md §15). */
#include "output_time.h"

#include <math.h>

#include "timeagg.h"

static const double S_q[7] = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

static hs_status S_yearly(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    const timeagg *t = a->time;
    outfile *f = outfile_set_open(set, dir, "yearly.csv", e);
    if (!f) return e->code;
    fputs("option,year,metric,unit,mean,sd,p5,p10,p25,p50,p75,p90,p95\n", outfile_stream(f));
    for (int r = 0; r < a->nres; r++)
        for (int y = 0; y < t->years; y++)
            for (int k = 0; k < YEARLY_NMET; k++) {
                const size_t i = ((size_t)r * t->years + y) * YEARLY_NMET + k;
                const metric_def *m = &metrics_defs[yearly_metric(k)];
                outfile_csv_str(f, sim_result_name(a->plan, r));
                outfile_csv_int(f, y + 1);
                outfile_csv_str(f, m->name);
                outfile_csv_str(f, m->unit);
                outfile_csv_num(f, t->mean[i]);
                outfile_csv_num(f, t->n > 1 ? sqrt(t->m2[i] / (double)(t->n - 1)) : 0);
                for (int q = 0; q < 7; q++)
                    outfile_csv_num(f, loghist_quantile(&t->hist[i], S_q[q]));
                outfile_csv_end(f);
            }
    return HS_OK;
}

static hs_status S_monthly_costs(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    const timeagg *t = a->time;
    const int M = t->L.months;
    const cal_date s = a->plan->start;
    outfile *f = outfile_set_open(set, dir, "monthly_costs.csv", e);
    if (!f) return e->code;
    fputs("option,month,date,category,unit,mean\n", outfile_stream(f));
    for (int r = 0; r < a->nres; r++)
        for (int m = 0; m < M; m++)
            for (int c = 0; c < CAT_COUNT; c++) {
                char date[16];
                const int mo = s.m - 1 + m;
                snprintf(date, sizeof date, "%04d-%02d-01", s.y + mo / 12, mo % 12 + 1);
                outfile_csv_str(f, sim_result_name(a->plan, r));
                outfile_csv_int(f, m + 1);
                outfile_csv_str(f, date);
                outfile_csv_str(f, ledger_category_names[c]);
                outfile_csv_str(f, "CNY");
                outfile_csv_num(f, t->cat_mean[((size_t)r * CAT_COUNT + c) * M + m]);
                outfile_csv_end(f);
            }
    return HS_OK;
}

/* The q-quantile of the break-even months counted in be ([0] never, [m] month m; n in all):
 * the first month m with share(be <= m) >= q, or 0 when it lies among the nevers. */
static int S_be_quantile(const uint64_t *be, int M, uint64_t n, double q)
{
    uint64_t c = 0;
    for (int m = 1; m <= M; m++) {
        c += be[m];
        if ((double)c >= q * (double)n && c > 0) return m;
    }
    return 0;
}

static hs_status S_breakeven(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    const timeagg *t = a->time;
    const int R = a->nres, M = t->L.months;
    outfile *f = outfile_set_open(set, dir, "breakeven.csv", e);
    if (!f) return e->code;
    fputs("option_a,option_b,metric,unit,p_never,p_by_year1,mean_if_any,p5,p25,p50,p75,p95\n",
          outfile_stream(f));
    static const double q[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int c = 0; c < TIMEAGG_NCMP; c++)
        for (int i = 0; i < R; i++)
            for (int j = 0; j < R; j++) {
                if (i == j) continue;
                const uint64_t *be = t->be + (((size_t)c * R + i) * R + j) * (M + 1);
                uint64_t any = 0, first = 0;
                double sum = 0;
                for (int m = 1; m <= M; m++) {
                    any += be[m];
                    sum += (double)m * be[m];
                    if (m <= 12) first += be[m];
                }
                const double n = t->n ? (double)t->n : 1;
                outfile_csv_str(f, sim_result_name(a->plan, i));
                outfile_csv_str(f, sim_result_name(a->plan, j));
                outfile_csv_str(f, metrics_defs[timeagg_compared(c)].name);
                outfile_csv_str(f, "month");
                outfile_csv_num(f, (double)be[0] / n);
                outfile_csv_num(f, (double)first / n);
                if (any)
                    outfile_csv_num(f, sum / (double)any);
                else
                    outfile_csv_str(f, "");
                for (int k = 0; k < 5; k++) {
                    const int m = S_be_quantile(be, M, t->n, q[k]);
                    if (m)
                        outfile_csv_int(f, m);
                    else
                        outfile_csv_str(f, "");
                }
                outfile_csv_end(f);
            }
    return HS_OK;
}

hs_status output_write_time(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    HS_FORWARD(S_yearly(a, set, dir, e));
    HS_FORWARD(S_monthly_costs(a, set, dir, e));
    HS_FORWARD(S_breakeven(a, set, dir, e));
    return HS_OK;
}
