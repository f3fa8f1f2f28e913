/* output_time.h — the files of results over time (yearly.csv, monthly_costs.csv,
 * breakeven.csv: docs/outputs.md), written with the other files of a set. */
#ifndef HS_OUTPUT_TIME_H
#define HS_OUTPUT_TIME_H

#include "aggregate.h"

/* Opens and fills the three files into the set. */
hs_status output_write_time(const aggregate *a, outfile_set *set, const char *dir, hs_error *e);

#endif
