/* spec.h — a parameter's value: a number or a distribution, written in one cell.
 *
 * Syntax (the same in CSV cells and on the command line; arguments may be
 * separated by ',' or ';', spaces are ignored):
 *   12.5                       a fixed number
 *   uniform(a,b)               a < b
 *   tri(min,mode,max)          min <= mode <= max, min < max
 *   pert(min,mode,max[,l])     Beta-PERT, shape 0 < l <= SPEC_PERT_LAMBDA_MAX (default 4)
 *   normal(mu,sd[,lo,hi])      sd > 0; truncated to [lo,hi] (and to the parameter's bounds);
 *                              lo may be -inf and hi inf (one-sided truncation)
 *   lognormal(median,p95)      0 < median < p95: ln X ~ N(ln median, (ln p95 - ln median)/1.645)
 *   discrete(v1:p1,v2:p2,...)  p >= 0, sum of p = 1 (within 1e-9), at most SPEC_DISCRETE_MAX
 *   bernoulli(p)               1 with probability p, else 0
 * Sampling uses GSL. Every kind also has a quantile function, used by the
 * sensitivity analysis (p10/p90, Sobol designs) and by `hostsim params`.
 */
#ifndef HS_SPEC_H
#define HS_SPEC_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef enum {
    SPEC_CONST,
    SPEC_UNIFORM,
    SPEC_TRI,
    SPEC_PERT,
    SPEC_NORMAL,
    SPEC_LOGNORMAL,
    SPEC_DISCRETE,
    SPEC_BERNOULLI
} spec_kind;

#define SPEC_DISCRETE_MAX 16
/* The largest PERT shape. The Beta's parameters then stay at most 101, where GSL's quantile
 * (tornado, Sobol) converges for every mode and level tried (a 201 x 2,006 grid; at 200 it
 * fails at the extremes, and at 1e8 tornado and sobol never ended); the sd is then at most
 * 1/20 of the range, so a larger shape would say "the mode" in all but name. */
#define SPEC_PERT_LAMBDA_MAX 100.0

typedef struct {
    spec_kind kind;
    /* CONST: a. UNIFORM: a,b. TRI/PERT: a=min b=mode c=max d=lambda.
     * NORMAL: a=mu b=sd, lo/hi truncation. LOGNORMAL: a=median b=p95. BERNOULLI: a=p. */
    double a, b, c, d;
    double lo, hi; /* truncation (NORMAL, LOGNORMAL); -inf/+inf when none */
    int n;         /* DISCRETE: number of values */
    double v[SPEC_DISCRETE_MAX];
    double p[SPEC_DISCRETE_MAX];
} spec;

/* Parses text. On failure returns -1, writes a message (without location)
 * into msg and the 0-based byte offset of the problem into *errcol.
 * Numbers are decimal (no hex), finite and at most about 1.8e308 in size. */
int spec_parse(const char *text, spec *out, int *errcol, char *msg, size_t msglen);

double spec_sample(const gsl_rng *r, const spec *s);
double spec_quantile(const spec *s, double u); /* u in (0,1) */
double spec_mean(const spec *s);
double spec_variance(const spec *s);
void spec_support(const spec *s, double *lo, double *hi);
int spec_is_const(const spec *s);
/* Multiplies the distribution by factor > 0 (unit conversion). */
void spec_scale(spec *s, double factor);
/* Narrows the truncation of unbounded kinds to [lo,hi]. Returns -1 when
 * the distribution has no mass left there. */
int spec_truncate(spec *s, double lo, double hi);
/* Canonical text, parseable by spec_parse. */
void spec_format(const spec *s, char *buf, size_t n);
spec spec_const(double v);

#endif
