/* sens_common.h — what sweep, tornado and sobol share: the target metric,
 * the list of uncertain inputs, and "simulate this scenario". */
#ifndef HS_SENS_COMMON_H
#define HS_SENS_COMMON_H

#include <stdint.h>

#include "base/calendar.h"
#include "run/aggregate.h"
#include "run/runner.h"

struct sim_records; /* engine/record.h */

/* What the sensitivity pieces need of a command's options (the command line
 * fills it; nothing here reads the command line). */
typedef struct {
    uint64_t seed;
    int threads;
    cal_date start;
    int years;
    int progress; /* a progress bar on stderr while collecting */
    /* the command as a whole (NULL: none): its runs advance one bar; sens_simulate draws it
     * only then, and each run adds its trajectories to whole->done_before */
    runner_whole *whole;
    /* the target, as named by the user: metric (never NULL); option or diff "A,B" (or NULL) */
    const char *metric, *option, *diff;
    int exhaustive; /* simulate every run: never re-price kept records (sens_collect_records) */
    /* the period of the target: year (1 .. years) or 0 for the horizon; by_year: the horizon
     * and every year at once (sens_collect_years) */
    int year, by_year;
} sens_opts;

typedef struct {
    int met;  /* MET_* */
    int a, b; /* option a, or the difference a - b when b >= 0 */
    int year; /* 0: the metric over the horizon; k >= 1: its value in year k (run/yearly.h) */
    char label[160];
} sens_target;

typedef struct {
    agg_input in;
    const param_value *v;
} sens_input;

typedef struct {
    sim_plan *plan;
    aggregate *agg;
} sens_result;

/* Checks a's year and by_year against its horizon and its metric (a metric with a value per
 * year, run/yearly.h): HS_ERR_INPUT with a message naming --year or --by-year otherwise. */
hs_status sens_period_check(const sens_opts *a, hs_error *e);

/* From a's metric, option, diff and year; without --option/--diff: the difference of the two
 * options with the lowest median tco in `base` (or option 0 when there is one); under MPI
 * rank 0 picks them and every rank gets its choice. */
hs_status sens_target_parse(const scenario *sc, const sens_opts *a, const aggregate *base,
                            sens_target *t, hs_error *e);
double sens_value(const sens_target *t, const runner_layout *L, const double *rec);
/* Period p of np periods of target t (np = 1: t's own; else p = 0 the horizon, p = k year k):
 * returns its year (0: the horizon) and writes its label into buf (t->label, with " in year k"
 * for a year of --by-year). */
int sens_period(const sens_target *t, int np, int p, char *buf, size_t n);
/* Writes a row's year cell: the year, or empty for the horizon. */
void sens_csv_year(outfile *o, int year);

/* The options t reads (bit i: option i): a, and b when it is a difference. */
uint32_t sens_target_options(const sens_target *t);
/* 1 if input `in` can move target t. 0 when it cannot (a parameter of an option t does not
 * read, whose streams and results no other option sees): the command reports it as exactly
 * zero without simulating it, with `why` (n bytes) saying so. */
int sens_input_moves(const scenario *sc, const sens_target *t, const agg_input *in, char *why,
                     size_t n);

/* The uncertain inputs of sc, in table order (caller frees). */
int sens_inputs(const scenario *sc, sens_input **out, hs_error *e);
/* Fixes input `in` to `value` in a runner's fixed arrays. */
void sens_fix(const agg_input *in, double value, double *fixed_g, double *fixed_o);

/* Runs `count` trajectories of the finalized scenario. The aggregate keeps
 * every value of the metric a->metric names (aggregate_keep), whatever the
 * metrics table keeps of it, so the options can be compared trajectory by
 * trajectory on it (sweep's p_cheapest). */
hs_status sens_simulate(const scenario *sc, const sens_opts *a, runner_prepare_fn fn, void *ctx,
                        uint64_t count, sens_result *r, hs_error *e);
/* The same, with physical records (engine/record.h): keep (if not NULL) receives the records
 * of this run's trajectories (sens_records_new: NULL with a->exhaustive), of r->plan (free
 * them before sens_result_free); the run re-prices the records of reprice (if not NULL, and not
 * a->exhaustive) that fit its trajectories, of its own scenario or of another that makes the
 * same first step (sim_record_fits), and simulates the others: the aggregate is the same to
 * the bit. */
hs_status sens_simulate_records(const scenario *sc, const sens_opts *a, runner_prepare_fn fn,
                                void *ctx, uint64_t count, struct sim_records **keep,
                                const struct sim_records *reprice, sens_result *r, hs_error *e);
void sens_result_free(sens_result *r);

/* Runs `count` runs and collects sens_value of each, in run order, into f (count values),
 * simulating only the options t reads (runner_opts.skip). Under MPI, f is filled on rank 0
 * only (the other ranks get zeros): what is decided from it must be shared (runner_share). */
hs_status sens_collect(const sim_plan *plan, const sens_opts *a, const sens_target *t,
                       runner_prepare_fn fn, void *ctx, uint64_t count, double *f, hs_error *e);
/* At most this many bytes of physical records are kept for re-pricing (the runs of
 * trajectories beyond are simulated in full): 45 KB a trajectory of the default scenario,
 * so about 5,900 of them; the traffic records (engine/traffic_record.h, 264 KB each) of as
 * many of them as the rest holds (the others simulate their traffic). */
#define SENS_RECORDS_MAX_BYTES ((size_t)256 << 20)
/* Room for the records of the first `count` stream indices of plan, at most
 * SENS_RECORDS_MAX_BYTES; NULL with a->exhaustive (or on error, e set: check e->code). */
struct sim_records *sens_records_new(const sim_plan *plan, const sens_opts *a, uint64_t count,
                                     hs_error *e);

/* The same for the horizon and each of the plan's years at once: f holds (1 + years) blocks
 * of count values, block 0 the target over the horizon, block k its value in year k. */
hs_status sens_collect_years(const sim_plan *plan, const sens_opts *a, const sens_target *t,
                             runner_prepare_fn fn, void *ctx, uint64_t count, double *f,
                             hs_error *e);

/* The same for runs [first, first + count), one block (by_year = 0) or 1 + years blocks of count
 * values (by_year = 1, as sens_collect_years), keeping each run's physical record (keep, by
 * stream index: runner.h) and re-pricing those of reprice that fit a run instead of simulating
 * it (engine/record.h; ignored with a->exhaustive). Either may be NULL. */
hs_status sens_collect_records(const sim_plan *plan, const sens_opts *a, const sens_target *t,
                               runner_prepare_fn fn, void *ctx, uint64_t first, uint64_t count,
                               int by_year, struct sim_records *keep,
                               const struct sim_records *reprice, double *f, hs_error *e);

#endif
