/* report_time.h — the report's "Over time" section (docs/charts.md, "The report"): its text
 * and tables from yearly.csv and breakeven.csv of an output folder. */
#ifndef HS_REPORT_TIME_H
#define HS_REPORT_TIME_H

#include <stdio.h>

/* Writes the section's paragraphs and tables (HTML, no <section> tags) on f: each option's
 * mean cost per year, and the break-even month distribution of the pairs that can break even
 * on cost. A file missing or malformed leaves its table out with a note. */
void report_time_section(FILE *f, const char *outdir);

#endif
