/* params_io.h — listing a finalized scenario's parameters (params, params.csv). */
#ifndef HS_PARAMS_IO_H
#define HS_PARAMS_IO_H

#include <stdio.h>

#include "scenario.h"

/* Calls fn for every parameter in table order: globals, then each option. */
typedef void (*params_io_fn)(void *ctx, const char *option, const param_def *d,
                             const param_value *v);
void params_io_each(const scenario *sc, params_io_fn fn, void *ctx);

/* CSV: option,parameter,spec,unit,mean,canonical_unit,source (libcsv quoting). */
void params_io_write_csv(const scenario *sc, FILE *fp);
/* The same as an aligned text table. */
void params_io_write_table(const scenario *sc, FILE *fp);

#endif
