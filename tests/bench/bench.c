/* bench.c — `make bench`: the speed of the full model against a minimal
 * reference kernel, on the same machine, in the same invocation.
 *
 * Reference kernel (the floor): per trajectory and hour, one exact
 * Poisson draw at the default scenario's hourly mean (counts_poisson),
 * shared by the options; per option a capacity
 * compare (counted without a branch), a cost add and an is-down toggle from
 * a sorted list of outage times. No day noise or growth. The full model
 * draws only about 8 % of its hours one by one (the rest as day totals:
 * models/traffic.c), so it runs faster than this kernel: a ratio below 1.
 * Full model: the default scenario through the engine, runner and
 * aggregation (what `hostsim run` does, minus writing files).
 * Each workload runs in a child process so its peak RSS is its own (wait4's
 * ru_maxrss); its CPU time (user + system, all threads) is printed too.
 * Usage: bench [-n TRAJECTORIES] [-t THREADS] [-y YEARS] [-S SCENARIO] [-r REPEATS]
 *              [-s OPTION.PARAMETER=VALUE]... [-f]
 * -s as hostsim's --set; -f runs the full model only (for the scaling tables
 * of docs/performance.md).
 */
#include <gsl/gsl_randist.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/hs_clock.h"
#include "engine/counts.h"
#include "engine/streams.h"
#include "run/aggregate.h"
#include "run/runner.h"
#include "scenario/scenario.h"

/* -s overrides accepted (as many as hostsim takes). */
#define S_MAX_SETS 256

typedef struct {
    const sim_plan *plan;
    double mean_month;
    int nopt;
    uint64_t first, count;
    double sink;
} S_ref;

static void *S_ref_worker(void *arg)
{
    S_ref *r = arg;
    const sim_plan *p = r->plan;
    gsl_rng *g = streams_alloc();
    double cap[8] = {60, 120, 500, 400, 300, 200, 100, 50}, cost[8] = {0};
    long over[8] = {0};
    double acc = 0;
    for (uint64_t t = r->first; t < r->first + r->count; t++) {
        streams_key(g, 1, t, "demand", NULL, NULL);
        /* a sorted outage list per option: 30 outages a year */
        long next_down[8];
        int down[8] = {0};
        for (int o = 0; o < r->nopt; o++)
            next_down[o] = 100 + 37 * o;
        const double scale = 12 * r->mean_month;
        double mu[24];
        uint32_t day[24];
        for (long h0 = 0; h0 < p->hours; h0 += 24) {
            /* a day's draws, then the day's hours for every option */
            for (int i = 0; i < 24; i++)
                mu[i] = scale * p->hour_weight[h0 + i];
            for (int i = 0; i < 24; i++)
                day[i] = counts_poisson(g, mu[i]);
            for (int i = 0; i < 24; i++) {
                const long h = h0 + i;
                for (int o = 0; o < r->nopt; o++) {
                    if (h >= next_down[o]) down[o] ^= 1, next_down[o] += down[o] ? 3 : 290;
                    const double s = down[o] ? 0.0 : (double)day[i];
                    over[o] += s > cap[o]; /* no branch on the data */
                    cost[o] += s * 0.02;
                }
            }
        }
    }
    for (int o = 0; o < r->nopt; o++)
        acc += cost[o] + (double)over[o];
    r->sink = acc;
    gsl_rng_free(g);
    return NULL;
}

static void S_reference(const sim_plan *p, uint64_t n, int threads)
{
    pthread_t tid[256];
    S_ref w[256];
    double mean = spec_mean(&p->sc->g[PG_volume_month].s);
    for (int i = 0; i < threads; i++) {
        w[i] = (S_ref){
            p, mean, p->sc->nopt, n * i / threads, n * (i + 1) / threads - n * i / threads, 0};
        pthread_create(&tid[i], NULL, S_ref_worker, &w[i]);
    }
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
}

static hs_status S_full(const sim_plan *p, uint64_t n, int threads, hs_error *e)
{
    aggregate *a = aggregate_new(p, n, e);
    if (!a) return e->code;
    runner_opts ro = {0};
    ro.seed = 1;
    ro.threads = threads;
    ro.count = n;
    uint64_t done;
    hs_status st = runner_run(p, &ro, aggregate_consume, a, &done, e);
    aggregate_free(a);
    return st;
}

/* Runs a workload in a child; returns its wall seconds, CPU seconds (user +
 * system, all threads) and peak RSS (MB). */
static int S_measure(const char *what, const sim_plan *p, uint64_t n, int threads, double *sec,
                     double *cpu, double *rss)
{
    fflush(stdout);
    int fd[2];
    if (pipe(fd) != 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        hs_error e = {0};
        double t0 = hs_clock_seconds();
        if (strcmp(what, "ref") == 0)
            S_reference(p, n, threads);
        else if (S_full(p, n, threads, &e) != HS_OK) {
            fprintf(stderr, "bench: %s\n", e.msg);
            _exit(1);
        }
        double dt = hs_clock_seconds() - t0;
        if (write(fd[1], &dt, sizeof dt) != sizeof dt) _exit(1);
        _exit(0);
    }
    close(fd[1]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) return -1;
    if (read(fd[0], sec, sizeof *sec) != sizeof *sec) return -1;
    close(fd[0]);
    *rss = ru.ru_maxrss / 1024.0;
    *cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec * 1e-6;
    return 0;
}

static void S_cpu(char *buf, size_t n)
{
    snprintf(buf, n, "unknown CPU");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "model name", 10) == 0) {
            char *c = strchr(line, ':');
            if (c) snprintf(buf, n, "%s", c + 2);
            buf[strcspn(buf, "\n")] = '\0';
            break;
        }
    fclose(f);
}

int main(int argc, char **argv)
{
    uint64_t n = 10000;
    int threads = runner_default_threads(), years = 5, reps = 3;
    const char *dir = "inputs/default";
    char *sets[S_MAX_SETS];
    int nsets = 0, full_only = 0;
    int c;
    while ((c = getopt(argc, argv, "n:t:y:S:r:s:f")) != -1) {
        switch (c) {
        case 'n':
            n = strtoull(optarg, NULL, 10);
            break;
        case 't':
            threads = atoi(optarg);
            break;
        case 'y':
            years = atoi(optarg);
            break;
        case 'S':
            dir = optarg;
            break;
        case 'r':
            reps = atoi(optarg);
            break;
        case 'f':
            full_only = 1;
            break;
        case 's':
            if (nsets == S_MAX_SETS) return fprintf(stderr, "bench: too many -s\n"), 2;
            sets[nsets++] = optarg;
            break;
        default:
            fprintf(stderr,
                    "usage: bench [-n N] [-t T] [-y Y] [-S DIR] [-r REPEATS] [-s SET]... [-f]\n");
            return 2;
        }
    }
    hs_gsl_init();
    hs_error e = {0};
    scenario *sc = scenario_open(dir, sets, nsets, &e);
    if (!sc) return fprintf(stderr, "bench: %s\n", e.msg), 2;
    sim_plan *p = sim_plan_new(sc, (cal_date){2027, 1, 1}, years, &e);
    if (!p) return fprintf(stderr, "bench: %s\n", e.msg), 2;
    char cpu[128];
    S_cpu(cpu, sizeof cpu);
    printf("hostsim bench: %s, %llu trajectories x %d years (%ld hours) x %d options, %d threads\n",
           dir, (unsigned long long)n, years, p->hours, sc->nopt, threads);
    for (int i = 0; i < nsets; i++)
        printf("  --set %s\n", sets[i]);
    printf("machine: %s, %ld online CPUs\n\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
    printf("%-18s %9s %8s %10s %14s %16s %10s\n", "workload", "seconds", "cpu s", "traj/s",
           "hour-steps/s", "ns/step/thread", "peak MB");
    double best[2] = {1e30, 1e30}, worst[2] = {0, 0};
    const char *what[2] = {"ref", "full"};
    for (int r = 0; r < reps; r++)
        for (int k = full_only; k < 2; k++) {
            double sec, cpu, rss;
            if (S_measure(what[k], p, n, threads, &sec, &cpu, &rss) != 0) {
                fprintf(stderr, "bench: the %s workload failed\n", what[k]);
                return 1;
            }
            if (sec < best[k]) best[k] = sec;
            if (sec > worst[k]) worst[k] = sec;
            double steps = (double)n * p->hours;
            printf("%-18s %9.3f %8.3f %10.0f %14.3g %16.2f %10.1f\n",
                   k ? "full model" : "reference kernel", sec, cpu, n / sec, steps / sec,
                   sec * threads / steps * 1e9, rss);
        }
    const double per10k = 10000.0 / (double)n;
    printf("\n%d runs: full model %.3f-%.3f s", reps, best[1], worst[1]);
    if (!full_only)
        printf(", reference %.3f-%.3f s, ratio full/reference %.2f-%.2f", best[0], worst[0],
               best[1] / worst[0], worst[1] / best[0]);
    printf("\ntargets: ratio <= 3%s; 10,000 default trajectories in < 5 s on 2 cores: "
           "%.1f-%.1f s at these rates (%s)\n",
           full_only ? " (not measured: -f)" : (worst[1] / best[0] <= 3 ? " (met)" : " (NOT met)"),
           best[1] * per10k, worst[1] * per10k, worst[1] * per10k < 5 ? "met" : "NOT met");
    sim_plan_free(p);
    scenario_free(sc);
    return 0;
}
