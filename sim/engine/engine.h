/* engine.h — what the engine gives the models, and what a model is.
 *
 * A run precomputes a read-only plan (the calendar of the horizon as
 * tables). Each worker thread owns one sim_work (generator, hourly demand,
 * per-hour scratch, event lists, ledgers), allocated once; a trajectory
 * reuses it. A model is a constant model_type with up to two hooks:
 *   trajectory(w)  once per trajectory, before any option (traffic);
 *   option(w, o)   once per option, in registry order (models/registry.c).
 * The engine calls the registry in order and never names a model; models
 * read the plan, the sampled parameters and each other's results through
 * sim_work / opt_work. Dependency direction: models -> engine headers.
 */
#ifndef HS_ENGINE_H
#define HS_ENGINE_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "base/calendar.h"
#include "base/hs_error.h"
#include "ledger.h"
#include "metrics.h"
#include "scenario/params.h"
#include "scenario/scenario.h"

#define SIM_MAX_YEARS 50

/* ------------------------------------------------------------ the plan */
typedef struct {
    int years, months, days;
    long hours; /* H = 24 * days */
    cal_date start;
    long start_day;        /* days since 1970-01-01 */
    int *month_first_hour; /* [months + 1]: hour index where month m starts; last = H */
    int *month_year;       /* [months]: 0-based year of the horizon */
    double *month_days;    /* [months]: days in month */
    uint16_t *hour_month;  /* [H]: month of each hour */
    float *hour_weight;    /* [H]: share of its horizon year's volume, before noise:
                              profile x peak multiplier / yearly normaliser */
    uint8_t *day_weekday;  /* [days]: 0 = Monday */
    float *day_multiplier; /* [days]: peak-window multiplier */
    float *day_top_weight; /* [days]: the largest hour_weight of the day */
    const scenario *sc;
} sim_plan;

/* Builds the plan; NULL on error (e set). */
sim_plan *sim_plan_new(const scenario *sc, cal_date start, int years, hs_error *e);
void sim_plan_free(sim_plan *p);

/* ------------------------------------------------------- event lists */
typedef struct {
    double t0, t1; /* hours since the start of the horizon, t0 < t1 */
    int kind;      /* model-defined tag */
} sim_interval;

typedef struct {
    sim_interval *v;
    int n, cap;
} sim_intervals;

/* Appends (amortised: the array grows only when a trajectory sets a new
 * record, never in the hour loop). Returns -1 when out of memory. */
int sim_intervals_push(sim_intervals *l, double t0, double t1, int kind);
/* Sorts by start and merges overlaps into out (union of the intervals). */
int sim_intervals_union(const sim_intervals *in, sim_intervals *out);

/* ------------------------------------------------ per-option workspace */
typedef struct {
    int index; /* option index in the scenario */
    const scenario_option *so;
    double p[PO_COUNT]; /* sampled parameters, canonical units */
    ledger *led;
    sim_intervals outages;       /* scheduled by models, any order */
    sim_intervals merged;        /* their union (outages model) */
    sim_intervals disasters;     /* times of equipment destruction */
    double *month_served;        /* [months] messages served */
    double *month_down;          /* [months] downtime hours */
    double *month_peak_msgs;     /* [months] busiest hour's messages */
    double *month_overflow;      /* [months] overflow hours */
    double *month_lost_outage;   /* [months] messages demanded while down */
    double *month_lost_overflow; /* [months] messages lost to overflow */
    double met[MET_COUNT];       /* MET_* (metrics.h) */
    double *day_down;            /* [days] or NULL: filled for the sample trajectory only */
    double *day_overflow;
} opt_work;

/* --------------------------------------------------- per-worker workspace */
typedef struct sim_work {
    const sim_plan *plan;
    gsl_rng *r; /* re-keyed per purpose via sim_stream */
    uint64_t seed;
    uint64_t traj;
    double g[PG_COUNT];    /* sampled global parameters */
    uint32_t *demand;      /* [H] messages demanded each hour, or SIM_UNDRAWN: read
                              through sim_demand() (see "hourly demand" below) */
    float *rate;           /* [H] expected messages of each hour (Poisson mean) */
    uint32_t *day_rest;    /* [days] messages of the day's undrawn hours together */
    double *day_rest_rate; /* [days] sum of the rates of the day's undrawn hours */
    uint8_t *day_rest_n;   /* [days] how many of its hours are undrawn */
    /* the current option's own draws of undrawn hours (valid where the stamp
     * is `stamp`; see "hourly demand" below) */
    uint32_t *own;           /* [H] */
    uint32_t *own_stamp;     /* [H] */
    uint32_t *own_rest;      /* [days] what is left of day_rest for this option */
    double *own_rest_rate;   /* [days] */
    uint8_t *own_rest_n;     /* [days] */
    uint32_t *own_day_stamp; /* [days] */
    uint32_t stamp;
    gsl_rng *hours_r; /* the current option's "demand_hours" stream */
    /* tests only: called after each option's models, NULL otherwise */
    void (*option_done)(void *ctx, struct sim_work *w, opt_work *o);
    void *option_done_ctx;
    float *down;              /* [H] share of each hour in outage (scratch, kept zero) */
    double *month_demand;     /* [months] messages demanded (exact: a sum of whole numbers) */
    double *month_peak;       /* [months] the busiest hour's demand */
    int *month_peak_hour;     /* [months] the first hour of the month with that demand */
    double value_per_message; /* CNY */
    double *day_demand;       /* [days]: filled for the sample trajectory only */
    int sample;               /* this is the sample trajectory (daily series wanted) */
    int nopt;
    opt_work *opt;
    const double *fixed_g; /* optional overrides of sampled values (Sobol, tornado) */
    const double *fixed_o; /* [nopt][PO_COUNT], NaN = sample as usual */
} sim_work;

sim_work *sim_work_new(const sim_plan *plan, hs_error *e);
void sim_work_free(sim_work *w);

/* Keys w->r for a purpose of the current trajectory (option may be NULL). */
void sim_stream(sim_work *w, const char *purpose, const char *option);

/* Runs one trajectory: samples parameters, runs every model, fills met[]. */
void sim_trajectory(sim_work *w, uint64_t seed, uint64_t traj, int sample_days);

/* ------------------------------------------------------- hourly demand
 * The traffic model draws the count of every hour that could matter on its
 * own (Poisson(rate[h])) and, for the other hours of each day, only their
 * total: day_rest[d] ~ Poisson(sum of their rates) (Poisson variables add).
 * Their demand[h] is SIM_UNDRAWN. All of that is common to every option.
 * When an option's models need an undrawn hour, sim_demand() draws it from
 * what is left of its day's total for that option,
 *   D_h ~ Binomial(rest, rate[h] / sum of the option's undrawn rates of the day)
 * (the last undrawn hour takes the rest), the exact conditional law of
 * independent Poisson counts given their sum, in whatever order the hours
 * are asked for. Those draws are the option's own: its stream
 * ("demand_hours", option name) and its own copy of the day's rest, started
 * afresh for each option (sim_demand_begin). So no option's draws depend on
 * another option, and two options that need the same quiet hour each draw
 * it from the same day total (docs/model.md, "How the hours are drawn"). */
#define SIM_UNDRAWN UINT32_MAX
/* log of the bound, per month, on the probability that an hour left undrawn
 * reaches the count it was judged unable to reach: log(1e-12). */
#define SIM_LOG_EPS (-27.631021115928547)

/* Starts the draws of undrawn hours for one option (the engine calls it
 * before each option's models): its own stream and a fresh copy of every
 * day's rest. */
void sim_demand_begin(sim_work *w, const char *option);

uint32_t sim_demand_assign(sim_work *w, long h);

/* Messages demanded in hour h as the current option sees it (drawn now if
 * it was not yet). */
static inline uint32_t sim_demand(sim_work *w, long h)
{
    const uint32_t d = w->demand[h];
    if (d != SIM_UNDRAWN) return d;
    return w->own_stamp[h] == w->stamp ? w->own[h] : sim_demand_assign(w, h);
}

/* The same, or SIM_UNDRAWN if the hour is not drawn yet (draws nothing). */
static inline uint32_t sim_demand_peek(const sim_work *w, long h)
{
    const uint32_t d = w->demand[h];
    if (d != SIM_UNDRAWN) return d;
    return w->own_stamp[h] == w->stamp ? w->own[h] : SIM_UNDRAWN;
}

/* Draws, for the current option, every hour of month m not drawn yet. */
void sim_demand_month(sim_work *w, int m);

/* ------------------------------------------------------------- models */
typedef struct {
    const char *name;
    void (*trajectory)(sim_work *w);
    void (*option)(sim_work *w, opt_work *o);
} model_type;

extern const model_type *const models_registry[]; /* NULL-terminated, in call order */

/* Month of hour t (t in [0, H)). */
static inline int sim_month_of(const sim_plan *p, double t)
{
    long h = (long)t;
    if (h < 0) h = 0;
    if (h >= p->hours) h = p->hours - 1;
    return p->hour_month[h];
}

#endif
