/* test_metrics.c — the metrics table (sim/engine/metrics.h) and how the aggregate keeps each
 * metric. Run from the repository root (the runs read tests/data/model_fixed). Helpers for
 * temporary folders come from test_plot.c. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvtable.h"
#include "base/outfile.h"
#include "engine/metrics.h"
#include "run/aggregate.h"
#include "run/output.h"

/* defined in test_plot.c */
char *tplot_tmpdir(void);
void tplot_rmtree(const char *path);
char *tplot_path(const char *dir, const char *name);

#define S_SCENARIO "tests/data/model_fixed"
#define S_N 40

Test(metrics, names_are_unique_and_every_metric_has_a_unit)
{
    for (int m = 0; m < MET_COUNT; m++) {
        const metric_def *d = &metrics_defs[m];
        cr_assert(d->name && d->name[0], "metric %d has no name", m);
        cr_assert(d->unit && d->unit[0], "%s has no unit", d->name);
        for (int k = 0; k < m; k++)
            cr_assert_str_neq(metrics_defs[k].name, d->name, "%s twice (%d and %d)", d->name, k, m);
    }
}

Test(metrics, cost_then_value_rows_close_the_table_in_ledger_order_in_cny_as_histograms)
{
    for (int c = 0; c < CAT_COUNT; c++) {
        const metric_def *d = &metrics_defs[MET_COST(c)];
        char want[64];
        snprintf(want, sizeof want, "cost.%s", ledger_category_names[c]);
        cr_assert_str_eq(d->name, want);
        cr_assert_str_eq(d->unit, "CNY", "%s", d->name);
        cr_assert_eq(d->keep, MET_KEEP_HIST, "%s", d->name);
    }
    for (int v = 0; v < VAL_COUNT; v++) {
        const metric_def *d = &metrics_defs[MET_VALUE(v)];
        char want[64];
        snprintf(want, sizeof want, "value.%s", ledger_value_names[v]);
        cr_assert_str_eq(d->name, want);
        cr_assert_str_eq(d->unit, "CNY", "%s", d->name);
        cr_assert_eq(d->keep, MET_KEEP_HIST, "%s", d->name);
    }
    cr_assert_eq(MET_COST(CAT_COUNT - 1) + 1, MET_VALUE(0));
    cr_assert_eq(MET_VALUE(VAL_COUNT - 1), MET_COUNT - 1);
    for (int m = 0; m < MET_COST(0); m++)
        cr_assert_neq(metrics_defs[m].keep, MET_KEEP_HIST, "core metric %s is kept per trajectory",
                      metrics_defs[m].name);
    cr_assert_eq(metrics_defs[MET_tco].keep, MET_KEEP_DOUBLE, "tco is compared pairwise exactly");
    cr_assert_eq(metrics_defs[MET_net_cost].keep, MET_KEEP_DOUBLE,
                 "net_cost is compared pairwise exactly, like tco");
}

Test(metrics, find_gives_the_row_of_each_name_and_minus_one_for_others)
{
    for (int m = 0; m < MET_COUNT; m++)
        cr_assert_eq(metrics_find(metrics_defs[m].name), m, "%s", metrics_defs[m].name);
    cr_assert_eq(metrics_find("tco"), MET_tco);
    cr_assert_eq(metrics_find("cost.it_labour"), MET_COST(CAT_it_labour));
    cr_assert_eq(metrics_find("value.conversion"), MET_VALUE(VAL_conversion));
    cr_assert_eq(metrics_find("net_cost"), MET_net_cost);
    cr_assert_eq(metrics_find("it_labour"), -1);
    cr_assert_eq(metrics_find("cost."), -1);
    cr_assert_eq(metrics_find(""), -1);
}

/* ------------------------------------------------------------ a small run */

typedef struct {
    aggregate *a;
    double *rec_met; /* [S_N][nopt][MET_COUNT], as the runner handed them over */
} S_tap;

static hs_status S_tap_consume(void *ctx, uint64_t run, const double *rec, hs_error *e)
{
    S_tap *t = ctx;
    const runner_layout L = t->a->L;
    memcpy(t->rec_met + run * (size_t)L.nopt * MET_COUNT, rec + L.met,
           (size_t)L.nopt * MET_COUNT * sizeof *rec);
    return aggregate_consume(t->a, run, rec, e);
}

/* Runs S_N trajectories of the fixed test scenario with an uncertain IT salary (so that
 * cost.it_labour varies) and uncertain value lines; keep >= 0: aggregate_keep(keep) first. */
static void S_run(int keep, sim_plan **plan, S_tap *t)
{
    hs_error e = {0};
    char salary[] = "alpha.it_salary=uniform(120000,180000)";
    char lift[] = "global.conversion_lift=uniform(0,0.2)", margin[] = "global.sales_margin=0.3";
    char gain[] = "global.productivity_gain=uniform(-0.1,0.3)";
    char team[] = "global.agent_cost_month=uniform(10000,40000)";
    char cs[] = "alpha.conversion_share=1", ps[] = "alpha.productivity_share=0.5";
    char *sets[] = {salary, lift, margin, gain, team, cs, ps};
    scenario *sc = scenario_open(S_SCENARIO, sets, 7, &e);
    cr_assert_not_null(sc, "%s", e.msg);
    const cal_date start = {2027, 1, 1};
    *plan = sim_plan_new(sc, start, 2, &e);
    cr_assert_not_null(*plan, "%s", e.msg);
    t->a = aggregate_new(*plan, S_N, &e);
    cr_assert_not_null(t->a, "%s", e.msg);
    if (keep >= 0) cr_assert_eq(aggregate_keep(t->a, keep, &e), HS_OK, "%s", e.msg);
    t->rec_met = malloc((size_t)S_N * sc->nopt * MET_COUNT * sizeof *t->rec_met);
    cr_assert_not_null(t->rec_met);
    runner_opts ro = {0};
    ro.seed = 7;
    ro.threads = 2;
    ro.count = S_N;
    uint64_t done;
    cr_assert_eq(runner_run(*plan, &ro, S_tap_consume, t, &done, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(done, S_N);
}

static void S_done(sim_plan *plan, S_tap *t)
{
    const scenario *sc = plan->sc;
    aggregate_free(t->a);
    free(t->rec_met);
    sim_plan_free(plan);
    scenario_free((scenario *)sc);
}

Test(metrics, summary_csv_has_a_row_per_metric_in_table_order_with_its_unit)
{
    sim_plan *plan;
    S_tap t;
    S_run(-1, &plan, &t);
    char *dir = tplot_tmpdir();
    output_info info = {S_SCENARIO, 7, S_N, 2, {2027, 1, 1}, 2, 0, "test", NULL, "plain"};
    outfile_set set = {0};
    hs_error e = {0};
    cr_assert_eq(output_write_all(t.a, &info, &set, dir, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(outfile_set_commit(&set, &e), HS_OK, "%s", e.msg);
    char *p = tplot_path(dir, "summary.csv");
    csvtable *s = csvtable_load(p, &e);
    cr_assert_not_null(s, "%s", e.msg);
    const int nopt = plan->sc->nopt;
    cr_assert_eq(csvtable_rows(s), (size_t)nopt * MET_COUNT);
    for (int o = 0; o < nopt; o++)
        for (int m = 0; m < MET_COUNT; m++) {
            const size_t r = (size_t)o * MET_COUNT + (size_t)m;
            cr_assert_str_eq(csvtable_getn(s, r, "option"), plan->sc->opt[o].name);
            cr_assert_str_eq(csvtable_getn(s, r, "metric"), metrics_defs[m].name, "row %zu", r);
            cr_assert_str_eq(csvtable_getn(s, r, "unit"), metrics_defs[m].unit, "row %zu", r);
        }
    csvtable_free(s);
    free(p);
    tplot_rmtree(dir);
    free(dir);
    S_done(plan, &t);
}

Test(metrics, a_histogram_metric_kept_on_request_gives_every_value)
{
    const int met = MET_COST(CAT_it_labour);
    sim_plan *plan;
    S_tap t;
    S_run(met, &plan, &t);
    cr_assert(aggregate_is_kept(t.a, met));
    cr_assert_not(aggregate_is_kept(t.a, MET_COST(CAT_hardware)), "only the one asked for");
    const int nopt = plan->sc->nopt;
    int varies = 0;
    for (int o = 0; o < nopt; o++) {
        double *v = aggregate_values(t.a, o, met);
        cr_assert_not_null(v);
        for (uint64_t k = 0; k < S_N; k++) {
            const double want = t.rec_met[(k * (size_t)nopt + (size_t)o) * MET_COUNT + met];
            cr_assert_eq(v[k], want, "option %d, trajectory %llu", o, (unsigned long long)k);
            varies |= k && v[k] != v[0];
        }
        free(v);
    }
    cr_assert(varies, "it_labour should vary across trajectories");
    S_done(plan, &t);
}

Test(metrics, keeping_a_metric_exactly_changes_none_of_its_summary_statistics)
{
    const int met = MET_COST(CAT_it_labour);
    sim_plan *p1, *p2;
    S_tap t1, t2;
    S_run(-1, &p1, &t1);
    S_run(met, &p2, &t2);
    const double q[3] = {0.05, 0.5, 0.95};
    for (int o = 0; o < p1->sc->nopt; o++) {
        double a[3], b[3], ca, cb;
        aggregate_quantiles(t1.a, o, met, q, 3, a, &ca);
        aggregate_quantiles(t2.a, o, met, q, 3, b, &cb);
        for (int i = 0; i < 3; i++)
            cr_assert_eq(a[i], b[i], "option %d q%g: the histogram's, as in summary.csv", o, q[i]);
        cr_assert_eq(ca, cb);
        cr_assert_eq(aggregate_se(t1.a, o, met), aggregate_se(t2.a, o, met));
    }
    S_done(p1, &t1);
    S_done(p2, &t2);
}

Test(metrics, net_cost_is_tco_minus_value_in_every_record)
{
    sim_plan *plan;
    S_tap t;
    S_run(-1, &plan, &t);
    const int nopt = plan->sc->nopt;
    int valued = 0;
    for (int k = 0; k < S_N; k++)
        for (int o = 0; o < nopt; o++) {
            const double *met = t.rec_met + ((size_t)k * nopt + o) * MET_COUNT;
            double value = 0;
            for (int v = 0; v < VAL_COUNT; v++)
                value += met[MET_VALUE(v)];
            cr_assert_float_eq(met[MET_value], value, 1e-9 * (1 + fabs(value)),
                               "trajectory %d: value is the sum of the value lines", k);
            cr_assert_eq(met[MET_net_cost], met[MET_tco] - met[MET_value],
                         "trajectory %d: net_cost = tco - value", k);
            valued += met[MET_value] != 0;
        }
    cr_assert_eq(valued, S_N * nopt, "every trajectory has value lines");
    S_done(plan, &t);
}
