/* hs_clock.h — the one clock of the tree: elapsed time for progress bars, rates and
 * manifest.csv's wall_seconds (never for results, which depend only on the seed). */
#ifndef HS_CLOCK_H
#define HS_CLOCK_H

/* Seconds of the monotonic clock (CLOCK_MONOTONIC) from an arbitrary origin: only
 * differences mean something. Never goes backwards; unaffected by changes of the date. */
double hs_clock_seconds(void);

#endif
