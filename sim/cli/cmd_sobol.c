/* cmd_sobol.c — `hostsim sobol`: first- and total-order Sobol indices.
 *
 * Each model run is one trajectory with the uncertain inputs set from a
 * row of the Saltelli design (sim/analysis/sobol.c) through each input's quantile
 * function. The trajectory's own randomness (demand, outages, incidents)
 * is one more input that is never varied alone: A-row r and every AB_i-row
 * r use stream index r, B-row r uses N + r. Its share of the variance is
 * what the indices of the listed inputs do not explain.
 * Estimators: Saltelli 2010 (S1), Jansen 1999 (ST), bootstrap 95 % CIs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sens_common.h"
#include "analysis/sobol.h"
#include "analysis_set.h"
#include "args.h"
#include "base/hs_clock.h"
#include "engine/streams.h"
#include "signals.h"

static const args_command S_command = {
    "sobol", ARGS_SOBOL, ARGS_POS_NONE,
    "usage: hostsim sobol [--samples N] [--metric M] [--option O | --diff A,B]\n"
    "                     [--year K | --by-year] [options]\n"
    "\n"
    "Global sensitivity: first-order (S1) and total-order (ST) Sobol indices of every\n"
    "uncertain input for the metric, with bootstrap 95 % confidence intervals. Runs\n"
    "N x (D + 2) trajectories for D uncertain inputs (printed before it starts).\n"
    "Quasi-random (Sobol sequence) designs when 2D <= 40, pseudo-random otherwise.\n"
    "Writes sobol.csv sorted by ST, with the files of the base run (200 trajectories,\n"
    "which pick the default target) and a manifest.csv of its own (default folder\n"
    "outputs/<scenario>-sobol). --year K targets the metric's value in year K;\n"
    "--by-year writes the horizon's rows and then each year's, from the same runs.\n",
    NULL};

typedef struct {
    const sobol_design *d;
    const sens_input *inputs;
    int n_in;
    uint64_t n;
} S_ctx;

static uint64_t S_prepare(void *vc, uint64_t run, double *fixed_g, double *fixed_o)
{
    const S_ctx *c = vc;
    double u[1024];
    sobol_design_point(c->d, (size_t)run, u);
    for (int j = 0; j < c->n_in; j++)
        sens_fix(&c->inputs[j].in, spec_quantile(&c->inputs[j].v->s, u[j]), fixed_g, fixed_o);
    uint64_t block = run / c->n, row = run % c->n;
    return block == 1 ? c->n + row : row;
}

typedef struct {
    int idx;
    sobol_index s;
} S_row;

static int S_by_st(const void *a, const void *b)
{
    const S_row *x = a, *y = b;
    double sx = isnan(x->s.st) ? -1 : x->s.st, sy = isnan(y->s.st) ? -1 : y->s.st;
    if (sx > sy) return -1;
    if (sx < sy) return 1;
    return x->idx - y->idx;
}

/* The indices of each of np periods (f: np blocks of `runs` values, each A | B | AB_1..AB_D)
 * into rows (np blocks of n_in), each block sorted by ST. */
static hs_status S_estimate(uint64_t N, int n_in, int np, uint64_t runs, const double *f,
                            uint64_t seed, S_row *rows, hs_error *e)
{
    sobol_index *idx = malloc((size_t)n_in * sizeof *idx);
    if (!idx) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    hs_status st = HS_OK;
    for (int p = 0; p < np && st == HS_OK; p++) {
        const double *fp = f + (size_t)p * runs;
        st = sobol_estimate((size_t)N, (size_t)n_in, fp, fp + N, fp + 2 * N, 500,
                            (unsigned long)seed, idx, e);
        S_row *rp = rows + (size_t)p * n_in;
        for (int j = 0; j < n_in; j++)
            rp[j].idx = j, rp[j].s = idx[j];
        qsort(rp, (size_t)n_in, sizeof *rp, S_by_st);
    }
    free(idx);
    return st;
}

int cmd_sobol(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_command, &a);
    if (rc >= 0) return rc;
    const sens_opts so = args_sens_opts(&a);
    hs_error e = {0};
    if (sens_period_check(&so, &e) != HS_OK) return cli_fail(&e);
    const double t0 = hs_clock_seconds();
    scenario *sc = scenario_open(a.scenario, a.sets, a.nsets, &e);
    if (!sc) return cli_fail(&e);
    sens_input *inputs = NULL;
    sobol_design *d = NULL;
    double *f = NULL;
    S_row *rows = NULL;
    gsl_rng *r = NULL;
    sens_result base = {0};
    outfile_set set = {0};
    sens_target t;
    int n_in = sens_inputs(sc, &inputs, &e);
    if (n_in < 0) goto fail;
    if (n_in == 0 || n_in > 1000) {
        hs_error_set(&e, HS_ERR_INPUT, "the scenario has %d uncertain inputs: nothing to analyse",
                     n_in);
        goto fail;
    }
    if (scenario_check_horizon(sc, a.start, a.years, &e) != HS_OK) goto fail;
    /* its own set: it replaces the folder's (its own folder, by default) */
    if (outfile_set_begin(&set, a.out, a.overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK) goto fail;
    signals_install();
    /* a small base run picks the default target */
    if (sens_simulate(sc, &so, NULL, NULL, 200, &base, &e) != HS_OK) goto fail;
    if (sens_target_parse(sc, &so, base.agg, &t, &e) != HS_OK) goto fail;
    uint64_t N = a.samples, runs = N * (uint64_t)(n_in + 2);
    /* the periods: the target's own (the horizon or --year K), or the horizon and every year */
    const int np = a.by_year ? 1 + a.years : 1;
    r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    gsl_rng_set(r, (unsigned long)streams_hash(a.seed, 0, "sobol-design", NULL, NULL));
    if (!(d = sobol_design_new(r, (size_t)N, (size_t)n_in, &e))) goto fail;
    if (!a.quiet)
        fprintf(stderr,
                "hostsim sobol: %d uncertain inputs, %llu samples: %llu model runs "
                "(N x (D + 2)), %s design, target %s\n",
                n_in, (unsigned long long)N, (unsigned long long)runs,
                sobol_design_is_quasi(d) ? "quasi-random (Sobol sequence)" : "pseudo-random",
                t.label);
    f = malloc((size_t)np * runs * sizeof *f);
    rows = calloc((size_t)np * (size_t)n_in, sizeof *rows);
    if (!f || !rows) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    S_ctx c = {d, inputs, n_in, N};
    if ((np == 1 ? sens_collect : sens_collect_years)(base.plan, &so, &t, S_prepare, &c, runs, f,
                                                      &e) != HS_OK)
        goto fail;
    if (S_estimate(N, n_in, np, runs, f, a.seed, rows, &e) != HS_OK) goto fail;
    analysis_keys ak = {0};
    analysis_keys_set(&ak, AS_TARGET, "%s", t.label);
    analysis_keys_set(&ak, AS_INPUTS, "%d", n_in);
    analysis_keys_set(&ak, AS_SAMPLES, "%llu", (unsigned long long)N);
    analysis_keys_set(&ak, AS_RUNS, "%llu", (unsigned long long)runs);
    analysis_keys_set(&ak, AS_TRAJ_PER_RUN, "1"); /* each model run is one trajectory */
    if (analysis_set_open(&a, "sobol", base.agg, hs_clock_seconds() - t0, &ak, &set, &e) != HS_OK)
        goto fail;
    outfile *o = outfile_set_open(&set, a.out, "sobol.csv", &e);
    if (!o) goto fail;
    fputs("input,metric,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,year\n", outfile_stream(o));
    for (int p = 0; p < np; p++) {
        char label[200];
        const int year = sens_period(&t, np, p, label, sizeof label);
        for (int k = 0; k < n_in; k++) {
            const S_row *row = &rows[(size_t)p * n_in + k];
            const sobol_index *s = &row->s;
            outfile_csv_str(o, inputs[row->idx].in.name);
            outfile_csv_str(o, label);
            const double v[6] = {s->s1, s->s1_lo, s->s1_hi, s->st, s->st_lo, s->st_hi};
            for (int i = 0; i < 6; i++) {
                if (isfinite(v[i]))
                    outfile_csv_num(o, v[i]);
                else
                    outfile_csv_str(o, "");
            }
            sens_csv_year(o, year);
            outfile_csv_end(o);
        }
    }
    if (outfile_set_commit(&set, &e) != HS_OK) goto fail;
    if (!a.quiet) {
        printf("Sobol indices of %s (N = %llu, %llu runs)\n\n", t.label, (unsigned long long)N,
               (unsigned long long)runs);
        printf("%-40s %20s %20s\n", "input", "S1 [95% CI]", "ST [95% CI]");
        for (int k = 0; k < n_in && k < 12; k++) {
            const sobol_index *s = &rows[k].s;
            printf("%-40s %6.3f [%5.2f,%5.2f] %6.3f [%5.2f,%5.2f]\n", inputs[rows[k].idx].in.name,
                   s->s1, s->s1_lo, s->s1_hi, s->st, s->st_lo, s->st_hi);
        }
        printf("\nwrote %s/sobol.csv\n", a.out);
    }
    rc = 0;
    goto out;
fail:
    rc = cli_fail_outputs(&set, &e);
out:
    sens_result_free(&base);
    sobol_design_free(d);
    if (r) gsl_rng_free(r);
    free(f);
    free(rows);
    free(inputs);
    scenario_free(sc);
    return rc;
}
