/* aggregate.h — turning per-trajectory records into distributions.
 *
 * Fed in trajectory order (runner.h). Each metric is kept as its row of the
 * metrics table says (engine/metrics.h): every value as a double (tco) or as
 * a float (the other core metrics, relative precision 6e-8), for exact
 * quantiles and paired comparisons; or in a fixed relative-width histogram
 * (the cost categories and value lines; loghist.h, quantiles within 0.1 %).
 * Monthly cumulative costs go to histograms too; of the monthly cumulative
 * value only the mean is kept (for the break-even on net cost). Means and standard deviations are
 * exact for every metric (Welford, in trajectory order). Memory per
 * trajectory and option is therefore bounded by the metrics kept per
 * trajectory. Rank correlations use the first AGG_SPEARMAN_MAX trajectories.
 */
#ifndef HS_AGGREGATE_H
#define HS_AGGREGATE_H

#include <stdint.h>

#include "base/outfile.h"
#include "loghist.h"
#include "runner.h"

#define AGG_SPEARMAN_MAX 10000

typedef struct {
    param_scope scope;
    int opt;       /* -1 for global */
    int index;     /* PG_* / PO_* */
    char name[80]; /* "global.volume_month", "saas.overage_fee" */
} agg_input;

typedef struct {
    const sim_plan *plan;
    runner_layout L;
    int nopt; /* options (their inputs) */
    int nres; /* results: the options, then the strategies (sim_result_name) */
    int nsw;  /* strategy steps (runner.h) */
    uint64_t n, cap;
    /* where each metric is kept: its place among the metrics kept as doubles,
     * as floats, as histograms, or -1 (see aggregate_keep) */
    int dslot[MET_COUNT], fslot[MET_COUNT], hslot[MET_COUNT];
    int nd, nf, nh;
    double *keep_d;      /* [nres][nd][cap] */
    float *keep_f;       /* [nres][nf][cap] */
    double *keep_sw;     /* [nsw][cap] switch month of each strategy step */
    loghist *hist;       /* [nres][nh] */
    double *mean, *m2;   /* [nres][MET_COUNT] Welford */
    loghist *month;      /* [nres][months] */
    double *month_mean;  /* [nres][months] Welford means of the cumulative cost */
    double *month_vmean; /* [nres][months] Welford means of the cumulative value */
    int ninputs;
    agg_input *inputs; /* uncertain inputs */
    double *sx, *sy;   /* [ninputs][AGG_SPEARMAN_MAX], [nres * 3][AGG_SPEARMAN_MAX] */
    uint64_t ns;
    outfile *traj_csv;    /* optional trajectories.csv */
    struct timeagg *time; /* results over time (timeagg.h) */
} aggregate;

aggregate *aggregate_new(const sim_plan *plan, uint64_t expected, hs_error *e);
void aggregate_free(aggregate *a);

/* The runner's consumer. */
hs_status aggregate_consume(void *a, uint64_t run, const double *rec, hs_error *e);

/* Keeps every value of metric met as a double as well (for a metric the table
 * keeps only as a histogram), so that aggregate_values can give them for
 * paired comparisons; its quantiles still come from the histogram, as in
 * summary.csv. Call before the first aggregate_consume. HS_ERR_RUNTIME when
 * out of memory. */
hs_status aggregate_keep(aggregate *a, int met, hs_error *e);
/* Whether every value of metric met is kept (by the table or aggregate_keep). */
int aggregate_is_kept(const aggregate *a, int met);
/* The values of a metric kept as doubles, for result opt in trajectory order
 * (a->n of them; valid until the next aggregate_consume). */
const double *aggregate_exact(const aggregate *a, int opt, int met);
/* Values of a kept metric (aggregate_is_kept) for option opt in trajectory
 * order, as doubles (caller frees); NULL when out of memory. */
double *aggregate_values(const aggregate *a, int opt, int met);
/* Quantile / tail mean of metric met for option opt: exact for a metric kept
 * per trajectory by the table, from its histogram otherwise. */
void aggregate_quantiles(const aggregate *a, int opt, int met, const double *q, int nq, double *out,
                         double *cvar95);
double aggregate_se(const aggregate *a, int opt, int met);
/* Mean over the trajectories of option opt's cumulative tco (met = MET_tco) or
 * net cost (MET_net_cost) at the end of month m. */
double aggregate_month_mean(const aggregate *a, int opt, int met, int m);

/* The switch month of strategy step k (in [0, nsw), runner.h's order) in trajectory order
 * (a->n of them; valid until the next aggregate_consume). */
const double *aggregate_switch_months(const aggregate *a, int k);

/* Writes trajectories.csv's header (when a->traj_csv is set). */
void aggregate_traj_header(aggregate *a);

#endif
