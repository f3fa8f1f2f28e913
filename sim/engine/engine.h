/* engine.h — what the engine gives the models, and what a model is: the one
 * header a model includes.
 *
 * A run precomputes a read-only plan (plan.h: the calendar of the horizon as
 * tables). Each worker thread owns one sim_work (generators, the hourly
 * demand, per-hour scratch, event lists, ledgers), allocated once; a
 * trajectory reuses it. A trajectory runs in two steps:
 *   what happens  every trajectory hook (traffic), then per option every
 *                 option hook: demand, outages, incidents, plans, service,
 *                 upgrades: the physical record (record.h);
 *   what it costs per option every price hook: the ledger and the metrics
 *                 priced from that record and the parameters.
 * A model is a constant model_type with up to two hooks:
 *   trajectory(w, e)  once per trajectory, before any option (traffic), or
 *   option(w, o, e)   once per option, in registry order (models/registry.c),
 * and optionally option_end(w, o), after every option hook of the option,
 * to undo its own writes to per-worker scratch; and
 *   price(w, o, e)    once per option in the second step, in registry order:
 *                 it may read only what record.h keeps and the parameters,
 *                 and a parameter only price hooks read may be declared
 *                 price-only (record.h), so that changing it re-prices stored
 *                 records instead of re-simulating. The engine calls the list in
 * order and never names a model; models read the plan, the sampled
 * parameters and each other's results through sim_work / opt_work, whose
 * fields say who writes and who reads them. What a model reads and writes
 * of another's is declared (needs, provides) and the order is checked when
 * a workspace is made (sim_models_check). Dependency direction: models ->
 * engine headers.
 * Pieces: plan.h (calendar tables), intervals.h (event lists), demand.h (the
 * hourly demand), ledger.h (costs), streams.h (random streams).
 */
#ifndef HS_ENGINE_H
#define HS_ENGINE_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "base/hs_error.h"
#include "demand.h"
#include "intervals.h"
#include "ledger.h"
#include "metrics.h"
#include "plan.h"
#include "scenario/params.h"
#include "scenario/scenario.h"

/* ------------------------------------------------ per-option workspace */

/* The plan an option is on in one month (models/plans.c): a tier of
 * plans.csv, or the option's own plan parameters. */
typedef struct {
    double fee;            /* CNY/month, before price escalation */
    double quota;          /* messages included */
    double capacity_rps;   /* req/s, before elastic_factor */
    double seats_included; /* seats */
    int tier;              /* index in so->tiers; -1: the option's parameters */
} sim_terms;

typedef struct {
    int index; /* result index: the option's in the scenario, or nopt + the strategy's */
    const scenario_option *so; /* the option; NULL for a strategy (engine/strategy.h) */
    const char *name;          /* the option's or the strategy's name */
    const char *stream;        /* the name that keys its random streams: its base's for a variant
                                  (options.csv), else its own (engine; sim_stream) */
    int stream_opt;            /* the option of those streams: its base's index for a variant, else
                                  its own (engine: the parameter draws, Latin hypercube, the copula) */
    /* engine, before the models; read by every model */
    double p[PO_COUNT];                /* sampled parameters, canonical units */
    double price_index[SIM_MAX_YEARS]; /* (1 + price_escalation)^y (sim_plan_index),
                                          set before the price hooks: assets, costs */
    /* cleared by the engine; security, assets and costs add costs, benefits
     * value lines; the engine totals it into met[], the runner into the record */
    ledger *led;
    sim_intervals outages;   /* interruptions, any order: pushed by security (breach,
                                ransomware) and outages (its own); outages merges them */
    sim_intervals merged;    /* their union, sorted and disjoint: outages; read by capacity */
    sim_intervals disasters; /* times of equipment destruction: outages; read by assets */
    sim_terms *month_terms;  /* [months] the month's plan: plans; read by capacity, costs */
    /* [months], written by one model each (cleared by the engine) */
    double *month_served;        /* messages served: capacity; read by costs, benefits */
    double *month_down;          /* downtime hours: outages; read by costs, engine */
    double *month_peak_msgs;     /* busiest hour's messages served: capacity; read by costs */
    double *month_overflow;      /* overflow hours: capacity; read by tests */
    double *month_lost_outage;   /* messages demanded while down: capacity; read by costs */
    double *month_lost_overflow; /* messages lost to overflow: capacity; read by costs */
    double *month_residual;      /* resale value of the equipment in service at the start of
                                    the month (nominal): assets; read by the engine's
                                    strategies (engine/strategy.h) */
    /* capacity upgrades ordered, at most one a month (capacity writes, cleared by the
     * engine; assets reads: it buys, replaces, depreciates and salvages them and charges
     * their running costs) */
    int nupgrades;
    int *upgrade_month;      /* [months] month the upgrade is ordered and paid */
    double *upgrade_arrival; /* [months] hour its capacity arrives (in service from then) */
    /* security (incidents, breaches), capacity (overflow, lost, delayed), assets
     * (depreciation) add, the engine the rest (cleared by the engine); the runner copies */
    double met[MET_COUNT]; /* MET_* (metrics.h) */
    /* [days], or not filled: the sample trajectory only (cleared by the engine) */
    double *day_down;     /* downtime hours: outages; read by the runner */
    double *day_overflow; /* overflow hours: capacity; read by the runner */
} opt_work;

struct model_type;

/* --------------------------------------------------- per-worker workspace */
typedef struct sim_work {
    const sim_plan *plan;
    const struct model_type *const *models; /* what a trajectory runs, in order */
    gsl_rng *r;                             /* re-keyed per purpose via sim_stream: every model */
    uint64_t seed;                          /* of the current trajectory: engine */
    uint64_t traj;
    double g[PG_COUNT];       /* sampled global parameters: engine; read by every model */
    sim_demand_state *demand; /* the hourly demand: traffic writes it (demand.h); security,
                                 capacity read it; the runner reads day_total */
    double value_per_message; /* CNY: traffic (price hook); read by price hooks */
    float *down;              /* [H] share of each hour in outage, zero between options:
                                 outages writes it and clears it (option_end); capacity reads */
    int sample;               /* this is the sample trajectory (daily series wanted): engine */
    int nopt;
    int nres;              /* results: the nopt options, then the strategies (sim_result_count) */
    opt_work *opt;         /* [nres]: the options' workspaces, then the strategies' (their ledger,
                              month_* series and met[] composed by the engine, engine/strategy.h) */
    int nsw;               /* steps of every strategy, in order */
    double *switch_month;  /* [nsw] month each step switched (the horizon's months: never) */
    const double *fixed_g; /* optional overrides of sampled values (Sobol, tornado): runner */
    const double *fixed_o; /* [nopt][PO_COUNT], NaN = sample as usual */
    uint32_t skip;         /* options not simulated (bit i: option i; 0: none): runner. A
                              skipped option's parameters are still sampled, its met[] is NaN
                              and its ledger empty; the others' numbers do not change (each
                              option has its own streams: docs/random-streams.md) */
    const struct sampling_lhs *lhs; /* Latin hypercube strata (sampling.h), or NULL: runner */
    /* tests only: called after each option's models, NULL otherwise */
    void (*option_done)(void *ctx, struct sim_work *w, opt_work *o);
    void *option_done_ctx;
} sim_work;

/* A workspace for plan p running `models` (NULL: models_registry), whose
 * order is checked first (sim_models_check). NULL on error (e set). */
sim_work *sim_work_new(const sim_plan *plan, const struct model_type *const *models, hs_error *e);
void sim_work_free(sim_work *w);

/* Keys w->r for a purpose of the current trajectory and option o (NULL: the trajectory's, not
 * an option's): a variant's streams are its base's (o->stream, docs/random-streams.md). */
void sim_stream(sim_work *w, const char *purpose, const opt_work *o);

/* Runs one trajectory: samples parameters, runs every model, fills met[]
 * (sim_trajectory_happen, then sim_trajectory_price).
 * On failure (a model's, or a GSL error raised while it ran: hs_gsl_init)
 * returns it with e saying which model and option; the workspace's results
 * are then meaningless, the workspace itself stays usable. */
hs_status sim_trajectory(sim_work *w, uint64_t seed, uint64_t traj, int sample_days, hs_error *e);
/* The first step alone: samples parameters, runs the trajectory and option
 * hooks (the physical record, record.h). */
hs_status sim_trajectory_happen(sim_work *w, uint64_t seed, uint64_t traj, int sample_days,
                                hs_error *e);
/* The parameters alone (the start of sim_trajectory_happen): w->seed, w->traj and the sampled
 * values w->g, w->opt[].p of trajectory (seed, traj), fixed values (w->fixed_g / fixed_o)
 * applied, nothing simulated (record.c: what a run of another scenario would sample). */
hs_status sim_trajectory_sample(sim_work *w, uint64_t seed, uint64_t traj, hs_error *e);
/* The second step alone, on the physical record and parameters in w (after
 * sim_trajectory_happen, or sim_record_load): clears the ledgers, runs every
 * price hook, fills met[]. */
hs_status sim_trajectory_price(sim_work *w, hs_error *e);

/* ------------------------------------------------------------- models */

/* What models hand each other through the workspaces. A model declares
 * the products it reads (needs) and writes for others (provides). */
typedef enum {
    SIM_DEMAND = 1u << 0,        /* w->demand, w->value_per_message (traffic) */
    SIM_INTERRUPTIONS = 1u << 1, /* other models' intervals on o->outages (security) */
    SIM_DOWNTIME = 1u << 2,      /* o->merged, o->month_down, o->day_down, w->down (outages) */
    SIM_DISASTERS = 1u << 3,     /* o->disasters (outages) */
    SIM_SERVICE = 1u << 4,       /* o->month_served, _peak_msgs, _overflow, _lost_*,
                                    o->day_overflow, o->upgrade_* (capacity) */
    SIM_TERMS = 1u << 5          /* o->month_terms (plans) */
} sim_product;

typedef struct model_type {
    const char *name;
    /* at most one of the two; each returns HS_OK or fills e */
    hs_status (*trajectory)(sim_work *w, hs_error *e);
    hs_status (*option)(sim_work *w, opt_work *o, hs_error *e);
    /* optional: after every option hook (and option_done) of option o, undoes
     * this model's writes to per-worker scratch; cannot fail */
    void (*option_end)(sim_work *w, opt_work *o);
    /* the second step (pricing), per option: reads only the physical record
     * (record.h) and the parameters; writes the ledger and price metrics */
    hs_status (*price)(sim_work *w, opt_work *o, hs_error *e);
    unsigned needs, provides; /* sim_product bits */
} model_type;

extern const model_type *const models_registry[]; /* NULL-terminated, in call order */

/* Asserts that the engine can run `models` (NULL-terminated) in the order it
 * calls them (every trajectory hook, in list order, then every option hook,
 * then every price hook, in list order): each model has a hook and not both
 * trajectory and option, every product a model
 * needs has a provider, and every provider of it runs before the model. */
void sim_models_check(const model_type *const *models);

#endif
