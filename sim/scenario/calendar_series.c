/* calendar_series.c — dated peak windows that form a yearly series (calendar_series.h). */
#include "calendar_series.h"

#include <ctype.h>
#include <string.h>

size_t calendar_series_stem(const char *name)
{
    size_t n = strlen(name);
    if (n < 6 || name[n - 5] != '_') return n;
    for (size_t k = n - 4; k < n; k++)
        if (!isdigit((unsigned char)name[k])) return n;
    return n - 5;
}

static int S_same_series(const peak_window *a, const peak_window *b)
{
    size_t n = calendar_series_stem(a->name);
    return !b->recurring && calendar_series_stem(b->name) == n && strncmp(a->name, b->name, n) == 0;
}

long calendar_series_end(const scenario *sc, int i)
{
    const peak_window *w = &sc->peaks[i];
    long end = cal_days_from_civil(w->end.y, w->end.m, w->end.d);
    for (int j = 0; j < sc->npeaks; j++) {
        const peak_window *o = &sc->peaks[j];
        if (j == i || !S_same_series(w, o)) continue;
        long e = cal_days_from_civil(o->end.y, o->end.m, o->end.d);
        if (e > end) end = e;
    }
    return end;
}

int calendar_series_is_last(const scenario *sc, int i)
{
    const peak_window *w = &sc->peaks[i];
    return cal_days_from_civil(w->end.y, w->end.m, w->end.d) >= calendar_series_end(sc, i);
}
