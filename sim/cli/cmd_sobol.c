/* cmd_sobol.c — `hostsim sobol`: first- and total-order Sobol indices.
 *
 * Each model run is one trajectory with the uncertain inputs set from a
 * row of the Saltelli design (sim/analysis/sobol.c) through each input's quantile
 * function. The trajectory's own randomness (demand, outages, incidents)
 * is one more input that is never varied alone: A-row r and every AB_i-row
 * r use stream index r, B-row r uses N + r. Its share of the variance is
 * what the indices of the listed inputs do not explain.
 * An AB_i row of a price-only input i (engine/record.h) has its A row's
 * physical record: it re-prices the A row's kept record instead of being
 * simulated, with the same numbers to the bit (--exhaustive simulates all).
 * An AB_i row of a physical input the traffic does not read (HS_TRAFFIC_INPUTS) is
 * simulated with its A row's traffic restored (engine/traffic_record.h), to the bit too.
 * Estimators: Saltelli 2010 (S1), Jansen 1999 (ST), bootstrap 95 % CIs.
 *
 * The block AB_i of an input that cannot move the target (sens_input_moves)
 * is not simulated: f(AB_i) is f(A) exactly (the same streams, and input i
 * is read by nothing the target sees), so it is copied from A, and its
 * indices come out exactly 0 as a full run would give them; its note says
 * why. Under MPI every rank takes part in the runs and rank 0 writes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sens_common.h"
#include "analysis/sobol.h"
#include "analysis_set.h"
#include "args.h"
#include "base/hs_clock.h"
#include "engine/record.h"
#include "engine/streams.h"
#include "run/runner.h"
#include "scenario/correlations.h"
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
    const int *block; /* the design's blocks simulated, in order (0 A, 1 B, 2 + i AB_i) */
} S_ctx;

static uint64_t S_prepare(void *vc, uint64_t run, double *fixed_g, double *fixed_o)
{
    const S_ctx *c = vc;
    double u[1024];
    uint64_t block = (uint64_t)c->block[run / c->n], row = run % c->n;
    sobol_design_point(c->d, (size_t)(block * c->n + row), u);
    for (int j = 0; j < c->n_in; j++)
        sens_fix(&c->inputs[j].in, spec_quantile(&c->inputs[j].v->s, u[j]), fixed_g, fixed_o);
    return block == 1 ? c->n + row : row;
}

/* The blocks to simulate (A, B, the AB_i of the inputs that can move t) into block[], their
 * number returned; note[i] says why input i was left out, or is "". */
static int S_blocks(const scenario *sc, const sens_target *t, const sens_input *inputs, int n_in,
                    int *block, char (*note)[160])
{
    int nb = 0;
    block[nb++] = 0;
    block[nb++] = 1;
    for (int i = 0; i < n_in; i++)
        if (sens_input_moves(sc, t, &inputs[i].in, note[i], sizeof note[i])) block[nb++] = 2 + i;
    return nb;
}

/* From the outputs of the simulated blocks (fc, in S_blocks' order) to the full design's
 * fA | fB | fAB (f): a block not simulated is f(A). */
static void S_expand(const int *block, int nb, int n_in, uint64_t n, const double *fc, double *f)
{
    for (int i = 0; i < n_in + 2; i++)
        memcpy(f + (size_t)i * n, fc, n * sizeof *f);
    for (int k = 0; k < nb; k++)
        memcpy(f + (size_t)block[k] * n, fc + (size_t)k * n, n * sizeof *f);
}

typedef struct {
    int idx;
    sobol_index s;
    const char *note; /* why the input was not simulated, or "" */
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
            rp[j].idx = j, rp[j].s = idx[j], rp[j].note = "";
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
    double *f = NULL, *fc = NULL, *tmp = NULL;
    int *block = NULL;
    char(*note)[160] = NULL;
    S_row *rows = NULL;
    gsl_rng *r = NULL;
    sens_result base = {0};
    sim_records *kept = NULL;
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
    const int root = runner_rank() == 0; /* the rank that writes */
    /* its own set: it replaces the folder's (its own folder, by default) */
    if (root && outfile_set_begin(&set, a.out, a.overwrite ? OUTFILE_OVERWRITE : 0, &e) != HS_OK)
        goto fail;
    signals_install();
    /* a small base run picks the default target */
    if (sens_simulate(sc, &so, NULL, NULL, 200, &base, &e) != HS_OK) goto fail;
    if (sens_target_parse(sc, &so, base.agg, &t, &e) != HS_OK) goto fail;
    block = malloc((size_t)(n_in + 2) * sizeof *block);
    note = calloc((size_t)n_in, sizeof *note);
    r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r || !block || !note) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    gsl_rng_set(r, (unsigned long)streams_hash(a.seed, 0, "sobol-design", NULL, NULL));
    const uint64_t N = a.samples;
    if (!(d = sobol_design_new(r, (size_t)N, (size_t)n_in, &e))) goto fail;
    const int nb = S_blocks(sc, &t, inputs, n_in, block, note);
    const uint64_t runs = N * (uint64_t)nb;         /* N x (D + 2) less the blocks left out */
    const uint64_t full = N * (uint64_t)(n_in + 2); /* the design: A | B | AB_1 .. AB_D */
    /* the periods: the target's own (the horizon or --year K), or the horizon and every year */
    const int np = a.by_year ? 1 + a.years : 1;
    if (!a.quiet && sc->corr && sc->corr->k)
        fprintf(stderr,
                "hostsim sobol: warning: the scenario declares %d rank correlations "
                "(correlations.csv); Sobol indices assume independent inputs, so the design "
                "samples every input independently and the correlations are not applied "
                "(docs/sensitivity-methods.md, section 5)\n",
                sc->corr->nrows);
    if (!a.quiet)
        fprintf(stderr,
                "hostsim sobol: %d uncertain inputs (%d can move the target), %llu samples: "
                "%llu model runs (N x (%d + 2)), %s design, target %s\n",
                n_in, nb - 2, (unsigned long long)N, (unsigned long long)runs, nb - 2,
                sobol_design_is_quasi(d) ? "quasi-random (Sobol sequence)" : "pseudo-random",
                t.label);
    f = malloc((size_t)np * full * sizeof *f);
    fc = malloc((size_t)np * runs * sizeof *fc);
    rows = calloc((size_t)np * (size_t)n_in, sizeof *rows);
    if (!f || !fc || !rows) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    S_ctx c = {d, inputs, n_in, N, block};
    /* the A rows' physical records: an AB_i row of a price-only input i re-prices its A row's
     * (two calls: A, then B and the AB_i; each of np periods' values, block by block, into tmp) */
    kept = sens_records_new(base.plan, &so, N, &e);
    if (!kept && !so.exhaustive) goto fail;
    tmp = malloc((size_t)np * runs * sizeof *tmp);
    if (!tmp) {
        hs_error_set(&e, HS_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    double *rest = tmp + (size_t)np * N;
    if (sens_collect_records(base.plan, &so, &t, S_prepare, &c, 0, N, np > 1, kept, NULL, tmp,
                             &e) != HS_OK ||
        sens_collect_records(base.plan, &so, &t, S_prepare, &c, N, runs - N, np > 1, NULL, kept,
                             rest, &e) != HS_OK)
        goto fail;
    for (int p = 0; p < np; p++) {
        memcpy(fc + (size_t)p * runs, tmp + (size_t)p * N, N * sizeof *fc);
        memcpy(fc + (size_t)p * runs + N, rest + (size_t)p * (runs - N), (runs - N) * sizeof *fc);
    }
    if (!root) goto done; /* only rank 0 has the outputs */
    for (int p = 0; p < np; p++)
        S_expand(block, nb, n_in, N, fc + (size_t)p * runs, f + (size_t)p * full);
    if (S_estimate(N, n_in, np, full, f, a.seed, rows, &e) != HS_OK) goto fail;
    for (size_t k = 0; k < (size_t)np * (size_t)n_in; k++)
        rows[k].note = note[rows[k].idx];
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
    fputs("input,metric,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,year,note\n", outfile_stream(o));
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
            outfile_csv_str(o, row->note);
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
done:
    rc = 0;
    goto out;
fail:
    rc = cli_fail_outputs(&set, &e);
out:
    sens_result_free(&base);
    sim_records_free(kept);
    sobol_design_free(d);
    if (r) gsl_rng_free(r);
    free(f);
    free(fc);
    free(tmp);
    free(block);
    free(note);
    free(rows);
    free(inputs);
    scenario_free(sc);
    return rc;
}
