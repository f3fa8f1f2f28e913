/* sampling.c — Latin hypercube strata and the Gaussian copula (see sampling.h). */
#include "sampling.h"

#include <assert.h>
#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>

#include "scenario/param_slot.h"
#include "streams.h"

struct sampling_lhs {
    uint64_t n;
    int nflat;
    uint32_t **perm; /* [nflat]: the strata of a sampled slot by trajectory, or NULL */
};

void sampling_lhs_free(sampling_lhs *l)
{
    if (!l) return;
    for (int i = 0; i < l->nflat; i++)
        free(l->perm[i]);
    free(l->perm);
    free(l);
}

sampling_lhs *sampling_lhs_new(const scenario *sc, uint64_t seed, uint64_t n, hs_error *e)
{
    assert(n >= 1 && n <= SAMPLING_LHS_MAX);
    sampling_lhs *l = calloc(1, sizeof *l);
    gsl_rng *r = streams_alloc();
    if (!l || !r) goto oom;
    l->n = n;
    l->nflat = PG_COUNT + sc->nopt * PO_COUNT;
    if (!(l->perm = calloc((size_t)l->nflat, sizeof *l->perm))) goto oom;
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
        if (spec_is_const(&PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p)->s)) continue;
        uint32_t *p = malloc(n * sizeof *p);
        if (!p) goto oom;
        l->perm[CORR_FLAT(s.opt, s.d->index)] = p;
        for (uint64_t i = 0; i < n; i++)
            p[i] = (uint32_t)i;
        streams_key(r, seed, 0, "lhs", param_slot_owner(sc, &s), s.d->name);
        gsl_ran_shuffle(r, p, n, sizeof *p);
    }
    gsl_rng_free(r);
    return l;
oom:
    if (r) gsl_rng_free(r);
    sampling_lhs_free(l);
    hs_error_set(e, HS_ERR_RUNTIME, "out of memory (Latin hypercube strata of %llu trajectories)",
                 (unsigned long long)n);
    return NULL;
}

double sampling_uniform(const sampling_lhs *l, int flat, uint64_t t, const gsl_rng *r)
{
    const double v = gsl_rng_uniform_pos(r);
    if (!l) return v;
    assert(flat >= 0 && flat < l->nflat && l->perm[flat] && t < l->n);
    return ((double)l->perm[flat][t] + v) / (double)l->n;
}

void sampling_copula(const scenario_corr *c, double *u)
{
    const int k = c->k;
    double z[CORR_MAX_PARAMS];
    for (int i = 0; i < k; i++)
        z[i] = gsl_cdf_ugaussian_Pinv(u[i]);
    for (int i = 0; i < k; i++) {
        double s = 0;
        for (int j = 0; j <= i; j++)
            s += c->chol[i * k + j] * z[j];
        /* Phi from the nearer tail keeps precision; (0, 1) open for every quantile function */
        double p = s < 0 ? gsl_cdf_ugaussian_P(s) : 1 - gsl_cdf_ugaussian_Q(s);
        u[i] = p < DBL_MIN ? DBL_MIN : p > 1 - DBL_EPSILON / 2 ? 1 - DBL_EPSILON / 2 : p;
    }
}
