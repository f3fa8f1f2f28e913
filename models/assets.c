/* assets.c — equipment: purchases, replacements, salvage, depreciation.
 *
 * Each item of assets.csv (unit cost c, count n, life L years, residual
 * share r3 after 3 years) is bought at go-live (month 0), bought again at
 * the end of its life (12 L calendar months later) and right after a
 * disaster destroys it. Prices follow
 * price_escalation: c_y = c (1 + e)^y in horizon year y.
 * Residual value of an item of age a months (FIGURES.md "Hardware life":
 * 25–30 % after 3 years, ~0 after 5):
 *   v(a) = 1 - (1 - r3) a/36          for a <= 36,
 *        = r3 (60 - a)/24             for 36 < a < 60,   0 after.
 * Salvage at the horizon: -n c_y v(age) (a negative cost, category salvage).
 * Residual by month (o->month_residual, for a strategy's move away from the
 * option): sum over the items in service at the start of month m of
 * n c_y v(age at that start), c_y at the price of the item's purchase.
 * Accounting view (metric depreciation): straight line n c_y / (12 L) per
 * month while the item is in service, plus the book value written off when
 * a disaster destroys it.
 * Capacity upgrades (ordered by capacity.c: o->upgrade_*) follow the same
 * lifecycle (S_hold): upgrade_cost paid in the month of the order, in
 * service from its arrival, life upgrade_life, residual upgrade_residual_3y;
 * from the month of its arrival each runs at upgrade_energy +
 * upgrade_colocation a month (energy_colocation), upgrade_licence_year / 12
 * (software_licences) and upgrade_maintenance / 12 (upgrades), x E_y.
 * Obsolescence catch-up: with probability obsolescence_prob, at month
 * 12 x obsolescence_year (if inside the horizon), obsolescence_cost
 * (category upgrades; FIGURES.md: after year 4, ¥100,000–150,000).
 * Stream: "assets"/<option> (unit costs, obsolescence). Reads o->disasters
 * (outages) and o->upgrade_* (capacity).
 */
#include <math.h>

#include "base/units.h"
#include "engine/engine.h"
#include "engine/streams.h"
#include "models.h"

double assets_residual(double age_months, double r3)
{
    if (age_months <= 36) return 1 - (1 - r3) * age_months / 36;
    if (age_months < 60) return r3 * (60 - age_months) / 24;
    return 0;
}

/* One piece of equipment of price `price` (before escalation) in service
 * from hour t, first paid in month `paid` (its order): bought again at the
 * start of month month(t) + life_m and right after a disaster destroys it;
 * depreciated straight-line over life_m months (written off when destroyed);
 * salvaged at the horizon at its residual share v(age). The one lifecycle of
 * the items of assets.csv and of the capacity upgrades. */
static void S_hold(opt_work *o, const sim_plan *p, double price, double t, int paid, int life_m,
                   double r3)
{
    const double H = (double)p->hours, *E = o->price_index;
    int di = 0; /* next disaster */
    for (int m = paid;; m = sim_month_of(p, t)) {
        const double cost = price * E[p->month_year[m]];
        ledger_add(o->led, CAT_hardware, m, cost);
        while (di < o->disasters.n && o->disasters.v[di].t0 <= t)
            di++;
        /* life in calendar months: in service from month mt, replaced at the start of
         * month mt + life_m, whatever the leap days */
        const int mt = sim_month_of(p, t);
        double next_eol = mt + life_m < p->months ? p->month_first_hour[mt + life_m] : H;
        double next_dis = di < o->disasters.n ? o->disasters.v[di].t0 : H;
        double next = next_eol < next_dis ? next_eol : next_dis;
        for (int k = mt; k < p->months && p->month_first_hour[k] < next; k++)
            if (p->month_first_hour[k] >= t)
                o->month_residual[k] +=
                    cost *
                    assets_residual((p->month_first_hour[k] - t) / UNITS_HOURS_PER_MONTH, r3);
        if (next >= H) {
            double age_m = (H - t) / UNITS_HOURS_PER_MONTH;
            o->met[MET_depreciation] += cost * (age_m < life_m ? age_m / life_m : 1);
            ledger_add(o->led, CAT_salvage, p->months - 1, -cost * assets_residual(age_m, r3));
            return;
        }
        o->met[MET_depreciation] += cost; /* depreciated in full, or written off */
        t = next;
    }
}

static int S_life_months(double years)
{
    const int life_m = (int)lround(years * 12);
    return life_m < 1 ? 1 : life_m;
}

/* The capacity upgrades (capacity.c orders them): each is equipment of
 * price upgrade_cost (S_hold), and from the month it arrives to the horizon
 * it runs at (upgrade_energy + upgrade_colocation) x E_y a month
 * (energy_colocation), upgrade_licence_year / 12 x E_y (software_licences)
 * and upgrade_maintenance / 12 x E_y (upgrades). */
static void S_upgrades(opt_work *o, const sim_plan *p)
{
    const double *q = o->p, *E = o->price_index;
    const int life_m = S_life_months(q[PO_upgrade_life]);
    const double power = q[PO_upgrade_energy] + q[PO_upgrade_colocation];
    const double licence = q[PO_upgrade_licence_year] / 12, upkeep = q[PO_upgrade_maintenance] / 12;
    for (int k = 0; k < o->nupgrades; k++) {
        const double t = o->upgrade_arrival[k];
        if (q[PO_upgrade_cost] > 0)
            S_hold(o, p, q[PO_upgrade_cost], t, o->upgrade_month[k], life_m,
                   q[PO_upgrade_residual_3y]);
        for (int m = sim_month_of(p, t); m < p->months; m++) {
            const double esc = E[p->month_year[m]];
            ledger_add(o->led, CAT_energy_colocation, m, power * esc);
            ledger_add(o->led, CAT_software_licences, m, licence * esc);
            ledger_add(o->led, CAT_upgrades, m, upkeep * esc);
        }
    }
}

static hs_status S_assets(sim_work *w, opt_work *o, hs_error *e)
{
    const sim_plan *p = w->plan;
    const double *q = o->p, *E = o->price_index;
    sim_stream(w, "assets", o);
    const gsl_rng *r = w->r;
    double u_obs = gsl_rng_uniform(r);
    for (int i = 0; i < o->so->nassets; i++) {
        const asset_item *a = &o->so->assets[i];
        double price = spec_sample(r, &a->unit_cost) * a->count;
        if (!isfinite(price)) /* the loader bounds the cost (SCENARIO_ASSET_COST_MAX) */
            return hs_error_set(e, HS_ERR_RUNTIME,
                                "assets.csv:%zu: item '%s' drew a cost of %g: please report this "
                                "with the scenario",
                                a->line, a->item, price);
        if (price > 0) S_hold(o, p, price, 0, 0, S_life_months(a->life_years), a->residual_3y);
    }
    S_upgrades(o, p);
    double om = 12 * q[PO_obsolescence_year];
    if (q[PO_obsolescence_cost] > 0 && om < p->months && u_obs < q[PO_obsolescence_prob]) {
        int m = (int)om;
        ledger_add(o->led, CAT_upgrades, m, q[PO_obsolescence_cost] * E[p->month_year[m]]);
    }
    return HS_OK;
}

const model_type model_assets = {
    .name = "assets", .price = S_assets, .needs = SIM_DISASTERS | SIM_SERVICE};
