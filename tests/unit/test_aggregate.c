/* test_aggregate.c — the reduction of trajectory records (sim/run/aggregate.c) and the files it
 * feeds (sim/run/output.c), on seven hand-made records of tests/data/good (two options, one
 * year: 12 months).
 *
 * The values are chosen so that every expected number can be worked out by hand: quantiles by
 * linear interpolation between order statistics at position (n - 1) q, P(A < B) as a count of
 * strict inequalities (one tie, which counts for neither), the break-even month from the mean
 * cumulative costs. Money values are multiples of 0.25 so that differences are exact in binary.
 * Read back from the CSV files, numbers carry 10 significant digits (%.10g): they are compared
 * within 1e-9 relative. Quantiles of cost categories and monthly costs come from histograms
 * (within 0.1 %, loghist.h); the other core metrics are stored as floats (within 6e-8).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvtable.h"
#include "base/outfile.h"
#include "run/aggregate.h"
#include "run/output.h"
#include "test_env.h"

#define S_N 7

/* option 0 (on_prem) tco per trajectory; option 1 (saas_plan) is it plus S_d */
static const double S_tco0[S_N] = {1234567.5,  987654.25, 1500000.75, 1100000.5,
                                   1350000.25, 1012345.5, 1299999.75};
static const double S_d[S_N] = {5000.5, -2500.25, 0, 12345.75, -777.5, 100.25, -3000};
/* downtime_hours of option 0 (not exact in a float) */
static const double S_down0[S_N] = {2.385, 17.25, 0.125, 9.6, 4.2, 33.3, 1.05};

typedef struct {
    scenario *sc;
    sim_plan *plan;
    aggregate *a;
    char *dir; /* the files written by output_write_all */
} S_fix;

/* value of option i in trajectory k: none for option 0, more than any S_d for option 1 */
static double S_value(int i, int k)
{
    return i == 0 ? 0 : 6000.25 * (k + 1);
}

/* The record of trajectory k, laid out as runner.h says. */
static void S_record(const runner_layout *L, int k, double *rec)
{
    for (size_t j = 0; j < L->size; j++)
        rec[j] = NAN; /* anything left unset would show */
    for (int i = 0; i < L->nopt; i++) {
        double *met = rec + L->met + (size_t)i * MET_COUNT;
        for (int m = 0; m < MET_COUNT; m++)
            met[m] = 0.5 * (m + 1) + 0.125 * k + i; /* distinct, finite */
        met[MET_tco] = S_tco0[k] + (i == 1 ? S_d[k] : 0);
        met[MET_downtime_hours] = i == 0 ? S_down0[k] : 1.5;
        met[MET_COST(0)] = 2385.25 * (k + 1) + 1000 * i; /* cost of category 0 */
        met[MET_value] = S_value(i, k);
        met[MET_net_cost] = met[MET_tco] - met[MET_value];
        double *cum = rec + L->cum + (size_t)i * L->months;
        double *vcum = rec + L->vcum + (size_t)i * L->months;
        for (int m = 0; m < L->months; m++) { /* option 0 cheaper from month 10 on */
            cum[m] = (i == 0 ? 50000 + 1000.0 * (m + 1) : 10000 + 5000.0 * (m + 1)) * (1 + k / 8.0);
            /* net of value, option 1 stays below option 0 from month 1 */
            vcum[m] = (i == 0 ? 0 : 4500.0 * (m + 1)) * (1 + k / 8.0);
        }
        /* by category and month: the month's cost in category 0; downtime spread evenly */
        double *cat = rec + L->cat + (size_t)i * CAT_COUNT * L->months;
        for (int m = 0; m < CAT_COUNT * L->months; m++)
            cat[m] = m < L->months ? cum[m] - (m ? cum[m - 1] : 0) : 0;
        for (int m = 0; m < L->months; m++)
            rec[L->down + (size_t)i * L->months + m] = met[MET_downtime_hours] / L->months;
    }
    for (int j = 0; j < PG_COUNT; j++)
        rec[L->g + j] = 1.5 + j + 0.25 * ((k * 3) % S_N);
    for (int i = 0; i < L->nopt; i++)
        for (int j = 0; j < PO_COUNT; j++)
            rec[L->o + (size_t)i * PO_COUNT + j] = 2.5 + j + i + 0.75 * ((k * 5) % S_N);
}

static S_fix S_fix_new(void)
{
    S_fix f;
    hs_error e = {0};
    f.sc = S_load("tests/data/good", NULL, 0);
    f.plan = sim_plan_new(f.sc, (cal_date){2027, 1, 1}, 1, &e);
    cr_assert_not_null(f.plan, "%s", e.msg);
    f.a = aggregate_new(f.plan, S_N, &e);
    cr_assert_not_null(f.a, "%s", e.msg);
    const runner_layout L = runner_layout_of(f.plan);
    cr_assert_eq(L.nopt, 2);
    cr_assert_eq(L.months, 12);
    double *rec = malloc(L.size * sizeof *rec);
    cr_assert_not_null(rec);
    for (int k = 0; k < S_N; k++) {
        S_record(&L, k, rec);
        cr_assert_eq(aggregate_consume(f.a, (uint64_t)k, rec, &e), HS_OK, "%s", e.msg);
    }
    free(rec);
    f.dir = strdup("/tmp/hostsim-agg-XXXXXX");
    cr_assert_not_null(mkdtemp(f.dir));
    output_info info = {
        "tests/data/good", 2385, S_N, 1, {2027, 1, 1}, 1, 0.0, "test", NULL, "plain"};
    outfile_set set = {0};
    cr_assert_eq(output_write_all(f.a, &info, &set, f.dir, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(outfile_set_commit(&set, &e), HS_OK, "%s", e.msg);
    return f;
}

static void S_fix_free(S_fix *f)
{
    const char *files[] = {"summary.csv",     "compare.csv", "monthly.csv", "hist.csv",
                           "cdf.csv",         "profile.csv", "options.csv", "params.csv",
                           "sensitivity.csv", "manifest.csv"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/%s", f->dir, files[i]);
        unlink(p);
    }
    rmdir(f->dir);
    free(f->dir);
    aggregate_free(f->a);
    sim_plan_free(f->plan);
    scenario_free(f->sc);
}

static csvtable *S_table(const S_fix *f, const char *name)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", f->dir, name);
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    return t;
}

/* Column COL of the row of T whose columns K1, K2 hold V1, V2, as a number. */
static double S_cell(const csvtable *t, const char *k1, const char *v1, const char *k2,
                     const char *v2, const char *col)
{
    long r = csvtable_find2(t, csvtable_col(t, k1), v1, csvtable_col(t, k2), v2);
    cr_assert_geq(r, 0, "no row %s=%s, %s=%s", k1, v1, k2, v2);
    double v;
    cr_assert(csvtable_numn(t, (size_t)r, col, &v), "%s/%s: %s is not a number", v1, v2, col);
    return v;
}

/* Column COL of compare.csv's row for (A, B) and metric MET, as a number. */
static double S_pair(const csvtable *t, const char *a, const char *b, const char *met,
                     const char *col)
{
    const int ca = csvtable_col(t, "option_a"), cb = csvtable_col(t, "option_b"),
              cm = csvtable_col(t, "metric");
    cr_assert(ca >= 0 && cb >= 0 && cm >= 0);
    for (size_t r = 0; r < csvtable_rows(t); r++)
        if (!strcmp(csvtable_get(t, r, ca), a) && !strcmp(csvtable_get(t, r, cb), b) &&
            !strcmp(csvtable_get(t, r, cm), met)) {
            double v;
            if (!csvtable_numn(t, r, col, &v)) return NAN; /* an empty cell */
            return v;
        }
    cr_assert_fail("no compare.csv row %s, %s, %s", a, b, met);
    return NAN;
}

static void S_near(double got, double want, double rel, const char *what)
{
    cr_assert(fabs(got - want) <= rel * fabs(want), "%s: got %.12g, expected %.12g", what, got,
              want);
}

/* The q-quantile of n sorted values, worked out as the docs say (GSL's definition). */
static double S_quantile(const double *sorted, size_t n, double q)
{
    double pos = q * (double)(n - 1);
    size_t lo = (size_t)pos;
    if (lo + 1 >= n) return sorted[n - 1];
    return sorted[lo] + (pos - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

static int S_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

Test(aggregate, keeps_each_option_s_values_in_trajectory_order)
{
    S_fix f = S_fix_new();
    cr_assert_eq(f.a->n, (uint64_t)S_N);
    double *v0 = aggregate_values(f.a, 0, MET_tco), *v1 = aggregate_values(f.a, 1, MET_tco);
    double *dn = aggregate_values(f.a, 0, MET_downtime_hours);
    cr_assert(v0 && v1 && dn);
    for (int k = 0; k < S_N; k++) {
        cr_assert_eq(v0[k], S_tco0[k], "tco is kept exactly (trajectory %d)", k);
        cr_assert_eq(v1[k], S_tco0[k] + S_d[k], "trajectory %d", k);
        S_near(dn[k], S_down0[k], 6e-8, "downtime_hours, kept as a float");
    }
    free(v0);
    free(v1);
    free(dn);
    S_fix_free(&f);
}

Test(aggregate, tco_quantiles_interpolate_between_order_statistics)
{
    S_fix f = S_fix_new();
    /* sorted: 987654.25 1012345.5 1100000.5 1234567.5 1299999.75 1350000.25 1500000.75 */
    const double q[4] = {0.1, 0.5, 0.95, 1};
    const double want[4] = {987654.25 + 0.6 * 24691.25, 1234567.5, 1350000.25 + 0.7 * 150000.5,
                            1500000.75};
    double got[4], cvar;
    aggregate_quantiles(f.a, 0, MET_tco, q, 4, got, &cvar);
    for (int i = 0; i < 4; i++)
        S_near(got[i], want[i], 1e-15, "tco quantile");
    /* the mean of the values at or above p95: only the largest */
    cr_assert_eq(cvar, 1500000.75);
    S_fix_free(&f);
}

Test(aggregate, summary_holds_the_exact_mean_sd_se_and_quantiles)
{
    S_fix f = S_fix_new();
    csvtable *t = S_table(&f, "summary.csv");
    double s = 0, ss = 0, sorted[S_N];
    for (int k = 0; k < S_N; k++)
        s += S_tco0[k], sorted[k] = S_tco0[k];
    const double mean = s / S_N;
    for (int k = 0; k < S_N; k++)
        ss += (S_tco0[k] - mean) * (S_tco0[k] - mean);
    const double sd = sqrt(ss / (S_N - 1));
    qsort(sorted, S_N, sizeof *sorted, S_cmp);
    S_near(S_cell(t, "option", "on_prem", "metric", "tco", "mean"), mean, 1e-9, "mean");
    S_near(S_cell(t, "option", "on_prem", "metric", "tco", "sd"), sd, 1e-9, "sd");
    S_near(S_cell(t, "option", "on_prem", "metric", "tco", "se"), sd / sqrt(S_N), 1e-9, "se");
    const char *cols[7] = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};
    const double qs[7] = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};
    for (int i = 0; i < 7; i++)
        S_near(S_cell(t, "option", "on_prem", "metric", "tco", cols[i]),
               S_quantile(sorted, S_N, qs[i]), 1e-9, cols[i]);
    S_near(S_cell(t, "option", "on_prem", "metric", "tco", "cvar95"), 1500000.75, 1e-9, "cvar95");
    /* a core metric kept as float: within 6e-8 of the exact median (4.2) */
    S_near(S_cell(t, "option", "on_prem", "metric", "downtime_hours", "p50"), 4.2, 6e-8,
           "downtime p50");
    /* a cost category: exact mean, median from the histogram within 0.1 % */
    char cat[64];
    snprintf(cat, sizeof cat, "cost.%s", ledger_category_names[0]);
    S_near(S_cell(t, "option", "saas_plan", "metric", cat, "mean"), 2385.25 * 4 + 1000, 1e-9,
           "category mean");
    S_near(S_cell(t, "option", "saas_plan", "metric", cat, "p50"), 2385.25 * 4 + 1000, 1e-3,
           "category median");
    csvtable_free(t);
    S_fix_free(&f);
}

Test(aggregate, compare_counts_strict_wins_and_quantiles_of_the_paired_difference)
{
    S_fix f = S_fix_new();
    csvtable *t = S_table(&f, "compare.csv");
    /* A = on_prem is cheaper where S_d > 0 (3 of 7), saas_plan where S_d < 0 (3), one tie */
    S_near(S_pair(t, "on_prem", "saas_plan", "tco", "p_a_cheaper"), 3.0 / 7, 1e-9,
           "P(on_prem < saas_plan)");
    S_near(S_pair(t, "saas_plan", "on_prem", "tco", "p_a_cheaper"), 3.0 / 7, 1e-9,
           "P(saas_plan < on_prem)");
    /* on_prem - saas_plan = -S_d, sorted: -12345.75 -5000.5 -100.25 0 777.5 2500.25 3000 */
    double diff[S_N], s = 0;
    for (int k = 0; k < S_N; k++)
        diff[k] = -S_d[k], s += diff[k];
    qsort(diff, S_N, sizeof *diff, S_cmp);
    S_near(S_cell(t, "option_a", "on_prem", "option_b", "saas_plan", "mean_diff"), s / S_N, 1e-9,
           "mean_diff");
    cr_assert_eq(S_cell(t, "option_a", "on_prem", "option_b", "saas_plan", "p50"), 0.0,
                 "p50 of the difference is the tie");
    S_near(S_cell(t, "option_a", "on_prem", "option_b", "saas_plan", "p25"), -2550.375, 1e-9,
           "p25");
    S_near(S_cell(t, "option_a", "on_prem", "option_b", "saas_plan", "p75"), 1638.875, 1e-9, "p75");
    S_near(S_cell(t, "option_a", "on_prem", "option_b", "saas_plan", "p5"),
           S_quantile(diff, S_N, 0.05), 1e-9, "p5");
    S_near(S_cell(t, "option_a", "saas_plan", "option_b", "on_prem", "p95"),
           -S_quantile(diff, S_N, 0.05), 1e-9, "p95 of the reverse pair");
    csvtable_free(t);
    S_fix_free(&f);
}

Test(aggregate, breakeven_is_the_first_month_from_which_a_stays_cheaper)
{
    S_fix f = S_fix_new();
    csvtable *t = S_table(&f, "compare.csv");
    /* mean cumulative cost: on_prem 50000 + 1000 m, saas_plan 10000 + 5000 m (times the mean of
     * 1 + k/8): on_prem is at or below from month 10 on; saas_plan never stays below */
    cr_assert_eq(S_cell(t, "option_a", "on_prem", "option_b", "saas_plan", "breakeven_month"),
                 10.0);
    long r = csvtable_find2(t, csvtable_col(t, "option_a"), "saas_plan",
                            csvtable_col(t, "option_b"), "on_prem");
    cr_assert_geq(r, 0);
    cr_assert_str_eq(csvtable_getn(t, (size_t)r, "breakeven_month"), "");
    csvtable_free(t);
    t = S_table(&f, "monthly.csv");
    const double scale = 1 + (0 + 1 + 2 + 3 + 4 + 5 + 6) / 8.0 / S_N; /* mean of 1 + k/8 */
    long row =
        csvtable_find2(t, csvtable_col(t, "option"), "on_prem", csvtable_col(t, "month"), "10");
    cr_assert_geq(row, 0);
    double v;
    cr_assert(csvtable_numn(t, (size_t)row, "mean", &v));
    S_near(v, 60000 * scale, 1e-9, "monthly mean");
    cr_assert(csvtable_numn(t, (size_t)row, "p50", &v));
    S_near(v, 60000 * (1 + 3 / 8.0), 1e-3, "monthly median, from the histogram");
    cr_assert_str_eq(csvtable_getn(t, (size_t)row, "date"), "2027-10-01");
    csvtable_free(t);
    S_fix_free(&f);
}

Test(aggregate, compare_has_one_set_of_rows_per_metric_with_net_cost_after_tco)
{
    S_fix f = S_fix_new();
    csvtable *t = S_table(&f, "compare.csv");
    cr_assert_eq(csvtable_rows(t), 4, "two ordered pairs, tco then net_cost");
    cr_assert_str_eq(csvtable_getn(t, 0, "metric"), "tco");
    cr_assert_str_eq(csvtable_getn(t, 1, "metric"), "tco");
    cr_assert_str_eq(csvtable_getn(t, 2, "metric"), "net_cost");
    cr_assert_str_eq(csvtable_getn(t, 3, "metric"), "net_cost");
    /* net: on_prem - saas_plan = -S_d + S_value(1, k) > 0 in every trajectory */
    cr_assert_eq(S_pair(t, "on_prem", "saas_plan", "net_cost", "p_a_cheaper"), 0.0);
    cr_assert_eq(S_pair(t, "saas_plan", "on_prem", "net_cost", "p_a_cheaper"), 1.0);
    double diff[S_N], s = 0;
    for (int k = 0; k < S_N; k++)
        diff[k] = -S_d[k] + S_value(1, k), s += diff[k];
    qsort(diff, S_N, sizeof *diff, S_cmp);
    S_near(S_pair(t, "on_prem", "saas_plan", "net_cost", "mean_diff"), s / S_N, 1e-9, "mean_diff");
    S_near(S_pair(t, "on_prem", "saas_plan", "net_cost", "p50"), S_quantile(diff, S_N, 0.5), 1e-9,
           "p50");
    S_near(S_pair(t, "saas_plan", "on_prem", "net_cost", "p95"), -S_quantile(diff, S_N, 0.05), 1e-9,
           "p95 of the reverse pair");
    /* the break-even on mean cumulative net cost: saas_plan's 10000 + 500 m is below on_prem's
     * 50000 + 1000 m from month 1; on tco, on_prem stays below from month 10 */
    cr_assert_eq(S_pair(t, "saas_plan", "on_prem", "net_cost", "breakeven_month"), 1.0);
    cr_assert(isnan(S_pair(t, "on_prem", "saas_plan", "net_cost", "breakeven_month")));
    cr_assert_eq(S_pair(t, "on_prem", "saas_plan", "tco", "breakeven_month"), 10.0);
    csvtable_free(t);
    S_fix_free(&f);
}

Test(aggregate, summary_net_cost_is_kept_exactly_like_tco)
{
    S_fix f = S_fix_new();
    csvtable *t = S_table(&f, "summary.csv");
    double net[S_N], s = 0;
    for (int k = 0; k < S_N; k++)
        net[k] = S_tco0[k] + S_d[k] - S_value(1, k), s += net[k];
    qsort(net, S_N, sizeof *net, S_cmp);
    S_near(S_cell(t, "option", "saas_plan", "metric", "net_cost", "mean"), s / S_N, 1e-9, "mean");
    const char *cols[3] = {"p5", "p50", "p95"};
    const double qs[3] = {0.05, 0.5, 0.95};
    for (int i = 0; i < 3; i++)
        S_near(S_cell(t, "option", "saas_plan", "metric", "net_cost", cols[i]),
               S_quantile(net, S_N, qs[i]), 1e-9, cols[i]);
    csvtable_free(t);
    S_fix_free(&f);
}
