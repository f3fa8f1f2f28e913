/* pbound.h — a probability estimated from N Monte Carlo trajectories, written for a reader.
 *
 * An estimate of 0 or 1 is not a certainty: with x = N of N trajectories the exact one-sided
 * 95 % (Clopper-Pearson) lower bound of the probability is 0.05^(1/N), so the text is "≥ 99.0 %"
 * at N = 300 and "≥ 99.7 %" at N = 1,000; with x = 0 it is "≤" the upper bound 1 - 0.05^(1/N).
 * An estimate strictly between is written as a whole percentage, or with one decimal when the
 * whole one would read 0 % or 100 %. docs/outputs.md ("How the report writes probabilities").
 */
#ifndef HS_PBOUND_H
#define HS_PBOUND_H

#include <stddef.h>

/* The one-sided confidence level of the bounds. */
#define PBOUND_LEVEL 0.95

/* The bound for an estimate of 1 from N trajectories: 0.05^(1/N); 0 when N < 1. */
double pbound_lower_all(double n);

/* Writes P (estimated from N trajectories; N <= 0: unknown) into B as above. With N unknown,
 * an estimate of 0 or 1 is written "0 %" / "100 %" with "(N unknown)" after it. The sign ≥ and
 * ≤ are UTF-8. Returns B. */
char *pbound_format(char *b, size_t n, double p, double ntraj);

#endif
