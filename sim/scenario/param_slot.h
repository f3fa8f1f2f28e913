/* param_slot.h — one walk over the parameter slots of a scenario.
 *
 * A slot is one value of the parameter table: a global parameter once
 * (g[PG_*]), a per-option parameter once per option (opt[o].p[PO_*]). Every
 * loop over the slots goes through this iterator, in one of two orders:
 *   PARAM_SLOTS_BY_PARAM  table order, the options of each per-option
 *                         parameter inner (sampling, finalizing, the
 *                         uncertain inputs, trajectories.csv's columns);
 *   PARAM_SLOTS_BY_OWNER  the global parameters in table order, then each
 *                         option's parameters in table order (the listings:
 *                         `hostsim params`, params.csv).
 * Each slot is visited exactly once. Usage:
 *   PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_PARAM) {
 *       param_value *v = PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p);
 *       ... s.d->name, param_slot_owner(sc, &s) ...
 *   }
 */
#ifndef HS_PARAM_SLOT_H
#define HS_PARAM_SLOT_H

#include "params.h"
#include "scenario.h"

typedef enum { PARAM_SLOTS_BY_PARAM, PARAM_SLOTS_BY_OWNER } param_slot_order;

typedef struct {
    const param_def *d; /* the parameter; NULL once every slot was visited */
    int opt;            /* the option, or -1 for a global parameter */
    /* private */
    int i, nopt;
    param_slot_order order;
} param_slot;

/* The first slot of a scenario with nopt options (nopt >= 0). */
param_slot param_slot_first(int nopt, param_slot_order order);
/* Moves s to the next slot (s->d becomes NULL after the last one). */
void param_slot_next(param_slot *s);

#define PARAM_SLOTS_FOREACH(s, nopt, order)                                                        \
    for (param_slot s = param_slot_first((nopt), (order)); s.d; param_slot_next(&s))

/* The element of slot s in a pair of arrays indexed like a scenario's values: g[PG_*] for a
 * global parameter, else o_of_opt[PO_*], an expression in s.opt (evaluated only then), e.g.
 * PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p) or PARAM_SLOT_OF(s, w->g, w->opt[s.opt].p).
 * An lvalue's address, const if the arrays are. */
#define PARAM_SLOT_OF(s, g, o_of_opt) ((s).opt < 0 ? &(g)[(s).d->index] : &(o_of_opt)[(s).d->index])

/* "global" or the name of the slot's option. */
const char *param_slot_owner(const scenario *sc, const param_slot *s);

#endif
