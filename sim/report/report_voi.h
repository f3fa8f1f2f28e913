/* report_voi.h — the report's section on the value of information (voi.csv). */
#ifndef HS_REPORT_VOI_H
#define HS_REPORT_VOI_H

#include <stdio.h>

#include "base/csvtable.h"

/* Writes <section id="voi"> to f from voi.csv's table t (nothing when t is NULL or has no
 * tco rows): the option chosen without more information, the EVPI, and the inputs ranked by
 * EVPPI with their flip points; options named by their labels in OUTDIR (labels.h). esc writes a
 * text HTML-escaped (the report's own escaper). */
void report_voi_section(FILE *f, const csvtable *t, const char *outdir,
                        void (*esc)(FILE *f, const char *s));

#endif
