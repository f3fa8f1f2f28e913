/* voi.c — EVPI, EVPPI per input and flip points from one paired run (see voi.h). */
#include "voi.h"

#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/hs_fmt.h"

/* The option with the lowest mean of cost c[o][k], k < n. */
static int S_decision(const double *const *c, int nopt, uint64_t n, double *mean)
{
    int best = 0;
    for (int o = 0; o < nopt; o++) {
        double s = 0;
        for (uint64_t k = 0; k < n; k++)
            s += c[o][k];
        mean[o] = s / (double)n;
        if (mean[o] < mean[best]) best = o;
    }
    return best;
}

/* sum_b w_b min_o mean_b(c_o) over nbins bins of consecutive trajectories idx[0..n-1]. */
static double S_binned_min(const double *const *c, int nopt, const size_t *idx, uint64_t n,
                           int nbins)
{
    double total = 0;
    for (int b = 0; b < nbins; b++) {
        const uint64_t lo = n * (uint64_t)b / (uint64_t)nbins;
        const uint64_t hi = n * (uint64_t)(b + 1) / (uint64_t)nbins;
        double best = INFINITY;
        for (int o = 0; o < nopt; o++) {
            double s = 0;
            for (uint64_t k = lo; k < hi; k++)
                s += c[o][idx ? idx[k] : k];
            if (s < best) best = s;
        }
        total += best;
    }
    return total / (double)n;
}

/* The flip point of input x (sorted order idx): see voi.h. */
static void S_flip(const double *const *c, int nopt, int d, const double *x, const size_t *idx,
                   uint64_t n, double *diff, voi_input *in)
{
    const double xmin = x[idx[0]], xmax = x[idx[n - 1]];
    double xbar = 0;
    for (uint64_t k = 0; k < n; k++)
        xbar += x[k];
    xbar /= (double)n;
    in->flip = NAN;
    in->below = in->above = -1;
    double nearest = INFINITY;
    for (int o = 0; o < nopt; o++) {
        if (o == d) continue;
        for (uint64_t k = 0; k < n; k++)
            diff[k] = c[o][k] - c[d][k]; /* > 0 where d stays better */
        double a0, a1, c00, c01, c11, ss;
        if (gsl_fit_linear(x, 1, diff, 1, n, &a0, &a1, &c00, &c01, &c11, &ss) != 0) continue;
        if (!(a1 != 0) || !(fabs(a1) > 3 * sqrt(c11))) continue;
        const double z = -a0 / a1;
        if (!(z > xmin && z < xmax) || fabs(z - xbar) >= nearest) continue;
        nearest = fabs(z - xbar);
        in->flip = z;
        /* o is better where the fit is negative: above z for a falling fit */
        in->below = a1 < 0 ? d : o;
        in->above = a1 < 0 ? o : d;
    }
    if (isnan(in->flip)) return;
    uint64_t beyond = 0;
    for (uint64_t k = 0; k < n; k++)
        beyond += in->above == d ? x[k] < in->flip : x[k] > in->flip;
    in->p_beyond = (double)beyond / (double)n;
}

static int S_by_evppi(const void *pa, const void *pb)
{
    const voi_input *a = pa, *b = pb;
    if (a->evppi != b->evppi) return a->evppi < b->evppi ? 1 : -1;
    return (a->input > b->input) - (a->input < b->input);
}

hs_status voi_compute(const aggregate *a, int met, voi_result *r, hs_error *e)
{
    memset(r, 0, sizeof *r);
    r->met = met;
    r->decision = -1;
    r->n = a->ns;
    const int nopt = a->nopt;
    if (nopt < 2 || r->n < 4) return HS_OK;
    const uint64_t n = r->n;
    const double *c[SCENARIO_MAX_OPTIONS];
    double mean[SCENARIO_MAX_OPTIONS];
    for (int o = 0; o < nopt; o++)
        c[o] = aggregate_exact(a, o, met);
    r->decision = S_decision(c, nopt, n, mean);
    const int d = r->decision;
    double s = 0, s2 = 0;
    for (uint64_t k = 0; k < n; k++) {
        double lo = INFINITY;
        for (int o = 0; o < nopt; o++)
            if (c[o][k] < lo) lo = c[o][k];
        const double g = c[d][k] - lo;
        s += g;
        s2 += g * g;
    }
    r->evpi = s / (double)n;
    r->evpi_se = sqrt(fmax(0, s2 / (double)n - r->evpi * r->evpi) / (double)(n - 1));
    r->nbins = (int)floor(sqrt((double)n));
    r->evppi_null = fmax(0, mean[d] - S_binned_min(c, nopt, NULL, n, r->nbins));
    r->ninputs = a->ninputs;
    r->in = calloc(a->ninputs ? (size_t)a->ninputs : 1, sizeof *r->in);
    size_t *idx = malloc(n * sizeof *idx);
    double *diff = malloc(n * sizeof *diff);
    if (!r->in || !idx || !diff) {
        free(idx);
        free(diff);
        voi_free(r);
        return hs_error_set(e, HS_ERR_RUNTIME, "out of memory (value of information, n = %llu)",
                            (unsigned long long)n);
    }
    for (int j = 0; j < a->ninputs; j++) {
        const double *x = a->sx + (size_t)j * AGG_SPEARMAN_MAX;
        voi_input *in = &r->in[j];
        in->input = j;
        gsl_sort_index(idx, x, 1, n);
        in->evppi = fmax(0, mean[d] - S_binned_min(c, nopt, idx, n, r->nbins));
        S_flip(c, nopt, d, x, idx, n, diff, in);
    }
    free(idx);
    free(diff);
    qsort(r->in, (size_t)r->ninputs, sizeof *r->in, S_by_evppi);
    return HS_OK;
}

void voi_free(voi_result *r)
{
    free(r->in);
    r->in = NULL;
    r->ninputs = 0;
}

static const char *S_unit(const agg_input *in)
{
    return params_get(in->scope, in->index)->unit;
}

hs_status voi_write(const aggregate *a, outfile_set *set, const char *dir, hs_error *e)
{
    outfile *f = outfile_set_open(set, dir, "voi.csv", e);
    if (!f) return e->code;
    fputs("metric,decision,input,input_unit,rank,evpi_cny,evpi_se_cny,evppi_cny,evppi_null_cny,"
          "evppi_share,flip_point,best_below,best_above,p_beyond,trajectories,bins\n",
          outfile_stream(f));
    const int mets[2] = {MET_tco, MET_net_cost};
    const scenario *sc = a->plan->sc;
    for (int m = 0; m < 2; m++) {
        voi_result r;
        HS_FORWARD(voi_compute(a, mets[m], &r, e));
        for (int i = 0; r.decision >= 0 && i < r.ninputs; i++) {
            const voi_input *in = &r.in[i];
            const agg_input *ai = &a->inputs[in->input];
            outfile_csv_str(f, metrics_defs[mets[m]].name);
            outfile_csv_str(f, sc->opt[r.decision].name);
            outfile_csv_str(f, ai->name);
            outfile_csv_str(f, S_unit(ai));
            outfile_csv_int(f, i + 1);
            outfile_csv_num(f, r.evpi);
            outfile_csv_num(f, r.evpi_se);
            outfile_csv_num(f, in->evppi);
            outfile_csv_num(f, r.evppi_null);
            outfile_csv_num(f, r.evpi > 0 ? in->evppi / r.evpi : 0);
            if (isnan(in->flip)) {
                for (int k = 0; k < 4; k++)
                    outfile_csv_str(f, "");
            } else {
                outfile_csv_num(f, in->flip);
                outfile_csv_str(f, sc->opt[in->below].name);
                outfile_csv_str(f, sc->opt[in->above].name);
                outfile_csv_num(f, in->p_beyond);
            }
            outfile_csv_int(f, (long long)r.n);
            outfile_csv_int(f, r.nbins);
            outfile_csv_end(f);
        }
        voi_free(&r);
    }
    return HS_OK;
}

void voi_print(const aggregate *a, const voi_result *r, int top, FILE *fp)
{
    if (r->decision < 0) return;
    const scenario *sc = a->plan->sc;
    char s0[32], s1[32];
    hs_fmt_thousands(s0, sizeof s0, r->evpi, 0);
    hs_fmt_thousands(s1, sizeof s1, r->evppi_null, 0);
    fprintf(fp,
            "\nvalue of information (%s, %llu trajectories; chosen without it: %s, lowest mean)\n"
            "EVPI %s CNY; an EVPPI near %s CNY or below is noise\n",
            metrics_defs[r->met].name, (unsigned long long)r->n, sc->opt[r->decision].name, s0, s1);
    if (r->ninputs == 0) return;
    fprintf(fp, "%-36s %14s %14s %-16s %9s\n", "input", "EVPPI CNY", "flip point", "then best",
            "P(beyond)");
    for (int i = 0; i < r->ninputs && i < top; i++) {
        const voi_input *in = &r->in[i];
        hs_fmt_thousands(s0, sizeof s0, in->evppi, 0);
        if (isnan(in->flip)) {
            fprintf(fp, "%-36s %14s %14s %-16s %9s\n", a->inputs[in->input].name, s0, "none", "",
                    "");
            continue;
        }
        char fl[32];
        if (fabs(in->flip) >= 1000)
            hs_fmt_thousands(fl, sizeof fl, in->flip, 0);
        else
            snprintf(fl, sizeof fl, "%.4g", in->flip);
        const int then = in->below == r->decision ? in->above : in->below;
        fprintf(fp, "%-36s %14s %14s %-16s %9.3f\n", a->inputs[in->input].name, s0, fl,
                sc->opt[then].name, in->p_beyond);
    }
}
