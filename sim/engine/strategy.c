/* strategy.c — a strategy composed from the options of the same trajectory (see strategy.h). */
#include "strategy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/units.h"
#include "streams.h"

/* A step's value this trajectory: its constant, or a draw of its own stream. */
static double S_value(sim_work *w, const char *name, int k, const spec *s)
{
    if (spec_is_const(s)) return s->a;
    char label[16];
    snprintf(label, sizeof label, "step%d", k + 1);
    streams_key(w->r, w->seed, w->traj, "strategy", name, label);
    return spec_sample(w->r, s);
}

/* A move cost: the strategies.csv cell, or dflt. Each cost has its own stream. */
static double S_cost(sim_work *w, const char *name, int k, const strategy_step *st, int c,
                     double dflt)
{
    if (!st->has_cost[c]) return dflt;
    if (spec_is_const(&st->cost[c])) return st->cost[c].a;
    char label[48];
    snprintf(label, sizeof label, "step%d.%s", k + 1, strategy_cost_columns[c]);
    streams_key(w->r, w->seed, w->traj, "strategy", name, label);
    return spec_sample(w->r, &st->cost[c]);
}

/* Messages demanded in month m: served, lost to overflow, and demanded while down. */
static double S_demand(const opt_work *a, int m)
{
    return a->month_served[m] + a->month_lost_overflow[m] + a->month_lost_outage[m];
}

static int S_holds(const strategy_step *st, const opt_work *a, int m, int months, double v)
{
    double x = 0;
    switch (st->when) {
    case STRAT_WHEN_downtime_hours:
        for (int i = m - st->window < 0 ? 0 : m - st->window; i < m; i++)
            x += a->month_down[i];
        return x > v;
    case STRAT_WHEN_monthly_cost:
        return ledger_month_total(a->led, m - 1) > v;
    case STRAT_WHEN_volume_month:
        return S_demand(a, m - 1) > v;
    case STRAT_WHEN_upgrade_due:
        for (int i = m; i < m + st->window && i < months; i++)
            x += a->led->m[(long)CAT_upgrades * months + i];
        return x > v;
    default:
        return 0;
    }
}

/* The month step k of st fires, at the earliest `first`; months: never. */
static int S_switch_month(sim_work *w, const scenario_strategy *st, int k, int first)
{
    const int M = w->plan->months;
    const strategy_step *s = &st->step[k];
    const double v = S_value(w, st->name, k, &s->value);
    if (s->when == STRAT_WHEN_month) {
        double m = floor(v);
        if (m < first) m = first;
        return m >= M ? M : (int)m;
    }
    const opt_work *a = &w->opt[s->from];
    for (int m = first; m < M; m++)
        if (S_holds(s, a, m, M, v)) return m;
    return M;
}

/* Running costs: what an option pays again while it runs beside the new one. */
static int S_running(int c)
{
    return c != CAT_hardware && c != CAT_salvage && c != CAT_exit && c != CAT_migration_training &&
           c != CAT_golive_delay;
}

static void S_move(sim_work *w, opt_work *r, const scenario_strategy *st, int k, int s)
{
    const sim_plan *p = w->plan;
    const int M = p->months;
    const strategy_step *step = &st->step[k];
    const opt_work *a = &w->opt[step->from], *b = &w->opt[step->to];
    ledger *L = r->led;
    ledger_add(L, CAT_exit, s, S_cost(w, st->name, k, step, STRAT_COST_exit, 0));
    const double d = S_cost(w, st->name, k, step, STRAT_COST_double_months, 1);
    for (int i = 0; i < M - s && i < d; i++) {
        const double part = d - i < 1 ? d - i : 1;
        for (int c = 0; c < CAT_COUNT; c++)
            if (S_running(c))
                ledger_add(L, (ledger_category)c, s + i, part * a->led->m[(long)c * M + s + i]);
    }
    const double *q = b->p;
    ledger_add(L, CAT_migration_training, s,
               S_cost(w, st->name, k, step, STRAT_COST_migration, q[PO_migration_cost]) +
                   S_cost(w, st->name, k, step, STRAT_COST_training, q[PO_training_cost]) +
                   S_cost(w, st->name, k, step, STRAT_COST_trial_loss, q[PO_trial_loss]));
    const double days = S_cost(w, st->name, k, step, STRAT_COST_golive_days, q[PO_golive_days]);
    ledger_add(L, CAT_golive_delay, s,
               days * 12 * S_demand(a, s - 1) / UNITS_DAYS_PER_YEAR * q[PO_golive_missed_share] *
                   w->value_per_message);
    ledger_add(L, CAT_salvage, s, -a->month_residual[s]);
    ledger_add(L, CAT_hardware, s, b->month_residual[s]);
}

/* Months [m0, m1) of option a into result r. */
static void S_segment(opt_work *r, const opt_work *a, int m0, int m1, int M)
{
    const size_t n = (size_t)(m1 - m0) * sizeof(double);
    for (int c = 0; c < CAT_COUNT + VAL_COUNT; c++)
        memcpy(r->led->m + (long)c * M + m0, a->led->m + (long)c * M + m0, n);
    memcpy(r->month_down + m0, a->month_down + m0, n);
    memcpy(r->month_overflow + m0, a->month_overflow + m0, n);
    memcpy(r->month_served + m0, a->month_served + m0, n);
    memcpy(r->month_lost_outage + m0, a->month_lost_outage + m0, n);
    memcpy(r->month_lost_overflow + m0, a->month_lost_overflow + m0, n);
    const double share = (double)(m1 - m0) / M;
    static const int weighted[] = {MET_messages_delayed, MET_security_incidents, MET_breaches,
                                   MET_depreciation};
    for (size_t i = 0; i < sizeof weighted / sizeof *weighted; i++)
        r->met[weighted[i]] += share * a->met[weighted[i]];
    double lost = 0, over = 0;
    for (int m = m0; m < m1; m++) {
        lost += a->month_lost_overflow[m] + a->month_lost_outage[m] * a->p[PO_outage_loss_share];
        over += a->month_overflow[m];
    }
    r->met[MET_messages_lost] += lost;
    r->met[MET_overflow_hours] += over;
}

void sim_strategies_compose(sim_work *w)
{
    const scenario *sc = w->plan->sc;
    const int M = w->plan->months;
    double *sw = w->switch_month;
    for (int i = 0; i < sc->nstrat; i++) {
        const scenario_strategy *st = &sc->strat[i];
        opt_work *r = &w->opt[w->nopt + i];
        ledger_clear(r->led);
        memset(r->met, 0, sizeof r->met);
        int s[STRATEGY_MAX_STEPS + 1] = {0}, prev = 0, n = 0;
        for (int k = 0; k < st->nsteps; k++) {
            int m = prev < M ? S_switch_month(w, st, k, prev + 1) : M;
            sw[k] = m;
            if (m < M) s[n++] = m;
            prev = m;
        }
        int m0 = 0;
        for (int k = 0; k <= n; k++) {
            const int m1 = k < n ? s[k] : M;
            const int on = k < n ? st->step[k].from : n ? st->step[n - 1].to : st->step[0].from;
            S_segment(r, &w->opt[on], m0, m1, M);
            m0 = m1;
        }
        for (int k = 0; k < n; k++)
            S_move(w, r, st, k, s[k]);
        sw += st->nsteps;
    }
}
