/* paired.c — paired differences of two scenarios' common options (see paired.h). */
#include "paired.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "base/hs_fmt.h"

static const int S_mets[2] = {MET_tco, MET_net_cost};
static const double S_q[7] = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

/* d[k] = a - b of option (ia, ib) on met, sorted; returns P(a < b). */
static double S_diff(const aggregate *a, const aggregate *b, int ia, int ib, int met, double *d,
                     double *mean, double *sd)
{
    const double *ta = aggregate_exact(a, ia, met), *tb = aggregate_exact(b, ib, met);
    uint64_t cheaper = 0;
    for (uint64_t k = 0; k < a->n; k++) {
        d[k] = ta[k] - tb[k];
        cheaper += ta[k] < tb[k];
    }
    *mean = gsl_stats_mean(d, 1, a->n);
    *sd = a->n > 1 ? gsl_stats_sd_m(d, 1, a->n, *mean) : 0;
    gsl_sort(d, 1, a->n);
    return (double)cheaper / (double)a->n;
}

hs_status paired_write(const aggregate *a, const aggregate *b, outfile_set *set, const char *dir,
                       hs_error *e)
{
    const scenario *sa = a->plan->sc, *sb = b->plan->sc;
    int common = 0;
    for (int i = 0; i < sa->nopt; i++)
        common += scenario_option_index(sb, sa->opt[i].name) >= 0;
    if (!common)
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s and %s have no option in common: expected options of the same "
                            "names to compare",
                            sa->dir, sb->dir);
    if (a->n != b->n || a->n == 0)
        return hs_error_set(e, HS_ERR_RUNTIME, "the two runs have %llu and %llu trajectories",
                            (unsigned long long)a->n, (unsigned long long)b->n);
    outfile *f = outfile_set_open(set, dir, "scenario_diff.csv", e);
    if (!f) return e->code;
    fputs("option,metric,unit,mean_diff,sd_diff,se_diff,p5,p10,p25,p50,p75,p90,p95,p_a_cheaper,"
          "trajectories\n",
          outfile_stream(f));
    double *d = malloc(a->n * sizeof *d);
    if (!d) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    for (int m = 0; m < 2; m++)
        for (int i = 0; i < sa->nopt; i++) {
            const int j = scenario_option_index(sb, sa->opt[i].name);
            if (j < 0) continue;
            double mean, sd;
            const double p = S_diff(a, b, i, j, S_mets[m], d, &mean, &sd);
            outfile_csv_str(f, sa->opt[i].name);
            outfile_csv_str(f, metrics_defs[S_mets[m]].name);
            outfile_csv_str(f, metrics_defs[S_mets[m]].unit);
            outfile_csv_num(f, mean);
            outfile_csv_num(f, sd);
            outfile_csv_num(f, sd / sqrt((double)a->n));
            for (int k = 0; k < 7; k++)
                outfile_csv_num(f, gsl_stats_quantile_from_sorted_data(d, 1, a->n, S_q[k]));
            outfile_csv_num(f, p);
            outfile_csv_int(f, (long long)a->n);
            outfile_csv_end(f);
        }
    free(d);
    return HS_OK;
}

void paired_print(const aggregate *a, const aggregate *b, FILE *fp)
{
    const scenario *sa = a->plan->sc, *sb = b->plan->sc;
    double *d = malloc((a->n ? a->n : 1) * sizeof *d);
    if (!d || a->n != b->n || a->n == 0) {
        free(d);
        return;
    }
    fprintf(fp, "%llu paired trajectories: %s%s%s minus %s (tco, CNY)\n\n",
            (unsigned long long)a->n, sa->dir, sa->overrides[0] ? " with " : "", sa->overrides,
            sb->dir);
    fprintf(fp, "%-16s %14s %14s %14s %14s %14s\n", "option", "diff p5", "diff median", "diff p95",
            "diff mean", "P(A cheaper)");
    for (int i = 0; i < sa->nopt; i++) {
        const int j = scenario_option_index(sb, sa->opt[i].name);
        if (j < 0) continue;
        double mean, sd;
        const double p = S_diff(a, b, i, j, MET_tco, d, &mean, &sd);
        char s[4][32];
        const double v[4] = {gsl_stats_quantile_from_sorted_data(d, 1, a->n, 0.05),
                             gsl_stats_quantile_from_sorted_data(d, 1, a->n, 0.5),
                             gsl_stats_quantile_from_sorted_data(d, 1, a->n, 0.95), mean};
        for (int k = 0; k < 4; k++)
            hs_fmt_thousands(s[k], sizeof s[k], v[k], 0);
        fprintf(fp, "%-16s %14s %14s %14s %14s %14.3f\n", sa->opt[i].name, s[0], s[1], s[2], s[3],
                p);
    }
    free(d);
}
