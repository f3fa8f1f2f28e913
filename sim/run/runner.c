/* runner.c — worker threads and in-order hand-over (see runner.h). */
#include "runner.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HOSTSIM_MPI
#include <mpi.h>
#endif

#include "base/hs_clock.h"
#include "engine/record.h"
#include "engine/traffic_record.h"

#define ROUND_PER_THREAD 64

volatile sig_atomic_t runner_stop = 0;

runner_layout runner_layout_of(const sim_plan *p)
{
    runner_layout L;
    L.nopt = p->sc->nopt;
    L.nres = sim_result_count(p);
    L.nsw = 0;
    for (int s = 0; s < p->sc->nstrat; s++)
        L.nsw += p->sc->strat[s].nsteps;
    L.months = p->months;
    L.met = 0;
    L.cum = (size_t)L.nres * MET_COUNT;
    L.vcum = L.cum + (size_t)L.nres * L.months;
    L.g = L.vcum + (size_t)L.nres * L.months;
    L.o = L.g + PG_COUNT;
    L.sw = L.o + (size_t)L.nopt * PO_COUNT;
    L.cat = L.sw + (size_t)L.nsw;
    L.down = L.cat + (size_t)L.nres * CAT_COUNT * L.months;
    L.size = L.down + (size_t)L.nres * L.months;
    return L;
}

int runner_rank(void)
{
#ifdef HOSTSIM_MPI
    int r = 0, init = 0;
    MPI_Initialized(&init);
    if (init) MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r;
#else
    return 0;
#endif
}

int runner_ranks(void)
{
#ifdef HOSTSIM_MPI
    int n = 1, init = 0;
    MPI_Initialized(&init);
    if (init) MPI_Comm_size(MPI_COMM_WORLD, &n);
    return n;
#else
    return 1;
#endif
}

void runner_share(void *buf, size_t bytes)
{
#ifdef HOSTSIM_MPI
    if (runner_ranks() > 1) MPI_Bcast(buf, (int)bytes, MPI_BYTE, 0, MPI_COMM_WORLD);
#else
    (void)buf;
    (void)bytes;
#endif
}

/* Trajectories per rank and round: ROUND_PER_THREAD x T, or under MPI as few
 * rounds as that allows with blocks of equal size (the last a little short). */
static uint64_t S_round(uint64_t count, int T, int ranks)
{
    uint64_t round = (uint64_t)ROUND_PER_THREAD * T;
    if (ranks == 1 || count == 0) return round;
    const uint64_t all = round * (uint64_t)ranks, rounds = (count + all - 1) / all;
    return (count + rounds * ranks - 1) / (rounds * ranks);
}

int runner_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

typedef struct {
    const sim_plan *plan;
    const runner_opts *opts;
    runner_layout L;
    sim_work **work;
    double *slots;
    double *fixed; /* per worker: PG_COUNT + nopt * PO_COUNT */
    uint64_t round_first, round_count;
    atomic_ullong next;
    atomic_int failed; /* a trajectory of the round failed: workers stop */
} S_shared;

typedef struct {
    S_shared *sh;
    int id;
    /* a trajectory of this worker failed in the round: the first (a worker
     * takes its trajectories in increasing order) is fail_k, err says why */
    int failed;
    uint64_t fail_k;
    hs_error err;
} S_worker;

static void S_record(const S_shared *sh, const sim_work *w, double *rec)
{
    const runner_layout *L = &sh->L;
    for (int i = 0; i < L->nres; i++) {
        const opt_work *o = &w->opt[i];
        memcpy(rec + L->met + (size_t)i * MET_COUNT, o->met, MET_COUNT * sizeof(double));
        double *cum = rec + L->cum + (size_t)i * L->months, s = 0;
        double *vcum = rec + L->vcum + (size_t)i * L->months, v = 0;
        for (int m = 0; m < L->months; m++) {
            cum[m] = s += ledger_month_total(o->led, m);
            vcum[m] = v += ledger_month_value(o->led, m);
        }
        /* the ledger's cost rows are [CAT_COUNT][months] (ledger.h): one block */
        memcpy(rec + L->cat + (size_t)i * CAT_COUNT * L->months, o->led->m,
               (size_t)CAT_COUNT * L->months * sizeof(double));
        memcpy(rec + L->down + (size_t)i * L->months, o->month_down,
               (size_t)L->months * sizeof(double));
    }
    for (int i = 0; i < L->nopt; i++)
        memcpy(rec + L->o + (size_t)i * PO_COUNT, w->opt[i].p, PO_COUNT * sizeof(double));
    memcpy(rec + L->g, w->g, PG_COUNT * sizeof(double));
    memcpy(rec + L->sw, w->switch_month, (size_t)L->nsw * sizeof(double));
}

/* One run: re-priced from its kept record, or simulated (its record kept if asked). */
static hs_status S_trajectory(const runner_opts *o, sim_work *w, uint64_t key, int sample,
                              hs_error *e)
{
    const size_t slot = key - o->keep_first; /* wraps below keep_first: out of range */
    if (o->reprice && !sample && sim_record_fits(o->reprice, slot, o->seed, key, w))
        return sim_record_price(w, o->reprice, slot, e); /* the daily series are not kept */
    /* the traffic of a kept record whose traffic inputs are this run's is restored */
    const sim_traffic *tr = o->reprice ? sim_records_traffic(o->reprice) : NULL;
    HS_FORWARD(sim_trajectory_happen_reusing(w, o->seed, key, sample, tr, slot, NULL, e));
    if (o->keep && slot < sim_records_count(o->keep)) {
        sim_record_save(o->keep, slot, w);
        sim_traffic_save(sim_records_traffic(o->keep), slot, w);
    }
    return sim_trajectory_price(w, e);
}

static void *S_work(void *arg)
{
    S_worker *me = arg;
    S_shared *sh = me->sh;
    sim_work *w = sh->work[me->id];
    const runner_opts *o = sh->opts;
    double *fixed = sh->fixed + (size_t)me->id * (PG_COUNT + (size_t)sh->L.nopt * PO_COUNT);
    for (;;) {
        if (runner_stop || atomic_load(&sh->failed)) break;
        uint64_t k = atomic_fetch_add(&sh->next, 1);
        if (k >= sh->round_count) break;
        uint64_t run = sh->round_first + k;
        uint64_t key = run;
        w->fixed_g = w->fixed_o = NULL;
        w->lhs = o->lhs;
        if (o->prepare) {
            for (size_t i = 0; i < PG_COUNT + (size_t)sh->L.nopt * PO_COUNT; i++)
                fixed[i] = NAN;
            key = o->prepare(o->prepare_ctx, run, fixed, fixed + PG_COUNT);
            w->fixed_g = fixed;
            w->fixed_o = fixed + PG_COUNT;
        }
        int sample = o->sample_days && run == 0;
        if (S_trajectory(o, w, key, sample, &me->err) != HS_OK) {
            me->failed = 1;
            me->fail_k = k;
            atomic_store(&sh->failed, 1);
            break;
        }
        S_record(sh, w, sh->slots + k * sh->L.size);
        if (sample) {
            const sim_plan *p = sh->plan;
            int cols = 1 + 2 * sh->L.nopt;
            for (int d = 0; d < p->days; d++) {
                double *row = o->sample_days + (size_t)d * cols;
                row[0] = w->demand->day_total[d];
                for (int i = 0; i < sh->L.nopt; i++) {
                    row[1 + 2 * i] = w->opt[i].day_down[d];
                    row[2 + 2 * i] = w->opt[i].day_overflow[d];
                }
            }
        }
    }
    return NULL;
}

/* After a round: 0 if no worker failed, else 1 with e = the failure of the
 * lowest trajectory index, said with that index. */
static int S_first_failure(S_worker *wk, int T, uint64_t round_first, hs_error *e)
{
    S_worker *first = NULL;
    for (int i = 0; i < T; i++)
        if (wk[i].failed && (!first || wk[i].fail_k < first->fail_k)) first = &wk[i];
    if (!first) return 0;
    if (e) {
        *e = first->err;
        hs_error_prefix(e, "trajectory %llu", (unsigned long long)(round_first + first->fail_k));
    }
    for (int i = 0; i < T; i++)
        wk[i].failed = 0;
    return 1;
}

static void S_progress(const runner_opts *o, uint64_t done, double t0, int final)
{
    uint64_t total = o->count;
    const char *what = "trajectories";
    if (o->whole) { /* the command as a whole */
        done += o->whole->done_before;
        total = o->whole->total;
        t0 = o->whole->t0;
        what = o->whole->label;
        final = final && done >= total;
    }
    double el = hs_clock_seconds() - t0, rate = el > 0 ? done / el : 0;
    double eta = rate > 0 ? (total - done) / rate : 0;
    int width = 30, fill = total ? (int)(width * (double)done / total) : width;
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    if (o->whole)
        fprintf(stderr, "\r[%s] %3.0f%% %llu/%llu trajectories, %.0f/s, ETA %.0fs, %.60s   \033[K",
                bar, total ? 100.0 * done / total : 100.0, (unsigned long long)done,
                (unsigned long long)total, rate, eta, what);
    else
        fprintf(stderr, "\r[%s] %3.0f%% %llu/%llu %s, %.0f/s, ETA %.0fs   ", bar,
                total ? 100.0 * done / total : 100.0, (unsigned long long)done,
                (unsigned long long)total, what, rate, eta);
    if (final) fputc('\n', stderr);
    fflush(stderr);
}

hs_status runner_run(const sim_plan *p, const runner_opts *o, runner_consume_fn fn, void *ctx,
                     uint64_t *done, hs_error *e)
{
    S_shared sh;
    memset(&sh, 0, sizeof sh);
    sh.plan = p;
    sh.opts = o;
    sh.L = runner_layout_of(p);
    const int rank = runner_rank(), ranks = runner_ranks();
    int T = o->threads > 0 ? o->threads : 1;
    if ((uint64_t)T > o->count && o->count > 0) T = (int)o->count;
    /* a round: `round` trajectories per rank, ranks in order */
    const uint64_t round = S_round(o->count, T, ranks), round_all = round * (uint64_t)ranks;
    hs_status st = HS_OK;
    *done = 0;
    sh.work = calloc((size_t)T, sizeof *sh.work);
    sh.slots = malloc((rank == 0 ? round_all : round) * sh.L.size * sizeof(double));
    sh.fixed = malloc((size_t)T * (PG_COUNT + (size_t)sh.L.nopt * PO_COUNT) * sizeof(double));
    pthread_t *tid = calloc((size_t)T, sizeof *tid);
    S_worker *wk = calloc((size_t)T, sizeof *wk);
    if (!sh.work || !sh.slots || !sh.fixed || !tid || !wk) {
        st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    for (int i = 0; i < T; i++) {
        sh.work[i] = sim_work_new(p, o->models, e);
        if (!sh.work[i]) {
            st = HS_ERR_RUNTIME;
            goto out;
        }
        sh.work[i]->skip = o->skip;
        wk[i].sh = &sh;
        wk[i].id = i;
    }
    double t0 = hs_clock_seconds(), last = 0;
    const uint64_t end = o->first + o->count;
    for (uint64_t first = o->first; first < end && st == HS_OK; first += round_all) {
        uint64_t mine = first + (uint64_t)rank * round;
        sh.round_first = mine;
        sh.round_count = mine >= end ? 0 : end - mine < round ? end - mine : round;
        atomic_store(&sh.next, 0);
        atomic_store(&sh.failed, 0);
        int started = 0;
        if (T == 1 || sh.round_count <= 1)
            S_work(&wk[0]);
        else {
            for (int i = 0; i < T; i++) {
                if (pthread_create(&tid[i], NULL, S_work, &wk[i]) != 0) {
                    st = hs_error_set(e, HS_ERR_RUNTIME, "cannot start a worker thread");
                    break;
                }
                started++;
            }
            for (int i = 0; i < started; i++)
                pthread_join(tid[i], NULL);
        }
        if (st != HS_OK) break;
        /* A failed trajectory fails the run, and nothing of its round is
         * consumed. Every trajectory below the lowest failing one was taken
         * before it and finished, so that one is reported whatever the
         * threads: the first failing trajectory of the run. */
        int failed = S_first_failure(wk, T, sh.round_first, e);
        uint64_t total = end - first < round_all ? end - first : round_all;
#ifdef HOSTSIM_MPI
        if (ranks > 1) {
            /* the stop flag, and the lowest rank with a failure (ranks: none) */
            int flags[2] = {runner_stop, -(failed ? rank : ranks)}, any[2] = {0, 0};
            MPI_Allreduce(flags, any, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
            if (any[0]) runner_stop = 1;
            if (-any[1] < ranks) {
                /* the lowest failing rank holds the lowest failing trajectory: its message */
                hs_error fe = {0};
                if (rank == -any[1] && e) fe = *e;
                MPI_Bcast(&fe, (int)sizeof fe, MPI_BYTE, -any[1], MPI_COMM_WORLD);
                if (e) *e = fe;
                failed = 1;
            }
            if (failed) {
                st = HS_ERR_RUNTIME;
                break;
            }
            int *counts = NULL, *displs = NULL;
            if (rank == 0) {
                counts = malloc((size_t)ranks * sizeof *counts);
                displs = malloc((size_t)ranks * sizeof *displs);
                for (int k = 0; k < ranks; k++) {
                    uint64_t f = first + (uint64_t)k * round;
                    uint64_t c = f >= end ? 0 : end - f < round ? end - f : round;
                    counts[k] = (int)(c * sh.L.size);
                    displs[k] = (int)((uint64_t)k * round * sh.L.size);
                }
            }
            MPI_Gatherv(rank == 0 ? MPI_IN_PLACE : sh.slots, (int)(sh.round_count * sh.L.size),
                        MPI_DOUBLE, sh.slots, counts, displs, MPI_DOUBLE, 0, MPI_COMM_WORLD);
            free(counts);
            free(displs);
        }
#endif
        if (failed) {
            st = HS_ERR_RUNTIME;
            break;
        }
        if (runner_stop) {
            st = hs_error_set(e, HS_ERR_INTERRUPTED, "interrupted");
            break;
        }
        if (rank == 0) {
            for (uint64_t k = 0; k < total && st == HS_OK; k++) {
                st = fn(ctx, first + k, sh.slots + k * sh.L.size, e);
                if (st == HS_OK) (*done)++;
            }
        } else
            *done += total;
        if (o->progress && rank == 0 && (hs_clock_seconds() - last > 0.2)) {
            last = hs_clock_seconds();
            S_progress(o, *done, t0, 0);
        }
    }
    if (o->progress && rank == 0) S_progress(o, *done, t0, 1);
out:
    if (sh.work)
        for (int i = 0; i < T; i++)
            sim_work_free(sh.work[i]);
    free(sh.work);
    free(sh.slots);
    free(sh.fixed);
    free(tid);
    free(wk);
    return st;
}
