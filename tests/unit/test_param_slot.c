/* test_param_slot.c — the walk over the parameter slots (sim/scenario/param_slot.h). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/param_slot.h"

typedef struct {
    int def, opt; /* index into params_defs, option or -1 */
} S_visit;

/* The slots in PARAM_SLOTS_BY_PARAM order, written out with plain loops. */
static int S_expected_by_param(int nopt, S_visit *v)
{
    int n = 0;
    for (int i = 0; i < params_count; i++) {
        if (params_defs[i].scope == PARAM_GLOBAL)
            v[n++] = (S_visit){i, -1};
        else
            for (int o = 0; o < nopt; o++)
                v[n++] = (S_visit){i, o};
    }
    return n;
}

/* The slots in PARAM_SLOTS_BY_OWNER order. */
static int S_expected_by_owner(int nopt, S_visit *v)
{
    int n = 0;
    for (int o = -1; o < nopt; o++)
        for (int i = 0; i < params_count; i++)
            if ((params_defs[i].scope == PARAM_GLOBAL) == (o < 0)) v[n++] = (S_visit){i, o};
    return n;
}

static void S_check(int nopt, param_slot_order order)
{
    const size_t max = (size_t)params_count * (size_t)(nopt + 1);
    S_visit *want = malloc(max * sizeof *want), *got = malloc(max * sizeof *got);
    cr_assert(want && got);
    int nw = order == PARAM_SLOTS_BY_PARAM ? S_expected_by_param(nopt, want)
                                           : S_expected_by_owner(nopt, want);
    int ng = 0;
    PARAM_SLOTS_FOREACH (s, nopt, order) {
        cr_assert_lt(ng, nw, "more slots than %d (nopt %d)", nw, nopt);
        got[ng++] = (S_visit){(int)(s.d - params_defs), s.opt};
    }
    cr_assert_eq(ng, nw, "nopt %d order %d: %d slots, expected %d", nopt, order, ng, nw);
    cr_assert_eq(nw, PG_COUNT + nopt * PO_COUNT,
                 "every global once, every option parameter "
                 "once per option");
    for (int k = 0; k < nw; k++)
        cr_assert(got[k].def == want[k].def && got[k].opt == want[k].opt,
                  "nopt %d order %d, slot %d: got (%s, %d), expected (%s, %d)", nopt, order, k,
                  params_defs[got[k].def].name, got[k].opt, params_defs[want[k].def].name,
                  want[k].opt);
    free(want);
    free(got);
}

Test(param_slot, by_param_visits_every_slot_once_in_table_order_options_inner)
{
    for (int nopt = 0; nopt <= 3; nopt++)
        S_check(nopt, PARAM_SLOTS_BY_PARAM);
}

Test(param_slot, by_owner_visits_the_globals_then_each_option_in_table_order)
{
    for (int nopt = 0; nopt <= 3; nopt++)
        S_check(nopt, PARAM_SLOTS_BY_OWNER);
}

Test(param_slot, slot_of_and_owner_name_the_scenario_value)
{
    static scenario sc; /* zeroed: only the names and the values' addresses are used */
    sc.nopt = 2;
    snprintf(sc.opt[0].name, sizeof sc.opt[0].name, "alpha");
    snprintf(sc.opt[1].name, sizeof sc.opt[1].name, "beta");
    int n = 0;
    PARAM_SLOTS_FOREACH (s, sc.nopt, PARAM_SLOTS_BY_PARAM) {
        const param_value *v = PARAM_SLOT_OF(s, sc.g, sc.opt[s.opt].p);
        if (s.opt < 0) {
            cr_assert_eq(v, &sc.g[s.d->index]);
            cr_assert_str_eq(param_slot_owner(&sc, &s), "global");
        } else {
            cr_assert_eq(v, &sc.opt[s.opt].p[s.d->index]);
            cr_assert_str_eq(param_slot_owner(&sc, &s), sc.opt[s.opt].name);
        }
        n++;
    }
    cr_assert_eq(n, PG_COUNT + 2 * PO_COUNT);
}
