/* analysis_set.c — the base run and the manifest of sweep, tornado and sobol (see
 * analysis_set.h). */
#include "analysis_set.h"

#include <stdarg.h>
#include <stdio.h>

#include "run/output.h"

static const char *const S_names[AS_NKEYS] = {"target",  "inputs", "param",
                                              "values",  "param2", "values2",
                                              "samples", "runs",   "trajectories_per_run"};

void analysis_keys_set(analysis_keys *k, analysis_key key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(k->value[key], sizeof k->value[key], fmt, ap);
    va_end(ap);
}

hs_status analysis_set_open(const args_values *a, const char *command, const aggregate *base,
                            double wall_seconds, const analysis_keys *k, outfile_set *set,
                            hs_error *e)
{
    const char *kv[AS_NKEYS][2];
    for (int i = 0; i < AS_NKEYS; i++)
        kv[i][0] = S_names[i], kv[i][1] = k->value[i];
    output_info info = {a->scenario, a->seed,    base->n,      a->years,
                        a->start,    a->threads, wall_seconds, "trajectories reached",
                        NULL,        "plain"};
    const output_analysis an = {command, (const char *const(*)[2])kv, AS_NKEYS};
    HS_FORWARD(outfile_mkdirs(a->out, e));
    return output_write_analysis(base, &info, &an, set, a->out, e);
}
