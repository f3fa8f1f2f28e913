/* plot_time.h — the charts of results over time (docs/charts.md): what plot.c's table needs
 * to decide whether a folder supports them and to pass their variables. Reads CSV tables only
 * (docs/outputs.md), never the engine. */
#ifndef HS_PLOT_TIME_H
#define HS_PLOT_TIME_H

#include "base/csvtable.h"

/* The cost categories of yearly.csv (metric "cost.<c>") with a non-zero mean somewhere, in
 * the file's order, without "cost.", space-separated; NULL when none (caller frees). */
char *plot_time_categories(const csvtable *yearly);

/* The largest value of column "year" of t (yearly.csv, tornado.csv), 0 when none. */
int plot_time_years(const csvtable *t);

/* Up to k inputs of a tornado.csv written with --by-year, in order of their largest swing in
 * any year (rows with a year only), space-separated; NULL when none has a swing (caller
 * frees). */
char *plot_time_top_inputs(const csvtable *tornado, int k);

#endif
