/* corr_out.c — correlations.csv of an output folder: for each pair of correlations.csv, the
 * rank correlation asked and the one achieved, the Spearman of the sampled inputs that the
 * aggregate keeps for sensitivity.csv (its first AGG_SPEARMAN_MAX trajectories), with the
 * standard error of a sample Spearman at the asked value, (1 - rho^2) sqrt((1 + rho^2 / 2) /
 * (n - 3)) (Bonett & Wright 2000, the variance of atanh of Spearman's rho, through the delta
 * method). Format: docs/outputs.md. */
#include <math.h>

#include "output.h"
#include "rankcorr.h"
#include "scenario/correlations.h"

/* The column of a->sx that holds parameter p, or -1. */
static int S_input_of(const aggregate *a, const corr_param *p)
{
    for (int j = 0; j < a->ninputs; j++)
        if (a->inputs[j].opt == p->opt && a->inputs[j].scope == p->d->scope &&
            a->inputs[j].index == p->d->index)
            return j;
    return -1;
}

hs_status output_write_correlations(const aggregate *a, outfile_set *set, const char *dir,
                                    hs_error *e)
{
    const scenario_corr *c = a->plan->sc->corr;
    if (!c) return HS_OK;
    outfile *f = outfile_set_open(set, dir, "correlations.csv", e);
    if (!f) return e->code;
    fputs("parameter_a,parameter_b,asked,achieved,se,trajectories,status\n", outfile_stream(f));
    const size_t n = a->ns;
    for (int i = 0; i < c->nrows; i++) {
        const corr_row *r = &c->rows[i];
        const corr_param *pa = &c->params[r->a], *pb = &c->params[r->b];
        outfile_csv_str(f, pa->name);
        outfile_csv_str(f, pb->name);
        outfile_csv_num(f, r->rho);
        const int ja = S_input_of(a, pa), jb = S_input_of(a, pb);
        double rho = NAN;
        if (pa->active && pb->active && ja >= 0 && jb >= 0 && n >= 4)
            HS_FORWARD(rankcorr_spearman(a->sx + (size_t)ja * AGG_SPEARMAN_MAX,
                                         a->sx + (size_t)jb * AGG_SPEARMAN_MAX, n, &rho, e));
        if (isfinite(rho)) {
            const double q = r->rho * r->rho;
            outfile_csv_num(f, rho);
            outfile_csv_num(f, (1 - q) * sqrt((1 + q / 2) / (double)(n - 3)));
        } else {
            outfile_csv_str(f, "");
            outfile_csv_str(f, "");
        }
        outfile_csv_int(f, (long long)n);
        outfile_csv_str(f, !pa->active || !pb->active ? "dropped: a parameter fixed by an override"
                           : isfinite(rho)            ? "applied"
                                                      : "applied: too few trajectories to measure");
        outfile_csv_end(f);
    }
    return HS_OK;
}
