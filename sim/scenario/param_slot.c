/* param_slot.c — the walk over the parameter slots (see param_slot.h). */
#include "param_slot.h"

#include <assert.h>

/* Whether definition i has a slot for owner opt (-1 = global). */
static int S_fits(int i, int opt)
{
    return (params_defs[i].scope == PARAM_GLOBAL) == (opt < 0);
}

/* Settles s on the first slot at or after (s->i, s->opt), or marks the end. */
static void S_settle(param_slot *s)
{
    if (s->order == PARAM_SLOTS_BY_PARAM) {
        /* s->opt is -1 at a global definition, else an option index */
        for (; s->i < params_count; s->i++) {
            if (params_defs[s->i].scope == PARAM_GLOBAL) {
                s->opt = -1;
                break;
            }
            if (s->opt < 0) s->opt = 0;
            if (s->opt < s->nopt) break;
            s->opt = -1; /* no option left: the next definition starts afresh */
        }
    } else {
        /* owners -1 (global), 0 .. nopt-1, each over the whole table */
        while (s->opt < s->nopt) {
            while (s->i < params_count && !S_fits(s->i, s->opt))
                s->i++;
            if (s->i < params_count) break;
            s->opt++, s->i = 0;
        }
    }
    const int done = s->order == PARAM_SLOTS_BY_PARAM ? s->i >= params_count : s->opt >= s->nopt;
    s->d = done ? NULL : &params_defs[s->i];
    assert(done || S_fits(s->i, s->opt));
}

param_slot param_slot_first(int nopt, param_slot_order order)
{
    assert(nopt >= 0);
    param_slot s = {NULL, -1, 0, nopt, order};
    S_settle(&s);
    return s;
}

void param_slot_next(param_slot *s)
{
    assert(s->d);
    if (s->order == PARAM_SLOTS_BY_PARAM) {
        if (s->opt >= 0 && s->opt + 1 < s->nopt)
            s->opt++;
        else
            s->i++, s->opt = -1;
    } else {
        s->i++;
    }
    S_settle(s);
}

const char *param_slot_owner(const scenario *sc, const param_slot *s)
{
    return s->opt < 0 ? "global" : sc->opt[s->opt].name;
}
