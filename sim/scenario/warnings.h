/* warnings.h — wrong-but-valid inputs: warnings on stderr, never a failure.
 *
 * Checked on a finalized scenario:
 *   - a salary (a parameter whose name holds "salary", in CNY/year) whose mean is below
 *     WARN_SALARY_LOW CNY a year, a quarter of the study's lowest IT salary (120,000 CNY/year,
 *     FIGURES.md "IT staff"): a monthly salary written as yearly; or above WARN_SALARY_HIGH,
 *     15 times its highest (200,000): a yearly salary written as monthly;
 *   - an override (--set) that sets a value the scenario already had: it changes nothing;
 *   - a dated calendar series (calendar_series.h) that ends inside the horizon: its later
 *     years have no such window.
 */
#ifndef HS_WARNINGS_H
#define HS_WARNINGS_H

#include <stdio.h>

#include "base/calendar.h"
#include "scenario.h"

#define WARN_SALARY_LOW 30000.0    /* CNY/year */
#define WARN_SALARY_HIGH 3000000.0 /* CNY/year */

/* Prints one "hostsim: warning: ..." line per finding to OUT; returns how many. SETS: the
 * --set assignments sc was opened with (their effect is judged against the scenario without
 * them); START, YEARS: the horizon. */
int warnings_print(const scenario *sc, char **sets, int nsets, cal_date start, int years,
                   FILE *out);

#endif
