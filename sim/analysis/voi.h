/* voi.h — the value of information of the choice between options, from one paired run.
 *
 * On a decision metric (tco or net_cost: lower is better) over the run's first n = a->ns
 * trajectories (those whose sampled inputs the aggregate keeps, at most AGG_SPEARMAN_MAX):
 *   decision  the option with the lowest mean, chosen without more information;
 *   EVPI      mean over trajectories of C_decision - min_o C_o (perfect information on
 *             everything a trajectory draws, events included: an upper bound);
 *   EVPPI_j   mean C_decision - sum_b w_b min_o mean_b(C_o), over B = floor(sqrt(n)) bins of
 *             equal count along input j (what knowing input j alone is worth); evppi_null is the
 *             same estimator on bins in trajectory order, i.e. on an input unrelated to the
 *             costs: its upward bias from the noise of the bins' means;
 *   flip      where the linear fit of C_o - C_decision on input j crosses 0 inside the sampled
 *             range (the crossing nearest the input's mean, over the other options o, and only
 *             for a slope more than 3 standard errors from 0), with the share of sampled
 *             values beyond it.
 * docs/sensitivity-methods.md gives the equations and the estimator's error.
 */
#ifndef HS_VOI_H
#define HS_VOI_H

#include <stdio.h>

#include "run/aggregate.h"

typedef struct {
    int input;        /* index into a->inputs */
    double evppi;     /* CNY */
    double flip;      /* in the input's canonical unit; NaN: no flip within its range */
    int below, above; /* the option best below and above the flip (-1 without one) */
    double p_beyond;  /* share of the sampled values on the side where the choice changes */
} voi_input;

typedef struct {
    int met;      /* MET_tco or MET_net_cost */
    uint64_t n;   /* trajectories used */
    int decision; /* -1 with fewer than two options or n < 4 */
    int nbins;
    double evpi, evpi_se, evppi_null;
    int ninputs;
    voi_input *in; /* ranked: largest EVPPI first (ties: input order) */
} voi_result;

/* Fills r for metric met (kept per trajectory: tco, net_cost). Caller frees with voi_free. */
hs_status voi_compute(const aggregate *a, int met, voi_result *r, hs_error *e);
void voi_free(voi_result *r);

/* Writes voi.csv (docs/outputs.md): tco, then net_cost, one row per uncertain input. */
hs_status voi_write(const aggregate *a, outfile_set *set, const char *dir, hs_error *e);
/* The short table `run` prints: EVPI and the top inputs on metric met. */
void voi_print(const aggregate *a, const voi_result *r, int top, FILE *fp);

#endif
