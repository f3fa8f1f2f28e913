/* params.c — the parameter table, generated from param_list.h. */
#include "params.h"

#include <string.h>

#define HS_X_DEF(id, scope, unit, lo, hi, req, def, help)                                          \
    {#id, HS_X_SCOPE_##scope, HS_X_IDX_##scope(id), unit, lo, hi, req, def, help},
#define HS_X_SCOPE_G PARAM_GLOBAL
#define HS_X_SCOPE_O PARAM_OPTION
#define HS_X_IDX_G(id) PG_##id
#define HS_X_IDX_O(id) PO_##id

const param_def params_defs[] = {HS_PARAMS(HS_X_DEF)};
const int params_count = (int)(sizeof params_defs / sizeof *params_defs);

const param_def *params_find(const char *name, param_scope scope)
{
    for (int i = 0; i < params_count; i++)
        if (params_defs[i].scope == scope && strcmp(params_defs[i].name, name) == 0)
            return &params_defs[i];
    return NULL;
}

const param_def *params_get(param_scope scope, int index)
{
    for (int i = 0; i < params_count; i++)
        if (params_defs[i].scope == scope && params_defs[i].index == index) return &params_defs[i];
    return NULL;
}
