/* params.h — parameter ids and the parameter table (from param_list.h).
 *
 * Sampled values of one trajectory live in plain arrays indexed by these ids:
 * g[PG_volume_month], o[PO_capacity_rps]. Every value is in its canonical unit.
 */
#ifndef HS_PARAMS_H
#define HS_PARAMS_H

#include "param_list.h"

#define HS_X_G_ENUM(id, scope, ...) HS_X_G_##scope(id)
#define HS_X_G_G(id) PG_##id,
#define HS_X_G_O(id)
#define HS_X_O_ENUM(id, scope, ...) HS_X_O_##scope(id)
#define HS_X_O_G(id)
#define HS_X_O_O(id) PO_##id,

enum { HS_PARAMS(HS_X_G_ENUM) PG_COUNT };
enum { HS_PARAMS(HS_X_O_ENUM) PO_COUNT };

typedef enum { PARAM_GLOBAL, PARAM_OPTION } param_scope;

typedef struct {
    const char *name;
    param_scope scope;
    int index;        /* PG_* or PO_* */
    const char *unit; /* canonical unit */
    double lo, hi;    /* bounds, canonical unit */
    int required;
    double def; /* default when optional and absent */
    const char *help;
} param_def;

extern const param_def params_defs[];
extern const int params_count;

/* The definition of name in scope, or NULL. */
const param_def *params_find(const char *name, param_scope scope);
/* The definition of index in scope. */
const param_def *params_get(param_scope scope, int index);

#endif
