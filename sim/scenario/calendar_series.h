/* calendar_series.h — dated peak windows that form a yearly series.
 *
 * Rows of calendar.csv whose names differ only by a trailing "_YYYY" (cny_2027, cny_2028,
 * ...) form one series: a table of the same holiday over many years. A run uses the rows of
 * its own years; only a series that ends before the run starts is a mistake.
 */
#ifndef HS_CALENDAR_SERIES_H
#define HS_CALENDAR_SERIES_H

#include <stddef.h>

#include "scenario.h"

/* The length of NAME without a trailing "_YYYY" (four digits), else its whole length. */
size_t calendar_series_stem(const char *name);

/* Whether the dated window sc->peaks[i] ends last of its series (a window of no series is
 * the last of its own). */
int calendar_series_is_last(const scenario *sc, int i);

/* The last day (days from civil) of the series of sc->peaks[i]. */
long calendar_series_end(const scenario *sc, int i);

#endif
