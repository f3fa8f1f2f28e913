/* fuzz_files.h — how both fuzz targets turn one input into a scenario folder: the bytes are
 * split on lines "%%%%" into params.csv, profile.csv, calendar.csv, assets.csv, plans.csv and
 * correlations.csv, in that order; a part the input does not reach is removed (write is called with
 * NULL), but params.csv is always written. */
#ifndef HS_FUZZ_FILES_H
#define HS_FUZZ_FILES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static void fuzz_files_split(const uint8_t *p, const uint8_t *end,
                             void (*write)(const char *name, const uint8_t *p, size_t n))
{
    static const char *const names[6] = {"params.csv", "profile.csv", "calendar.csv",
                                         "assets.csv", "plans.csv",   "correlations.csv"};
    for (int i = 0; i < 6; i++) {
        const uint8_t *sep = NULL;
        for (const uint8_t *q = p; q + 5 <= end; q++)
            if (memcmp(q, "\n%%%%", 5) == 0) {
                sep = q;
                break;
            }
        if (p >= end && i > 0)
            write(names[i], NULL, 0);
        else
            write(names[i], p, (size_t)((sep ? sep : end) - p));
        p = sep ? sep + 5 : end;
    }
}

#endif
