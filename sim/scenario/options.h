/* options.h — the options' names for people and their shared random streams (options.csv).
 *
 * options.csv (optional): option,label,variant_of,source, at most one row per option.
 *   label       the option's name in every chart, table and the report (an option without a
 *               row, or with an empty cell, gets its name made readable: "self_hosted" ->
 *               "Self hosted");
 *   variant_of  empty, or the option whose random streams this one shares for every process
 *               both have (parameters, demand hours, outages, incidents ...): a copy of an
 *               option declared its variant is identical to it trajectory by trajectory, and a
 *               variant that changes one price differs only through that price
 *               (docs/random-streams.md, "Variants"). The base must be another option of
 *               params.csv that is not itself a variant (no chains, so no cycles).
 */
#ifndef HS_OPTIONS_H
#define HS_OPTIONS_H

#include "csvin.h"
#include "scenario.h"

/* Checks and stores the label and variant_of cells of an options.csv data row for option o
 * (already found from the row's first cell), with file:line:col messages. */
hs_status options_row(scenario *sc, scenario_option *o, const csvin_row *row, hs_error *e);

/* The option's name made readable: '_' becomes a space, the first letter upper case. */
void options_default_label(const char *name, char *buf, size_t n);

/* The name that keys option o's random streams: its base's for a variant, else its own. */
static inline const char *options_stream_name(const scenario_option *o)
{
    return o->variant_of[0] ? o->variant_of : o->name;
}

#endif
