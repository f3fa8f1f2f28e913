/* test_traffic_record.c — keeping and restoring the traffic part of the demand
 * (sim/engine/traffic_record.h).
 *
 * - the declaration (HS_TRAFFIC_INPUTS, record.h): perturbing any value slot not on the list
 *   (every other global, every option parameter) leaves the traffic of a trajectory the same to
 *   the bit; perturbing each listed global moves it (so a traffic input wrongly left off the
 *   list fails the first test);
 * - equality: on inputs/default (strategies and correlations included), for each physical
 *   input the traffic does not read, fixed at its p10, a run restoring the base run's traffic
 *   gives every metric and ledger cell of every result of a full simulation, to the bit.
 * Seed 20271202, trajectories 0-1; replay with the same seed.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/record.h"
#include "engine/traffic_record.h"
#include "scenario/correlations.h"
#include "test_env.h"

#define S_SEED 20271202u
#define S_TRAJ 2

/* fixed arrays of w, all NaN (sampled) */
static void S_clear(const sim_work *w, double *g, double *o)
{
    for (int i = 0; i < PG_COUNT; i++)
        g[i] = NAN;
    for (int i = 0; i < w->nopt * PO_COUNT; i++)
        o[i] = NAN;
}

/* A value of slot s other than its usual one, inside its bounds: its p10 when uncertain,
 * else 0.73 x it (1 % into its range when 0). */
static double S_moved(const scenario *sc, const param_slot *s)
{
    const param_value *v = PARAM_SLOT_OF(*s, sc->g, sc->opt[s->opt].p);
    const double lo = s->d->lo, hi = s->d->hi < 1e7 ? s->d->hi : 1e7;
    if (!spec_is_const(&v->s)) return spec_quantile(&v->s, 0.10);
    const double x = v->s.a, y = x != 0 ? 0.73 * x : lo + 0.01 * (hi - lo);
    return y < lo ? lo : y > hi ? hi : y;
}

static void S_happen(sim_work *w, const double *g, const double *o, uint64_t traj)
{
    hs_error e = {0};
    w->fixed_g = g, w->fixed_o = o;
    cr_assert(sim_trajectory_happen(w, S_SEED, traj, 0, &e) == HS_OK, "seed %u traj %llu: %s",
              S_SEED, (unsigned long long)traj, e.msg);
}

Test(traffic_record, only_the_declared_inputs_move_the_traffic)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 5);
    sim_work *w = v.w;
    hs_error e = {0};
    sim_traffic *t = sim_traffic_new(v.plan, S_TRAJ + 1, &e);
    double *g = malloc(PG_COUNT * sizeof *g), *o = malloc((size_t)w->nopt * PO_COUNT * sizeof *o);
    cr_assert(t && g && o, "%s", e.msg);
    for (int k = 0; k < S_TRAJ; k++) {
        S_clear(w, g, o);
        S_happen(w, g, o, (uint64_t)k);
        cr_assert(sim_traffic_save(t, (size_t)k, w));
    }
    int listed = 0, others = 0;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const int on = s.opt < 0 && sim_param_traffic(s.d->index);
        listed += on, others += !on;
        for (int k = 0; k < S_TRAJ; k++) {
            S_clear(w, g, o);
            *(s.opt < 0 ? &g[s.d->index] : &o[(size_t)s.opt * PO_COUNT + s.d->index]) =
                S_moved(v.sc, &s);
            S_happen(w, g, o, (uint64_t)k);
            cr_assert(sim_traffic_save(t, S_TRAJ, w));
            if (on)
                cr_assert(!sim_traffic_same(t, (size_t)k, S_TRAJ),
                          "%s is declared a traffic input but does not move the traffic",
                          s.d->name);
            else
                cr_assert(sim_traffic_same(t, (size_t)k, S_TRAJ),
                          "%s.%s moves the traffic (seed %u, trajectory %d): declare it in "
                          "HS_TRAFFIC_INPUTS",
                          param_slot_owner(v.sc, &s), s.d->name, S_SEED, k);
        }
    }
    cr_assert(listed == 4 && others > 100, "listed %d, others %d", listed, others);
    free(g);
    free(o);
    sim_traffic_free(t);
    S_env_free(&v);
}

/* Every metric and ledger cell of every result, and the strategies' switch months. */
static size_t S_outputs(const sim_work *w, double *out)
{
    const size_t cells = (CAT_COUNT + VAL_COUNT) * (size_t)w->plan->months;
    size_t n = 0;
    for (int i = 0; i < w->nres; i++, n += MET_COUNT + cells) {
        if (!out) continue;
        memcpy(out + n, w->opt[i].met, MET_COUNT * sizeof *out);
        memcpy(out + n + MET_COUNT, w->opt[i].led->m, cells * sizeof *out);
    }
    if (out) memcpy(out + n, w->switch_month, (size_t)w->nsw * sizeof *out);
    return n + (size_t)w->nsw;
}

Test(traffic_record, restoring_the_traffic_equals_a_full_run_to_the_bit)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 5);
    sim_work *w = v.w;
    cr_assert(v.sc->corr && v.sc->corr->k > 0 && w->nres > w->nopt,
              "the default scenario has correlations and strategies");
    hs_error e = {0};
    sim_traffic *t = sim_traffic_new(v.plan, S_TRAJ, &e);
    double *g = malloc(PG_COUNT * sizeof *g), *o = malloc((size_t)w->nopt * PO_COUNT * sizeof *o);
    const size_t n = S_outputs(w, NULL);
    double *full = malloc(n * sizeof *full), *again = malloc(n * sizeof *again);
    cr_assert(t && g && o && full && again, "%s", e.msg);
    for (int k = 0; k < S_TRAJ; k++) {
        S_clear(w, g, o);
        S_happen(w, g, o, (uint64_t)k);
        cr_assert(sim_traffic_save(t, (size_t)k, w));
    }
    int tested = 0;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        const param_value *pv = PARAM_SLOT_OF(s, v.sc->g, v.sc->opt[s.opt].p);
        if (spec_is_const(&pv->s) || sim_param_price_only(s.d->scope, s.d->index) ||
            (s.opt < 0 && sim_param_traffic(s.d->index)))
            continue;
        tested++;
        for (int k = 0; k < S_TRAJ; k++) {
            S_clear(w, g, o);
            *(s.opt < 0 ? &g[s.d->index] : &o[(size_t)s.opt * PO_COUNT + s.d->index]) =
                spec_quantile(&pv->s, 0.10);
            w->fixed_g = g, w->fixed_o = o;
            cr_assert(sim_trajectory(w, S_SEED, (uint64_t)k, 0, &e) == HS_OK, "%s", e.msg);
            S_outputs(w, full);
            int restored = 0;
            cr_assert(sim_trajectory_happen_reusing(w, S_SEED, (uint64_t)k, 0, t, (size_t)k,
                                                    &restored, &e) == HS_OK,
                      "%s", e.msg);
            cr_assert(sim_trajectory_price(w, &e) == HS_OK, "%s", e.msg);
            cr_assert(restored, "%s: the traffic was not restored", s.d->name);
            S_outputs(w, again);
            cr_assert(memcmp(full, again, n * sizeof *full) == 0,
                      "%s.%s at p10, trajectory %d (seed %u): restoring the traffic differs from "
                      "a full run",
                      param_slot_owner(v.sc, &s), s.d->name, k, S_SEED);
        }
    }
    cr_assert(tested >= 8, "only %d physical non-traffic inputs tested", tested);
    /* a traffic input moved: not restored */
    S_clear(w, g, o);
    g[PG_volume_month] = 91234.5;
    w->fixed_g = g, w->fixed_o = o;
    int restored = 1;
    cr_assert(sim_trajectory_happen_reusing(w, S_SEED, 0, 0, t, 0, &restored, &e) == HS_OK);
    cr_assert(!restored, "a run with another volume_month restored the base traffic");
    free(full);
    free(again);
    free(g);
    free(o);
    sim_traffic_free(t);
    S_env_free(&v);
}
