/* spec.c — parsing, sampling and moments of parameter SPECs (see spec.h).
 *
 * Moments: uniform (a+b)/2, (b-a)^2/12; triangular (a+b+c)/3,
 * (a^2+b^2+c^2-ab-ac-bc)/18; PERT min + (max-min) Beta(alpha, beta) with
 * alpha = 1 + l (mode-min)/(max-min), beta = 1 + l (max-mode)/(max-min);
 * normal truncated to [lo,hi]: mu + sd (phi(A)-phi(B))/(Phi(B)-Phi(A));
 * lognormal: exp(mu + s^2/2), (exp(s^2)-1) exp(2mu + s^2).
 */
#include "spec.h"

#include <ctype.h>
#include <errno.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/suggest.h"

#define Z95 1.6448536269514722

spec spec_const(double v)
{
    spec s;
    memset(&s, 0, sizeof s);
    s.kind = SPEC_CONST;
    s.a = v;
    s.lo = -INFINITY;
    s.hi = INFINITY;
    return s;
}

static int S_fail(char *msg, size_t n, int *errcol, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int S_fail(char *msg, size_t n, int *errcol, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, n, fmt, ap);
    va_end(ap);
    *errcol = col;
    return -1;
}

/* Parses a finite decimal number at *pp; advances past it. With allow_inf,
 * "inf", "+inf" and "-inf" are accepted too (truncation bounds). */
static int S_number(const char *text, const char **pp, double *v, int allow_inf, char *msg,
                    size_t n, int *errcol)
{
    const char *p = *pp;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *start = p;
    const char *q = p; /* the token, for messages */
    while (*q && *q != ',' && *q != ';' && *q != ')' && *q != ':' && *q != ' ' && *q != '\t')
        q++;
    int tlen = (int)(q - p) > 40 ? 40 : (int)(q - p);
    if (tlen == 0) {
        if (*p == '\0')
            return S_fail(msg, n, errcol, (int)(p - text),
                          "expected a number, got the end of the text");
        return S_fail(msg, n, errcol, (int)(p - text), "expected a number, got '%c'", *p);
    }
    for (const char *c = p; c < q; c++)
        if (*c == 'x' || *c == 'X')
            return S_fail(msg, n, errcol, (int)(p - text), "expected a decimal number, got '%.*s'",
                          tlen, p);
    char *end;
    errno = 0;
    double x = strtod(p, &end);
    if (end == p)
        return S_fail(msg, n, errcol, (int)(p - text), "expected a number, got '%.*s'", tlen, p);
    if (isinf(x) && allow_inf && errno != ERANGE) {
        *v = x;
        *pp = end;
        return 0;
    }
    if (isnan(x) || isinf(x) || (errno == ERANGE && fabs(x) > 1)) {
        const char *w = start + (*start == '-' || *start == '+');
        if (isdigit((unsigned char)*w) || *w == '.') /* "1e400" overflows; "inf", "nan" are words */
            return S_fail(msg, n, errcol, (int)(start - text),
                          "expected a number of at most about 1.8e308, got '%.*s'",
                          (int)(end - start), start);
        return S_fail(msg, n, errcol, (int)(start - text), "expected a finite number, got '%.*s'",
                      (int)(end - start), start);
    }
    *v = x;
    *pp = end;
    return 0;
}

static void S_skip_ws(const char **pp)
{
    while (**pp == ' ' || **pp == '\t')
        (*pp)++;
}

typedef struct {
    const char *name;
    spec_kind kind;
    int min_args, max_args;
    const char *usage;
} S_family;

static const S_family S_families[] = {
    {"uniform", SPEC_UNIFORM, 2, 2, "uniform(a,b)"},
    {"tri", SPEC_TRI, 3, 3, "tri(min,mode,max)"},
    {"pert", SPEC_PERT, 3, 4, "pert(min,mode,max[,lambda])"},
    {"normal", SPEC_NORMAL, 2, 4, "normal(mu,sd[,lo,hi])"},
    {"lognormal", SPEC_LOGNORMAL, 2, 2, "lognormal(median,p95)"},
    {"discrete", SPEC_DISCRETE, 1, SPEC_DISCRETE_MAX, "discrete(v1:p1,v2:p2,...)"},
    {"bernoulli", SPEC_BERNOULLI, 1, 1, "bernoulli(p)"},
};

static int S_validate(spec *s, const S_family *f, const int *argcol, const int *pcol, int nargs,
                      char *msg, size_t n, int *errcol)
{
    switch (s->kind) {
    case SPEC_UNIFORM:
        if (s->a == s->b)
            return S_fail(
                msg, n, errcol, argcol[0],
                "%s needs a < b, got a = b = %g (for a fixed value write the number itself)",
                f->usage, s->a);
        if (!(s->a < s->b))
            return S_fail(msg, n, errcol, argcol[0], "%s needs a < b, got a = %g > b = %g",
                          f->usage, s->a, s->b);
        break;
    case SPEC_TRI:
    case SPEC_PERT:
        if (s->a == s->c)
            return S_fail(msg, n, errcol, argcol[0],
                          "%s needs min < max, got min = max = %g (for a fixed value write the "
                          "number itself)",
                          f->usage, s->a);
        if (!(s->a <= s->b && s->b <= s->c))
            return S_fail(msg, n, errcol, argcol[s->a > s->c ? 0 : 1],
                          "%s needs min <= mode <= max, got %g, %g, %g", f->usage, s->a, s->b,
                          s->c);
        if (s->kind == SPEC_PERT) {
            if (nargs < 4) s->d = 4;
            if (!(s->d > 0))
                return S_fail(msg, n, errcol, argcol[3], "%s needs lambda > 0, got %g", f->usage,
                              s->d);
            if (!(s->d <= SPEC_PERT_LAMBDA_MAX))
                return S_fail(msg, n, errcol, argcol[3],
                              "%s needs 0 < lambda <= %g, got %g (narrower than that, write the "
                              "mode itself as a number)",
                              f->usage, SPEC_PERT_LAMBDA_MAX, s->d);
        }
        break;
    case SPEC_NORMAL:
        if (isinf(s->a) || isinf(s->b))
            return S_fail(msg, n, errcol, argcol[isinf(s->a) ? 0 : 1],
                          "%s needs finite mu and sd, got '%g'", f->usage,
                          isinf(s->a) ? s->a : s->b);
        if (!(s->b > 0))
            return S_fail(msg, n, errcol, argcol[1], "%s needs sd > 0, got %g", f->usage, s->b);
        if (nargs >= 3) s->lo = s->c;
        if (nargs >= 4) s->hi = s->d;
        s->c = s->d = 0;
        if (s->lo == INFINITY)
            return S_fail(msg, n, errcol, argcol[2], "%s needs lo < hi, got lo = inf", f->usage);
        if (s->hi == -INFINITY)
            return S_fail(msg, n, errcol, argcol[3], "%s needs lo < hi, got hi = -inf", f->usage);
        if (!(s->lo < s->hi))
            return S_fail(msg, n, errcol, argcol[2], "%s needs lo < hi, got lo = %g, hi = %g",
                          f->usage, s->lo, s->hi);
        if (spec_truncate(s, s->lo, s->hi) != 0)
            return S_fail(msg, n, errcol, argcol[2],
                          "%s needs lo and hi around the bulk of the distribution, got [%g, %g], "
                          "which holds less than one in a million draws",
                          f->usage, s->lo, s->hi);
        break;
    case SPEC_LOGNORMAL:
        if (!(s->a > 0))
            return S_fail(msg, n, errcol, argcol[0], "%s needs median > 0, got %g", f->usage, s->a);
        if (!(s->b > s->a))
            return S_fail(msg, n, errcol, argcol[1],
                          "%s needs p95 > median, got p95 = %g <= median = %g", f->usage, s->b,
                          s->a);
        break;
    case SPEC_BERNOULLI:
        if (!(s->a >= 0 && s->a <= 1))
            return S_fail(msg, n, errcol, argcol[0], "%s needs 0 <= p <= 1, got %g", f->usage,
                          s->a);
        break;
    case SPEC_DISCRETE: {
        double sum = 0;
        for (int i = 0; i < s->n; i++) {
            if (!(s->p[i] >= 0 && s->p[i] <= 1))
                return S_fail(msg, n, errcol, pcol[i], "%s needs each probability in [0,1], got %g",
                              f->usage, s->p[i]);
            sum += s->p[i];
        }
        if (fabs(sum - 1) > 1e-9)
            return S_fail(msg, n, errcol, argcol[0],
                          "%s needs probabilities summing to 1, got a sum of %.10g", f->usage, sum);
        break;
    }
    case SPEC_CONST:
        break;
    }
    return 0;
}

/* Is the identifier at p (length len) a spelling of infinity or NaN? */
static int S_is_number_word(const char *p, size_t len)
{
    static const char *const words[] = {"inf", "infinity", "nan"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == len && strncasecmp(p, words[i], len) == 0) return 1;
    return len > 4 && strncasecmp(p, "nan(", 4) == 0;
}

/* Counts the arguments from p (just after '(') to the closing ')' or the end. */
static int S_count_args(const char *p)
{
    int k = 1;
    for (; *p && *p != ')'; p++)
        if (*p == ',' || *p == ';') k++;
    return k;
}

int spec_parse(const char *text, spec *out, int *errcol, char *msg, size_t msglen)
{
    spec s = spec_const(0);
    const char *p = text;
    S_skip_ws(&p);
    if (*p == '\0')
        return S_fail(msg, msglen, errcol, 0, "expected a number or a distribution, got nothing");
    const char *name = p;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    size_t len = (size_t)(p - name);
    if (isalpha((unsigned char)*name) && !S_is_number_word(name, len)) {
        const S_family *f = NULL;
        const char *names[sizeof S_families / sizeof *S_families];
        for (size_t i = 0; i < sizeof S_families / sizeof *S_families; i++) {
            names[i] = S_families[i].name;
            if (strlen(S_families[i].name) == len && strncmp(S_families[i].name, name, len) == 0)
                f = &S_families[i];
        }
        if (!f) {
            char word[48];
            snprintf(word, sizeof word, "%.*s", (int)(len > 40 ? 40 : len), name);
            const char *after = p;
            S_skip_ws(&after);
            if (*after != '(')
                return S_fail(
                    msg, msglen, errcol, (int)(name - text),
                    "expected a number or a distribution such as uniform(a,b), got '%.40s'", name);
            const char *near = suggest_closest(word, names, sizeof names / sizeof *names);
            for (size_t i = 0; !near && i < sizeof names / sizeof *names; i++) {
                size_t k = strlen(names[i]); /* "triangular" -> tri, "betapert" -> pert */
                if ((len > k && (strncasecmp(name, names[i], k) == 0 ||
                                 strncasecmp(name + len - k, names[i], k) == 0)) ||
                    (len >= 3 && len < k && strncasecmp(name, names[i], len) == 0))
                    near = names[i]; /* ... and "unif" -> uniform */
            }
            if (near)
                return S_fail(
                    msg, msglen, errcol, (int)(name - text),
                    "unknown distribution '%s' (did you mean '%s'?): expected a number "
                    "or one of uniform, tri, pert, normal, lognormal, discrete, bernoulli",
                    word, near);
            return S_fail(msg, msglen, errcol, (int)(name - text),
                          "unknown distribution '%s': expected a number or one of uniform, tri, "
                          "pert, normal, lognormal, discrete, bernoulli",
                          word);
        }
        S_skip_ws(&p);
        if (*p != '(') {
            if (*p == '\0')
                return S_fail(msg, msglen, errcol, (int)(p - text),
                              "expected '(' after '%s' as in %s, got the end of the text", f->name,
                              f->usage);
            return S_fail(msg, msglen, errcol, (int)(p - text),
                          "expected '(' after '%s' as in %s, got '%c'", f->name, f->usage, *p);
        }
        p++;
        s.kind = f->kind;
        double args[SPEC_DISCRETE_MAX];
        int argcol[SPEC_DISCRETE_MAX] = {0}, pcol[SPEC_DISCRETE_MAX] = {0};
        int nargs = 0;
        const char *open = p;
        for (;;) {
            S_skip_ws(&p);
            if (*p == ')' && nargs == 0) break;
            if (nargs >= f->max_args)
                return S_fail(msg, msglen, errcol, (int)(p - text),
                              "%s takes at most %d arguments, got %d", f->usage, f->max_args,
                              S_count_args(open));
            argcol[nargs] = (int)(p - text);
            int allow_inf = f->kind == SPEC_NORMAL && nargs >= 2;
            if (S_number(text, &p, &args[nargs], allow_inf, msg, msglen, errcol) != 0) return -1;
            if (f->kind == SPEC_DISCRETE) {
                S_skip_ws(&p);
                if (*p != ':') {
                    if (*p == '\0')
                        return S_fail(msg, msglen, errcol, (int)(p - text),
                                      "expected ':' between value and probability in %s, got the "
                                      "end of the text",
                                      f->usage);
                    return S_fail(msg, msglen, errcol, (int)(p - text),
                                  "expected ':' between value and probability in %s, got '%c'",
                                  f->usage, *p);
                }
                p++;
                s.v[nargs] = args[nargs];
                S_skip_ws(&p);
                pcol[nargs] = (int)(p - text);
                if (S_number(text, &p, &s.p[nargs], 0, msg, msglen, errcol) != 0) return -1;
            }
            nargs++;
            S_skip_ws(&p);
            if (*p == ',' || *p == ';') {
                p++;
                continue;
            }
            if (*p == ')') break;
            if (*p == '\0')
                return S_fail(msg, msglen, errcol, (int)(p - text),
                              "expected ')' to close %s, got the end of the text", f->usage);
            return S_fail(msg, msglen, errcol, (int)(p - text),
                          "expected ',' or ')' in %s, got '%c'", f->usage, *p);
        }
        p++; /* ')' */
        if (nargs < f->min_args)
            return S_fail(msg, msglen, errcol, (int)(p - 1 - text),
                          "%s takes %s%d argument%s, got %d", f->usage,
                          f->min_args < f->max_args ? "at least " : "", f->min_args,
                          f->min_args == 1 ? "" : "s", nargs);
        if (f->kind == SPEC_DISCRETE)
            s.n = nargs;
        else {
            double *dst[4] = {&s.a, &s.b, &s.c, &s.d};
            for (int i = 0; i < nargs; i++)
                *dst[i] = args[i];
        }
        S_skip_ws(&p);
        if (*p != '\0')
            return S_fail(msg, msglen, errcol, (int)(p - text),
                          "expected nothing after %s, got '%.40s'", f->usage, p);
        if (S_validate(&s, f, argcol, pcol, nargs, msg, msglen, errcol) != 0) return -1;
    } else {
        p = text;
        if (S_number(text, &p, &s.a, 0, msg, msglen, errcol) != 0) return -1;
        S_skip_ws(&p);
        if (*p != '\0') {
            const char *t = text;
            while (*t == ' ' || *t == '\t')
                t++;
            if (*p == ',' && isdigit((unsigned char)p[1]))
                return S_fail(msg, msglen, errcol, (int)(p - text),
                              "expected a number, got '%.40s' (write decimals with '.' and no "
                              "thousands separators)",
                              t);
            return S_fail(msg, msglen, errcol, (int)(p - text),
                          "expected a number, got '%.40s' (a unit goes in the unit column, or "
                          "after a space with --set)",
                          t);
        }
    }
    *out = s;
    return 0;
}

/* ---- the standard normal pieces used by truncation ---- */
static double S_pert_alpha(const spec *s)
{
    return 1 + s->d * (s->b - s->a) / (s->c - s->a);
}
static double S_pert_beta(const spec *s)
{
    return 1 + s->d * (s->c - s->b) / (s->c - s->a);
}
static double S_ln_mu(const spec *s)
{
    return log(s->a);
}
static double S_ln_sigma(const spec *s)
{
    return (log(s->b) - log(s->a)) / Z95;
}

static double S_tri_quantile(const spec *s, double u)
{
    double a = s->a, m = s->b, c = s->c;
    double fm = (m - a) / (c - a);
    if (u < fm) return a + sqrt(u * (c - a) * (m - a));
    return c - sqrt((1 - u) * (c - a) * (c - m));
}

static double S_discrete_quantile(const spec *s, double u)
{
    double cum = 0;
    for (int i = 0; i < s->n; i++) {
        cum += s->p[i];
        if (u < cum) return s->v[i];
    }
    return s->v[s->n - 1];
}

double spec_quantile(const spec *s, double u)
{
    switch (s->kind) {
    case SPEC_CONST:
        return s->a;
    case SPEC_UNIFORM:
        return s->a + (s->b - s->a) * u;
    case SPEC_TRI:
        return S_tri_quantile(s, u);
    case SPEC_PERT:
        return s->a + (s->c - s->a) * gsl_cdf_beta_Pinv(u, S_pert_alpha(s), S_pert_beta(s));
    case SPEC_NORMAL: {
        double fa = isinf(s->lo) ? 0 : gsl_cdf_gaussian_P(s->lo - s->a, s->b);
        double fb = isinf(s->hi) ? 1 : gsl_cdf_gaussian_P(s->hi - s->a, s->b);
        double x = s->a + gsl_cdf_gaussian_Pinv(fa + u * (fb - fa), s->b);
        return x < s->lo ? s->lo : x > s->hi ? s->hi : x;
    }
    case SPEC_LOGNORMAL: {
        double fa = s->lo > 0 ? gsl_cdf_lognormal_P(s->lo, S_ln_mu(s), S_ln_sigma(s)) : 0;
        double fb = isinf(s->hi) ? 1 : gsl_cdf_lognormal_P(s->hi, S_ln_mu(s), S_ln_sigma(s));
        double x = gsl_cdf_lognormal_Pinv(fa + u * (fb - fa), S_ln_mu(s), S_ln_sigma(s));
        return x < s->lo ? s->lo : x > s->hi ? s->hi : x;
    }
    case SPEC_DISCRETE:
        return S_discrete_quantile(s, u);
    case SPEC_BERNOULLI:
        return u < 1 - s->a ? 0 : 1;
    }
    return s->a;
}

static int S_truncated(const spec *s)
{
    return !isinf(s->lo) || !isinf(s->hi);
}

double spec_sample(const gsl_rng *r, const spec *s)
{
    switch (s->kind) {
    case SPEC_CONST:
        return s->a;
    case SPEC_UNIFORM:
        return gsl_ran_flat(r, s->a, s->b);
    case SPEC_TRI:
        return S_tri_quantile(s, gsl_rng_uniform(r));
    case SPEC_PERT:
        return s->a + (s->c - s->a) * gsl_ran_beta(r, S_pert_alpha(s), S_pert_beta(s));
    case SPEC_NORMAL:
        if (!S_truncated(s)) return s->a + gsl_ran_gaussian_ziggurat(r, s->b);
        return spec_quantile(s, gsl_rng_uniform_pos(r));
    case SPEC_LOGNORMAL:
        if (!(s->lo > 0) && isinf(s->hi)) return gsl_ran_lognormal(r, S_ln_mu(s), S_ln_sigma(s));
        return spec_quantile(s, gsl_rng_uniform_pos(r));
    case SPEC_DISCRETE:
        return S_discrete_quantile(s, gsl_rng_uniform(r));
    case SPEC_BERNOULLI:
        return (double)gsl_ran_bernoulli(r, s->a);
    }
    return s->a;
}

static void S_trunc_normal_moments(const spec *s, double *mean, double *var)
{
    double al = isinf(s->lo) ? -INFINITY : (s->lo - s->a) / s->b;
    double be = isinf(s->hi) ? INFINITY : (s->hi - s->a) / s->b;
    double pa = isinf(al) ? 0 : gsl_ran_ugaussian_pdf(al);
    double pb = isinf(be) ? 0 : gsl_ran_ugaussian_pdf(be);
    double z = gsl_cdf_ugaussian_P(be) - gsl_cdf_ugaussian_P(al);
    double m = (pa - pb) / z;
    double t = ((isinf(al) ? 0 : al * pa) - (isinf(be) ? 0 : be * pb)) / z;
    *mean = s->a + s->b * m;
    *var = s->b * s->b * (1 + t - m * m);
}

static double S_numeric_moment(const spec *s, int k)
{
    /* Midpoint rule on the quantile function: used only for truncated lognormals. */
    const int n = 20000;
    double m = 0, m2 = 0;
    for (int i = 0; i < n; i++) {
        double x = spec_quantile(s, (i + 0.5) / n);
        m += x;
        m2 += x * x;
    }
    m /= n;
    m2 /= n;
    return k == 1 ? m : m2 - m * m;
}

double spec_mean(const spec *s)
{
    switch (s->kind) {
    case SPEC_CONST:
        return s->a;
    case SPEC_UNIFORM:
        return (s->a + s->b) / 2;
    case SPEC_TRI:
        return (s->a + s->b + s->c) / 3;
    case SPEC_PERT: {
        double al = S_pert_alpha(s), be = S_pert_beta(s);
        return s->a + (s->c - s->a) * al / (al + be);
    }
    case SPEC_NORMAL: {
        double m, v;
        if (!S_truncated(s)) return s->a;
        S_trunc_normal_moments(s, &m, &v);
        return m;
    }
    case SPEC_LOGNORMAL: {
        if (s->lo > 0 || !isinf(s->hi)) return S_numeric_moment(s, 1);
        double sg = S_ln_sigma(s);
        return exp(S_ln_mu(s) + sg * sg / 2);
    }
    case SPEC_DISCRETE: {
        double m = 0;
        for (int i = 0; i < s->n; i++)
            m += s->v[i] * s->p[i];
        return m;
    }
    case SPEC_BERNOULLI:
        return s->a;
    }
    return s->a;
}

double spec_variance(const spec *s)
{
    switch (s->kind) {
    case SPEC_CONST:
        return 0;
    case SPEC_UNIFORM:
        return (s->b - s->a) * (s->b - s->a) / 12;
    case SPEC_TRI: {
        double a = s->a, b = s->b, c = s->c;
        return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case SPEC_PERT: {
        double al = S_pert_alpha(s), be = S_pert_beta(s), w = s->c - s->a;
        return w * w * al * be / ((al + be) * (al + be) * (al + be + 1));
    }
    case SPEC_NORMAL: {
        double m, v;
        if (!S_truncated(s)) return s->b * s->b;
        S_trunc_normal_moments(s, &m, &v);
        return v;
    }
    case SPEC_LOGNORMAL: {
        if (s->lo > 0 || !isinf(s->hi)) return S_numeric_moment(s, 2);
        double sg = S_ln_sigma(s), mu = S_ln_mu(s);
        return (exp(sg * sg) - 1) * exp(2 * mu + sg * sg);
    }
    case SPEC_DISCRETE: {
        double m = spec_mean(s), v = 0;
        for (int i = 0; i < s->n; i++)
            v += s->p[i] * (s->v[i] - m) * (s->v[i] - m);
        return v;
    }
    case SPEC_BERNOULLI:
        return s->a * (1 - s->a);
    }
    return 0;
}

void spec_support(const spec *s, double *lo, double *hi)
{
    switch (s->kind) {
    case SPEC_CONST:
        *lo = *hi = s->a;
        return;
    case SPEC_UNIFORM:
        *lo = s->a, *hi = s->b;
        return;
    case SPEC_TRI:
    case SPEC_PERT:
        *lo = s->a, *hi = s->c;
        return;
    case SPEC_NORMAL:
        *lo = s->lo, *hi = s->hi;
        return;
    case SPEC_LOGNORMAL:
        *lo = s->lo > 0 ? s->lo : 0, *hi = s->hi;
        return;
    case SPEC_DISCRETE:
        *lo = INFINITY, *hi = -INFINITY;
        for (int i = 0; i < s->n; i++) {
            if (s->p[i] <= 0) continue;
            if (s->v[i] < *lo) *lo = s->v[i];
            if (s->v[i] > *hi) *hi = s->v[i];
        }
        return;
    case SPEC_BERNOULLI:
        *lo = s->a < 1 ? 0 : 1, *hi = s->a > 0 ? 1 : 0;
        return;
    }
}

int spec_is_const(const spec *s)
{
    double lo, hi;
    spec_support(s, &lo, &hi);
    return lo == hi;
}

void spec_scale(spec *s, double f)
{
    if (f == 1) return;
    switch (s->kind) {
    case SPEC_CONST:
        s->a *= f;
        break;
    case SPEC_UNIFORM:
        s->a *= f, s->b *= f;
        break;
    case SPEC_TRI:
    case SPEC_PERT:
        s->a *= f, s->b *= f, s->c *= f;
        break;
    case SPEC_NORMAL:
    case SPEC_LOGNORMAL:
        s->a *= f, s->b *= f, s->lo *= f, s->hi *= f;
        break;
    case SPEC_DISCRETE:
        for (int i = 0; i < s->n; i++)
            s->v[i] *= f;
        break;
    case SPEC_BERNOULLI: {
        /* becomes discrete(0:1-p, f:p) */
        double p = s->a;
        s->kind = SPEC_DISCRETE;
        s->n = 2;
        s->v[0] = 0, s->p[0] = 1 - p;
        s->v[1] = f, s->p[1] = p;
        break;
    }
    }
}

int spec_truncate(spec *s, double lo, double hi)
{
    if (s->kind != SPEC_NORMAL && s->kind != SPEC_LOGNORMAL) return 0;
    if (lo > s->lo) s->lo = lo;
    if (hi < s->hi) s->hi = hi;
    if (!(s->lo < s->hi)) return -1;
    double mass;
    if (s->kind == SPEC_NORMAL)
        mass = gsl_cdf_gaussian_P(s->hi - s->a, s->b) - gsl_cdf_gaussian_P(s->lo - s->a, s->b);
    else
        mass = (isinf(s->hi) ? 1 : gsl_cdf_lognormal_P(s->hi, S_ln_mu(s), S_ln_sigma(s))) -
               (s->lo > 0 ? gsl_cdf_lognormal_P(s->lo, S_ln_mu(s), S_ln_sigma(s)) : 0);
    return mass < 1e-6 ? -1 : 0;
}

void spec_format(const spec *s, char *buf, size_t n)
{
    switch (s->kind) {
    case SPEC_CONST:
        snprintf(buf, n, "%.10g", s->a);
        return;
    case SPEC_UNIFORM:
        snprintf(buf, n, "uniform(%.10g,%.10g)", s->a, s->b);
        return;
    case SPEC_TRI:
        snprintf(buf, n, "tri(%.10g,%.10g,%.10g)", s->a, s->b, s->c);
        return;
    case SPEC_PERT:
        if (s->d == 4)
            snprintf(buf, n, "pert(%.10g,%.10g,%.10g)", s->a, s->b, s->c);
        else
            snprintf(buf, n, "pert(%.10g,%.10g,%.10g,%.10g)", s->a, s->b, s->c, s->d);
        return;
    case SPEC_NORMAL:
        if (!S_truncated(s))
            snprintf(buf, n, "normal(%.10g,%.10g)", s->a, s->b);
        else
            snprintf(buf, n, "normal(%.10g,%.10g,%.10g,%.10g)", s->a, s->b, s->lo, s->hi);
        return;
    case SPEC_LOGNORMAL:
        snprintf(buf, n, "lognormal(%.10g,%.10g)", s->a, s->b);
        return;
    case SPEC_BERNOULLI:
        snprintf(buf, n, "bernoulli(%.10g)", s->a);
        return;
    case SPEC_DISCRETE: {
        size_t k = (size_t)snprintf(buf, n, "discrete(");
        for (int i = 0; i < s->n && k < n; i++)
            k += (size_t)snprintf(buf + k, n - k, "%s%.10g:%.10g", i ? "," : "", s->v[i], s->p[i]);
        if (k < n) snprintf(buf + k, n - k, ")");
        return;
    }
    }
}
