/* hs_clock.c — the monotonic clock (see hs_clock.h). */
#include "hs_clock.h"

#include <time.h>

double hs_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
