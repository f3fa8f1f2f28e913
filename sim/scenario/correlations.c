/* correlations.c — correlations.csv: the rows, their checks, the factor (see correlations.h).
 *
 * Positive definiteness is tested by GSL's Cholesky decomposition (gsl_linalg_cholesky_decomp1,
 * which fails on a matrix that is not), with GSL's error handler off while it runs: a failure
 * there is an answer, not an error to record.
 */
#include "correlations.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "param_slot.h"

double correlations_pearson(double rho)
{
    double r = 2 * sin(M_PI * rho / 6);
    const double cap = 1 - CORR_R_EPS;
    return r > cap ? cap : r < -cap ? -cap : r;
}

/* The value of parameter d of option opt (-1: global). */
static const param_value *S_value(const scenario *sc, int opt, const param_def *d)
{
    return opt < 0 ? &sc->g[d->index] : &sc->opt[opt].p[d->index];
}

/* "unknown parameter" with the closest sampled OWNER.NAME, if any. */
static hs_status S_unknown(const scenario *sc, const csvin_row *row, int f, const char *why,
                           hs_error *e)
{
    const size_t cap = PG_COUNT + (size_t)sc->nopt * PO_COUNT;
    char(*names)[80] = malloc(cap * sizeof *names);
    const char **list = malloc(cap * sizeof *list);
    size_t n = 0;
    if (names && list) {
        PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
            const param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
            if (!v->present || spec_is_const(&v->s)) continue;
            snprintf(names[n], sizeof names[n], "%s.%s", param_slot_owner(sc, &s), s.d->name);
            list[n] = names[n];
            n++;
        }
    }
    const char *near = suggest_closest(row->field[f], list, n);
    hs_status st = csvin_error(e, row, f,
                               "%s '%s': expected OWNER.PARAMETER as 'hostsim params' lists it, "
                               "e.g. global.volume_month%s%s%s",
                               why, row->field[f], near ? " (did you mean '" : "", near ? near : "",
                               near ? "'?)" : "");
    free(names);
    free(list);
    return st;
}

/* The index in c->params of the parameter named in field f, added when new. */
static hs_status S_param(scenario *sc, const csvin_row *row, const char *dir, int f, int *out,
                         hs_error *e)
{
    scenario_corr *c = sc->corr;
    const char *t = row->field[f];
    const char *dot = strchr(t, '.');
    if (!dot || dot == t || dot[1] == '\0') return S_unknown(sc, row, f, "unknown parameter", e);
    char owner[64];
    snprintf(owner, sizeof owner, "%.*s", (int)(dot - t), t);
    int opt = -1;
    param_scope scope = PARAM_GLOBAL;
    if (strcmp(owner, "global") != 0) {
        scope = PARAM_OPTION;
        opt = scenario_option_index(sc, owner);
        if (opt < 0) return S_unknown(sc, row, f, "unknown option in", e);
    }
    const param_def *d = params_find(dot + 1, scope);
    if (!d) return S_unknown(sc, row, f, "unknown parameter", e);
    const param_value *v = S_value(sc, opt, d);
    if (!v->present)
        return csvin_error(e, row, f,
                           "expected a sampled parameter, got '%s', which params.csv does not set "
                           "(its built-in default %g is a fixed number): give it a distribution "
                           "in params.csv first",
                           t, d->def);
    /* a base scenario's row whose parameter the scenario that extends it fixes is dropped, as
     * for --set (correlations_finalize); fixed in this row's own folder, it is a mistake */
    if (spec_is_const(&v->s) && v->dir == dir)
        return csvin_error(e, row, f,
                           "expected a sampled parameter, got '%s', which is the fixed number "
                           "'%s' (params.csv line %zu): a rank correlation needs a distribution",
                           t, v->text, v->line);
    for (int i = 0; i < c->nparams; i++)
        if (c->params[i].opt == opt && c->params[i].d == d) {
            *out = i;
            return HS_OK;
        }
    if (c->nparams == CORR_MAX_PARAMS)
        return csvin_error(e, row, f, "expected at most %d distinct parameters, got a %dth: '%s'",
                           CORR_MAX_PARAMS, CORR_MAX_PARAMS + 1, t);
    corr_param *p = &c->params[c->nparams];
    memset(p, 0, sizeof *p);
    p->opt = opt;
    p->d = d;
    snprintf(p->name, sizeof p->name, "%s.%s", owner, d->name);
    *out = c->nparams++;
    return HS_OK;
}

/* Factors the Pearson matrix of the rows whose two parameters are both in `use` (indices in
 * c->params, n of them) into L (n x n, row-major, lower triangle). -1 when it is not
 * positive definite. */
static int S_factor(const scenario_corr *c, const int *use, int n, double *L)
{
    int where[CORR_MAX_PARAMS];
    for (int i = 0; i < c->nparams; i++)
        where[i] = -1;
    for (int i = 0; i < n; i++)
        where[use[i]] = i;
    gsl_matrix_view m = gsl_matrix_view_array(L, (size_t)n, (size_t)n);
    gsl_matrix_set_identity(&m.matrix);
    for (int i = 0; i < c->nrows; i++) {
        int a = where[c->rows[i].a], b = where[c->rows[i].b];
        if (a < 0 || b < 0) continue;
        double r = correlations_pearson(c->rows[i].rho);
        gsl_matrix_set(&m.matrix, (size_t)a, (size_t)b, r);
        gsl_matrix_set(&m.matrix, (size_t)b, (size_t)a, r);
    }
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int st = n ? gsl_linalg_cholesky_decomp1(&m.matrix) : GSL_SUCCESS;
    gsl_set_error_handler(old);
    if (st != GSL_SUCCESS) return -1;
    for (int i = 0; i < n; i++) /* the upper triangle holds L^T: clear it */
        for (int j = i + 1; j < n; j++)
            L[i * n + j] = 0;
    return 0;
}

/* The lines of the earlier rows that share a parameter with the last one, for the message. */
static void S_related_lines(const scenario_corr *c, char *buf, size_t n)
{
    const corr_row *last = &c->rows[c->nrows - 1];
    buf[0] = '\0';
    int k = 0;
    for (int i = 0; i + 1 < c->nrows; i++) {
        const corr_row *r = &c->rows[i];
        if (r->a != last->a && r->a != last->b && r->b != last->a && r->b != last->b) continue;
        size_t len = strlen(buf);
        if (k++ == 8) {
            snprintf(buf + len, n - len, ", ...");
            break;
        }
        snprintf(buf + len, n - len, "%s%zu", len ? ", " : "", r->line);
    }
}

hs_status correlations_row(scenario *sc, const csvin_row *row, const char *dir, hs_error *e)
{
    if (!sc->corr && !(sc->corr = calloc(1, sizeof *sc->corr)))
        return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    scenario_corr *c = sc->corr;
    if (c->nrows == CORR_MAX_ROWS)
        return csvin_error(e, row, 0, "expected at most %d rows, got more", CORR_MAX_ROWS);
    int a, b;
    HS_FORWARD(S_param(sc, row, dir, 0, &a, e));
    HS_FORWARD(S_param(sc, row, dir, 1, &b, e));
    if (a == b)
        return csvin_error(e, row, 1,
                           "expected two different parameters, got '%s' with itself (its rank "
                           "correlation with itself is 1 by definition)",
                           row->field[1]);
    for (int i = 0; i < c->nrows; i++)
        if ((c->rows[i].a == a && c->rows[i].b == b) || (c->rows[i].a == b && c->rows[i].b == a))
            return csvin_error(e, row, 0,
                               "duplicate pair: expected %s and %s once, got them again (first "
                               "on line %zu)",
                               c->params[a].name, c->params[b].name, c->rows[i].line);
    const char *t = row->field[2];
    char *end;
    errno = 0;
    double rho = strtod(t, &end);
    if (end == t || *end != '\0' || strpbrk(t, "xX") || !isfinite(rho))
        return csvin_error(e, row, 2,
                           "expected a rank correlation (a number from -1 to 1), got '%s'", t);
    if (rho < -1 || rho > 1)
        return csvin_error(e, row, 2, "expected a rank correlation from -1 to 1, got '%s'", t);
    corr_row *r = &c->rows[c->nrows++];
    r->a = a;
    r->b = b;
    r->rho = rho;
    r->line = row->line;
    snprintf(r->src, sizeof r->src, "%s", row->field[3]);
    int all[CORR_MAX_PARAMS];
    for (int i = 0; i < c->nparams; i++)
        all[i] = i;
    double L[CORR_MAX_PARAMS * CORR_MAX_PARAMS];
    if (S_factor(c, all, c->nparams, L) != 0) {
        char lines[128];
        S_related_lines(c, lines, sizeof lines);
        return csvin_error(e, row, 2,
                           "expected correlations that some joint distribution can have, got %s "
                           "for %s and %s, which with the rows before it makes the correlation "
                           "matrix not positive definite (2 sin(pi rho/6) of each rho, as the "
                           "copula uses them; a pair not listed counts as 0)%s%s: weaken this "
                           "value or one of those rows",
                           t, c->params[a].name, c->params[b].name,
                           lines[0] ? "; rows involved: lines " : "", lines);
    }
    return HS_OK;
}

hs_status correlations_finalize(scenario *sc, hs_error *e)
{
    scenario_corr *c = sc->corr;
    if (!c) return HS_OK;
    for (size_t i = 0; i < sizeof c->slot_k / sizeof *c->slot_k; i++)
        c->slot_k[i] = -1;
    c->k = 0;
    for (int i = 0; i < c->nparams; i++) {
        corr_param *p = &c->params[i];
        p->active = !spec_is_const(&S_value(sc, p->opt, p->d)->s);
        p->k = -1;
        if (!p->active) continue;
        p->k = c->k;
        c->active[c->k++] = i;
        c->slot_k[CORR_FLAT(p->opt, p->d->index)] = p->k;
    }
    if (S_factor(c, c->active, c->k, c->chol) != 0) /* a principal submatrix of one that was */
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "%s/correlations.csv: the matrix of the sampled parameters is not "
                            "positive definite: please report this with the scenario",
                            sc->dir);
    return HS_OK;
}
