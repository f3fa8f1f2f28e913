/* runner.h — runs trajectories on worker threads, hands results over in order.
 *
 * Trajectories run in rounds of ROUND_PER_THREAD x threads: the workers take
 * trajectories of the round from an atomic counter, each in its own
 * workspace (allocated once per run), and copy the result into the round's
 * slot; then the calling thread passes the round's records to the consumer
 * in trajectory order. A trajectory's numbers depend only on (seed, index),
 * and the consumer sees them in index order, so every output is the same
 * for any thread count or round size.
 *
 * A record is runner_layout_of(plan).size doubles, at the offsets of runner_layout:
 *   met[nres][MET_COUNT] | cumulative cost by month [nres][months] |
 *   cumulative value by month [nres][months] | sampled g[PG_COUNT] |
 *   sampled o[nopt][PO_COUNT] | switch month of each strategy step [nsw] |
 *   cost by category and month [nres][CAT_COUNT][months] | downtime hours by month [nres][months]
 * where the nres results are the nopt options, then the strategies
 * (sim_result_count, sim_result_name), and nsw counts every strategy's steps.
 */
#ifndef HS_RUNNER_H
#define HS_RUNNER_H

#include <signal.h>
#include <stdint.h>

#include "engine/engine.h"

typedef struct {
    int nopt, nres, nsw, months;
    size_t met, cum, vcum, g, o, sw, cat, down, size; /* offsets into a record */
} runner_layout;

runner_layout runner_layout_of(const sim_plan *p);

/* Optional: before run `run` a worker asks which stream index to use and
 * which parameters to fix (fill fixed_g / fixed_o, NaN = sample). */
typedef uint64_t (*runner_prepare_fn)(void *ctx, uint64_t run, double *fixed_g, double *fixed_o);
typedef hs_status (*runner_consume_fn)(void *ctx, uint64_t run, const double *rec, hs_error *e);

/* A command of many runs (tornado, sweep) shown as one progress bar: the trajectories of the
 * runs before this one, the command's total, when it started (hs_clock_seconds) and what this
 * run is ("input 3 of 79: self_hosted.it_salary at p90"); the ETA is the whole command's. */
typedef struct {
    uint64_t done_before, total;
    double t0;
    char label[160];
} runner_whole;

typedef struct {
    uint64_t seed;
    uint64_t first, count; /* runs [first, first + count) */
    int threads;
    int progress;              /* draw a progress bar on stderr */
    runner_prepare_fn prepare; /* may be NULL */
    void *prepare_ctx;
    double *sample_days; /* if not NULL and run 0 is in range: [days][1 + 2 nopt]:
                            demand, then per option downtime and overflow hours */
    const struct model_type *const *models; /* the models (NULL: models_registry) */
    uint32_t skip; /* options not simulated (bit i: option i; 0: none): their metrics are NaN
                      and their cumulative costs 0 in the records; the other options' numbers
                      are the same as in a run of every option (sim_work.skip) */
    const runner_whole *whole;      /* NULL: the bar counts this run alone */
    const struct sampling_lhs *lhs; /* Latin hypercube strata of runs [0, n) (engine/sampling.h),
                                       or NULL: independent draws */
    /* physical records (engine/record.h), by stream index (prepare's answer):
     * keep: each run's record is kept in slot `index - keep_first`, when in range;
     * reprice: a run whose slot there holds its trajectory re-prices it instead of
     * simulating (its fixed values other than price-only ones equal the record's) */
    struct sim_records *keep;
    const struct sim_records *reprice;
    uint64_t keep_first;
} runner_opts;

/* Set from a signal handler: workers stop after their current trajectory. */
extern volatile sig_atomic_t runner_stop;

/* Runs; *done receives the number of runs consumed. HS_ERR_INTERRUPTED when
 * runner_stop was raised. When a trajectory fails (sim_trajectory), the
 * run stops with its status and e = "trajectory N: <where>: <why>", N the
 * lowest failing run index; the records of its round are not consumed. */
hs_status runner_run(const sim_plan *p, const runner_opts *o, runner_consume_fn fn, void *ctx,
                     uint64_t *done, hs_error *e);

/* MPI rank and number of ranks (0 and 1 without the MPI build). Every rank
 * runs the same command; rank r computes the r-th block of each round (under
 * MPI the blocks of a call are made equal, so the ranks share its work
 * evenly) and rank 0 gathers the records in trajectory order, consumes them
 * and writes the outputs. When a trajectory fails, every rank returns the
 * message of the lowest failing one, as one process would. */
int runner_rank(void);
int runner_ranks(void);

/* Copies rank 0's `bytes` bytes at buf to every rank (nothing with one rank):
 * a decision taken on what only rank 0 consumed (a sensitivity target, a
 * sweep point's statistics, --precision's stop) is then the same on every
 * rank, so they all make the same runner_run calls. Every rank must call it
 * at the same point. */
void runner_share(void *buf, size_t bytes);

/* Online CPUs (at least 1). */
int runner_default_threads(void);

#endif
