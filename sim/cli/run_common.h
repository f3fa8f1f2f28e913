/* run_common.h — the options every simulating command shares, and the run
 * itself (used by `run`; sweep, tornado and sobol reuse the parsing and the
 * simulation pieces). */
#ifndef HS_RUN_COMMON_H
#define HS_RUN_COMMON_H

#include <stdint.h>

#include "cli.h"
#include "engine/engine.h"

typedef enum {
    RUN_ARGS_RUN = 1,
    RUN_ARGS_SWEEP = 2,
    RUN_ARGS_TORNADO = 4,
    RUN_ARGS_SOBOL = 8
} run_args_kind;

typedef struct {
    const char *scenario;
    uint64_t trajectories;
    int trajectories_given;
    int years;
    cal_date start;
    uint64_t seed;
    int threads;
    const char *out;
    char out_default[512];
    char *sets[CLI_MAX_SETS];
    int nsets;
    int quiet;
    int traj_out;
    double precision; /* 0 = off; a fraction */
    uint64_t max_trajectories;
    int plots;
    /* sensitivity commands */
    const char *param, *values, *param2, *values2, *metric, *option, *diff;
    uint64_t samples;
    int extra_given;
} run_args;

/* Parses argv; returns -1 to go on, or an exit code (help printed, or a usage error). */
int run_args_parse(int argc, char **argv, run_args *a, const char *usage, int kind);

/* The whole `hostsim run`. Returns the exit code. */
int run_simulation(const run_args *a);

/* SIGINT/SIGTERM: set runner_stop; run_signal_exit gives 130/143. */
void run_install_signals(void);
int run_signal_exit(void);

#endif
