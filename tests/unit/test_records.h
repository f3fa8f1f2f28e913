/* test_records.h — the records of a runner run, in run order, for the tests that
 * compare runs record by record (test_sampling.c, test_skip.c). Any failure stops
 * the test with the runner's message. */
#ifndef TEST_RECORDS_H
#define TEST_RECORDS_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "run/runner.h"

typedef struct {
    size_t size;
    uint64_t first;
    double *recs; /* [count][size] */
} S_record_sink;

static inline hs_status S_record_keep(void *ctx, uint64_t run, const double *rec, hs_error *e)
{
    (void)e;
    S_record_sink *s = ctx;
    memcpy(s->recs + (run - s->first) * s->size, rec, s->size * sizeof *rec);
    return HS_OK;
}

/* The records of runs [o->first, o->first + o->count) of plan (caller frees). */
static inline double *S_run_records(const sim_plan *plan, const runner_opts *o)
{
    const runner_layout L = runner_layout_of(plan);
    S_record_sink s = {L.size, o->first, malloc(o->count * L.size * sizeof(double))};
    cr_assert_not_null(s.recs);
    uint64_t done = 0;
    hs_error e = {0};
    cr_assert_eq(runner_run(plan, o, S_record_keep, &s, &done, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(done, o->count, "%d threads", o->threads);
    return s.recs;
}

#endif
