/* test_reprice.c — the two steps of a trajectory (engine.h) and re-pricing
 * kept physical records (sim/engine/record.h).
 *
 * - equality: on inputs/default, for every price-only value slot (each
 *   declared parameter, globally and for each option) fixed at another value,
 *   re-pricing the kept record of a trajectory gives every metric and every
 *   ledger cell (all categories and value lines, all months) of a full
 *   simulation with that value, to the bit (memcmp);
 * - the declaration: perturbing any price-only slot, at two values inside its
 *   bounds, leaves the physical record unchanged to the bit, on inputs/default
 *   and inputs/large (overflow, upgrades, plan tiers moving);
 * - a run whose physical inputs differ from the record's does not fit it.
 * Seed 20271117, trajectories 0-2; replay with the same seed.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/record.h"
#include "test_env.h"

#define S_SEED 20271117u
#define S_TRAJ 3

typedef struct {
    double *g, *o; /* fixed arrays, NaN = sampled */
    size_t out;    /* doubles of one trajectory's outputs */
} S_fixed;

static S_fixed S_fixed_new(const sim_work *w)
{
    S_fixed f;
    f.g = malloc(PG_COUNT * sizeof *f.g);
    f.o = malloc((size_t)w->nopt * PO_COUNT * sizeof *f.o);
    cr_assert(f.g && f.o);
    f.out = (size_t)w->nres * (MET_COUNT + (CAT_COUNT + VAL_COUNT) * (size_t)w->plan->months) +
            (size_t)w->nsw;
    return f;
}

static void S_unfix(S_fixed *f, int nopt)
{
    for (int i = 0; i < PG_COUNT; i++)
        f->g[i] = NAN;
    for (int i = 0; i < nopt * PO_COUNT; i++)
        f->o[i] = NAN;
}

/* Every metric and ledger cell of every result of w (the options, then the strategies) and
 * the strategies' switch months into out. */
static void S_outputs(const sim_work *w, double *out)
{
    const size_t cells = (CAT_COUNT + VAL_COUNT) * (size_t)w->plan->months;
    for (int i = 0; i < w->nres; i++) {
        memcpy(out, w->opt[i].met, MET_COUNT * sizeof *out);
        memcpy(out + MET_COUNT, w->opt[i].led->m, cells * sizeof *out);
        out += MET_COUNT + cells;
    }
    memcpy(out, w->switch_month, (size_t)w->nsw * sizeof *out);
}

/* Another value of slot s inside its bounds: its p10 if uncertain, else 0.73 x its value (or
 * 1 % into its range when 0), or `at` of the way through [lo, min(hi, 1e7)] when at >= 0. */
static double S_other(const scenario *sc, const param_slot *s, double at)
{
    const param_value *v = PARAM_SLOT_OF(*s, sc->g, sc->opt[s->opt].p);
    const double lo = s->d->lo, hi = s->d->hi < 1e7 ? s->d->hi : 1e7;
    if (at >= 0) return lo + at * (hi - lo);
    if (!spec_is_const(&v->s)) return spec_quantile(&v->s, 0.10);
    const double x = v->s.a, y = x != 0 ? 0.73 * x : lo + 0.01 * (hi - lo);
    return y < lo ? lo : y > hi ? hi : y;
}

static double *S_slot(S_fixed *f, const param_slot *s)
{
    return s->opt < 0 ? &f->g[s->d->index] : &f->o[(size_t)s->opt * PO_COUNT + s->d->index];
}

static void S_run(sim_work *w, S_fixed *f, uint64_t traj)
{
    hs_error e = {0};
    w->fixed_g = f->g, w->fixed_o = f->o;
    cr_assert(sim_trajectory(w, S_SEED, traj, 0, &e) == HS_OK, "%s", e.msg);
}

static void S_keep(sim_work *w, S_fixed *f, uint64_t traj, sim_records *r, size_t slot)
{
    hs_error e = {0};
    w->fixed_g = f->g, w->fixed_o = f->o;
    cr_assert(sim_trajectory_happen(w, S_SEED, traj, 0, &e) == HS_OK, "%s", e.msg);
    cr_assert(sim_record_save(r, slot, w), "record of trajectory %llu not kept",
              (unsigned long long)traj);
}

Test(reprice, every_price_only_slot_reprices_to_the_bit_of_a_full_simulation)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 5);
    sim_work *w = v.w;
    hs_error e = {0};
    S_fixed f = S_fixed_new(w);
    double *full = malloc(f.out * sizeof *full), *again = malloc(f.out * sizeof *again);
    sim_records *r = sim_records_new(v.plan, S_TRAJ, &e);
    cr_assert(r && full && again, "%s", e.msg);
    S_unfix(&f, w->nopt);
    for (int t = 0; t < S_TRAJ; t++)
        S_keep(w, &f, (uint64_t)t, r, (size_t)t);
    int slots = 0;
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        if (!sim_param_price_only(s.d->scope, s.d->index)) continue;
        slots++;
        for (int t = 0; t < S_TRAJ; t++) {
            S_unfix(&f, w->nopt);
            *S_slot(&f, &s) = S_other(v.sc, &s, -1);
            S_run(w, &f, (uint64_t)t);
            S_outputs(w, full);
            cr_assert(sim_record_fits(r, (size_t)t, S_SEED, (uint64_t)t, w));
            cr_assert(sim_record_price(w, r, (size_t)t, &e) == HS_OK, "%s", e.msg);
            S_outputs(w, again);
            cr_assert(memcmp(full, again, f.out * sizeof *full) == 0,
                      "%s.%s = %g, trajectory %d (seed %u): re-priced outputs differ from a "
                      "full simulation",
                      param_slot_owner(v.sc, &s), s.d->name, *S_slot(&f, &s), t, S_SEED);
        }
    }
    cr_assert_gt(slots, 200, "price-only slots of the default scenario: %d", slots);
    sim_records_free(r);
    free(full);
    free(again);
    free(f.g);
    free(f.o);
    S_env_free(&v);
}

static void S_physics_unmoved(const char *dir)
{
    S_env v = S_env_new(dir, NULL, 0, 5);
    sim_work *w = v.w;
    hs_error e = {0};
    S_fixed f = S_fixed_new(w);
    sim_records *r = sim_records_new(v.plan, 2 * S_TRAJ, &e);
    cr_assert(r, "%s", e.msg);
    for (int t = 0; t < S_TRAJ; t++) {
        S_unfix(&f, w->nopt);
        S_keep(w, &f, (uint64_t)t, r, (size_t)t);
    }
    PARAM_SLOTS_FOREACH (s, w->nopt, PARAM_SLOTS_BY_PARAM) {
        if (!sim_param_price_only(s.d->scope, s.d->index)) continue;
        for (int k = 0; k < 2; k++)
            for (int t = 0; t < S_TRAJ; t++) {
                S_unfix(&f, w->nopt);
                *S_slot(&f, &s) = S_other(v.sc, &s, k ? 0.6180 : 0.0314);
                S_keep(w, &f, (uint64_t)t, r, (size_t)(S_TRAJ + t));
                cr_assert(sim_record_same_physics(r, (size_t)t, (size_t)(S_TRAJ + t)),
                          "%s: %s.%s = %g changes the physical record of trajectory %d (seed "
                          "%u): it is not price-only (sim/engine/record.h)",
                          dir, param_slot_owner(v.sc, &s), s.d->name, *S_slot(&f, &s), t, S_SEED);
            }
    }
    sim_records_free(r);
    free(f.g);
    free(f.o);
    S_env_free(&v);
}

Test(reprice, price_only_slots_leave_the_default_physical_record_unchanged)
{
    S_physics_unmoved("inputs/default");
}

Test(reprice, price_only_slots_leave_a_busy_physical_record_unchanged)
{
    S_physics_unmoved("inputs/large");
}

Test(reprice, a_run_with_another_physical_input_does_not_fit_the_record)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 5);
    sim_work *w = v.w;
    hs_error e = {0};
    S_fixed f = S_fixed_new(w);
    sim_records *r = sim_records_new(v.plan, 1, &e);
    cr_assert(r, "%s", e.msg);
    S_unfix(&f, w->nopt);
    S_keep(w, &f, 0, r, 0);
    cr_assert(sim_record_fits(r, 0, S_SEED, 0, w));
    cr_assert_not(sim_record_fits(r, 0, S_SEED, 1, w), "another trajectory");
    cr_assert_not(sim_record_fits(r, 0, S_SEED + 1, 0, w), "another seed");
    f.g[PG_volume_month] = 81234.5;
    cr_assert_not(sim_record_fits(r, 0, S_SEED, 0, w), "volume_month is physical");
    cr_assert(sim_record_price(w, r, 0, &e) != HS_OK);
    sim_records_free(r);
    free(f.g);
    free(f.o);
    S_env_free(&v);
}

Test(reprice, a_skipped_option_has_nothing_to_reprice)
{
    S_env v = S_env_new("inputs/default", NULL, 0, 5);
    sim_work *w = v.w;
    hs_error e = {0};
    S_fixed f = S_fixed_new(w);
    double *full = malloc(f.out * sizeof *full), *again = malloc(f.out * sizeof *again);
    sim_records *r = sim_records_new(v.plan, 1, &e);
    cr_assert(r && full && again, "%s", e.msg);
    S_unfix(&f, w->nopt);
    w->skip = 1u << 1;
    S_keep(w, &f, 0, r, 0);
    w->skip = 0;
    cr_assert_not(sim_record_fits(r, 0, S_SEED, 0, w), "option 1 was skipped by the record");
    cr_assert(sim_record_price(w, r, 0, &e) != HS_OK);
    w->skip = 1u << 1 | 1u << 2;
    cr_assert_not(sim_record_fits(r, 0, S_SEED, 0, w), "option 2 was not skipped by the record");
    w->skip = 1u << 1; /* the record's mask: re-priced as a full run of that mask */
    f.g[PG_revenue_year] = 3.1e6;
    S_run(w, &f, 0);
    S_outputs(w, full);
    cr_assert(sim_record_fits(r, 0, S_SEED, 0, w));
    cr_assert(sim_record_price(w, r, 0, &e) == HS_OK, "%s", e.msg);
    S_outputs(w, again);
    cr_assert(memcmp(full, again, f.out * sizeof *full) == 0,
              "re-priced outputs differ from a full simulation with option 1 skipped");
    w->skip = 0;
    sim_records_free(r);
    free(full);
    free(again);
    free(f.g);
    free(f.o);
    S_env_free(&v);
}

/* A record of one scenario (a sweep's point) re-priced by a workspace of another: same files
 * and horizon, another value of a price-only parameter: the second's full simulation to the
 * bit; a --set that drops a correlation row (revenue_year ~ volume_month in the default)
 * can change what the other scenario samples of the physical partner: it fits only where the
 * sampled physical values are the record's, and then re-prices to the bit. */
Test(reprice, another_scenario_reprices_when_it_samples_the_same_physical_values)
{
    const char *a_set[] = {"payg.message_fee=0.011"}, *b_set[] = {"payg.message_fee=0.027"};
    const char *c_set[] = {"global.revenue_year=3100000"};
    S_env a = S_env_new("inputs/default", a_set, 1, 5),
          b = S_env_new("inputs/default", b_set, 1, 5);
    S_env c = S_env_new("inputs/default", c_set, 1, 5), d = S_env_new("inputs/default", NULL, 0, 5);
    S_env y = S_env_new("inputs/default", a_set, 1, 4);
    hs_error e = {0};
    S_fixed f = S_fixed_new(b.w);
    double *full = malloc(f.out * sizeof *full), *again = malloc(f.out * sizeof *again);
    sim_records *ra = sim_records_new(a.plan, S_TRAJ, &e),
                *rc = sim_records_new(c.plan, S_TRAJ, &e);
    cr_assert(ra && rc && full && again, "%s", e.msg);
    S_unfix(&f, b.w->nopt);
    for (int t = 0; t < S_TRAJ; t++) {
        S_keep(a.w, &f, (uint64_t)t, ra, (size_t)t);
        S_keep(c.w, &f, (uint64_t)t, rc, (size_t)t);
    }
    for (int t = 0; t < S_TRAJ; t++) {
        S_run(b.w, &f, (uint64_t)t);
        S_outputs(b.w, full);
        cr_assert(sim_record_fits(ra, (size_t)t, S_SEED, (uint64_t)t, b.w));
        cr_assert(sim_record_price(b.w, ra, (size_t)t, &e) == HS_OK, "%s", e.msg);
        S_outputs(b.w, again);
        cr_assert(memcmp(full, again, f.out * sizeof *full) == 0,
                  "trajectory %d (seed %u): re-priced from another scenario differs", t, S_SEED);
        cr_assert_eq(b.w->opt[3].p[PO_message_fee], 0.027, "the price is the workspace's own");
        /* the base scenario (the row kept): re-priced only where it samples the record's
         * physical values, then to the bit of its own simulation; else refused */
        S_run(d.w, &f, (uint64_t)t);
        S_outputs(d.w, full);
        if (sim_record_fits(rc, (size_t)t, S_SEED, (uint64_t)t, d.w)) {
            cr_assert(sim_record_price(d.w, rc, (size_t)t, &e) == HS_OK, "%s", e.msg);
            S_outputs(d.w, again);
            cr_assert(memcmp(full, again, f.out * sizeof *full) == 0,
                      "trajectory %d (seed %u): a fitting record of a dropped row differs", t,
                      S_SEED);
        } else
            cr_assert(sim_record_price(d.w, rc, (size_t)t, &e) != HS_OK);
        cr_assert_not(sim_record_fits(ra, (size_t)t, S_SEED, (uint64_t)t, y.w), "another horizon");
    }
    sim_records_free(ra);
    sim_records_free(rc);
    free(full);
    free(again);
    free(f.g);
    free(f.o);
    S_env_free(&a);
    S_env_free(&b);
    S_env_free(&c);
    S_env_free(&d);
    S_env_free(&y);
}
