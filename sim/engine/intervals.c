/* intervals.c — event lists (see intervals.h). */
#include "intervals.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

hs_status sim_intervals_push(sim_intervals *l, double t0, double t1, int kind, hs_error *e)
{
    assert(t0 <= t1); /* also false for NaN */
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 64;
        sim_interval *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory for %d intervals", cap);
        l->v = v, l->cap = cap;
    }
    l->v[l->n].t0 = t0;
    l->v[l->n].t1 = t1;
    l->v[l->n].kind = kind;
    l->n++;
    return HS_OK;
}

static int S_cmp_start(const void *a, const void *b)
{
    const sim_interval *x = a, *y = b;
    if (x->t0 < y->t0) return -1;
    if (x->t0 > y->t0) return 1;
    if (x->t1 < y->t1) return -1;
    if (x->t1 > y->t1) return 1;
    return x->kind - y->kind;
}

hs_status sim_intervals_union(const sim_intervals *in, sim_intervals *out, hs_error *e)
{
    out->n = 0;
    if (in->n == 0) return HS_OK;
    /* sort a copy in out's storage, then merge in place */
    if (out->cap < in->n) {
        sim_interval *v = realloc(out->v, (size_t)in->n * sizeof *v);
        if (!v) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory for %d intervals", in->n);
        out->v = v, out->cap = in->n;
    }
    memcpy(out->v, in->v, (size_t)in->n * sizeof *in->v);
    qsort(out->v, (size_t)in->n, sizeof *out->v, S_cmp_start);
    int k = 0;
    for (int i = 1; i < in->n; i++) {
        if (out->v[i].t0 <= out->v[k].t1) {
            if (out->v[i].t1 > out->v[k].t1) out->v[k].t1 = out->v[i].t1;
        } else
            out->v[++k] = out->v[i];
    }
    out->n = k + 1;
    return HS_OK;
}
