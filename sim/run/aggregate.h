/* aggregate.h — turning per-trajectory records into distributions.
 *
 * Fed in trajectory order (runner.h). Memory per trajectory and option:
 * tco as a double and the other core metrics as floats (relative precision
 * 6e-8), for exact quantiles and paired comparisons; everything else is
 * bounded: cost categories and monthly cumulative costs go to fixed
 * relative-width histograms (loghist.h, quantiles within 0.1 %), means and
 * standard deviations are exact (Welford, in trajectory order).
 * Rank correlations use the first AGG_SPEARMAN_MAX trajectories.
 */
#ifndef HS_AGGREGATE_H
#define HS_AGGREGATE_H

#include <stdint.h>

#include "base/outfile.h"
#include "loghist.h"
#include "runner.h"

#define AGG_SPEARMAN_MAX 10000
#define AGG_NCORE (MET_BASE_COUNT - 1) /* core metrics stored as float: all but tco */

typedef struct {
    param_scope scope;
    int opt;       /* -1 for global */
    int index;     /* PG_* / PO_* */
    char name[80]; /* "global.volume_month", "saas.plan_fee" */
} agg_input;

typedef struct {
    const sim_plan *plan;
    runner_layout L;
    int nopt;
    uint64_t n, cap;
    double *tco;        /* [nopt][cap] */
    float *core;        /* [nopt][AGG_NCORE][cap] */
    double *mean, *m2;  /* [nopt][MET_COUNT] Welford */
    loghist *cat;       /* [nopt][CAT_COUNT] */
    loghist *month;     /* [nopt][months] */
    double *month_mean; /* [nopt][months] Welford means */
    int ninputs;
    agg_input *inputs; /* uncertain inputs */
    double *sx, *sy;   /* [ninputs][AGG_SPEARMAN_MAX], [nopt * 3][AGG_SPEARMAN_MAX] */
    uint64_t ns;
    outfile *traj_csv; /* optional trajectories.csv */
} aggregate;

/* Names of the base metrics (summary.csv), MET_* order. */
extern const char *const agg_metric_names[MET_BASE_COUNT];

aggregate *aggregate_new(const sim_plan *plan, uint64_t expected, hs_error *e);
void aggregate_free(aggregate *a);

/* The runner's consumer. */
hs_status aggregate_consume(void *a, uint64_t run, const double *rec, hs_error *e);

/* Values of metric `met` for option i in trajectory order (caller frees). */
double *aggregate_values(const aggregate *a, int opt, int met);
/* Quantile / tail mean of metric met for option i. */
void aggregate_quantiles(const aggregate *a, int opt, int met, const double *q, int nq, double *out,
                         double *cvar95);
double aggregate_se(const aggregate *a, int opt, int met);

/* Writes trajectories.csv's header (when a->traj_csv is set). */
void aggregate_traj_header(aggregate *a);

#endif
