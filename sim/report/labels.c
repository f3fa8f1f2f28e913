/* labels.c — the human label of an option (see labels.h). */
#include "labels.h"

#include <stdlib.h>
#include <string.h>

#include "base/csvtable.h"
#include "base/hs_path.h"

static int S_visible(const char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s > 0x20 && *s != 0x7f) return 1;
    return 0;
}

char *labels_option(char *b, size_t n, const char *id, const char *label)
{
    size_t o = 0;
    if (S_visible(label)) {
        while (*label == ' ')
            label++;
        for (; *label && o + 1 < n; label++) {
            unsigned char ch = (unsigned char)*label;
            b[o++] = (ch < 0x20 || ch == 0x7f) ? ' ' : ch == '"' ? '\'' : (char)ch;
        }
        while (o > 0 && b[o - 1] == ' ')
            o--;
    } else {
        for (; id && *id && o + 1 < n; id++)
            b[o++] = *id == '_' ? ' ' : *id;
        if (o > 0 && b[0] >= 'a' && b[0] <= 'z') b[0] = (char)(b[0] - 'a' + 'A');
    }
    b[o] = '\0';
    return b;
}

/* ID's label in the table NAME of OUTDIR (key column KEY) into B, or 0 when it has none. */
static int S_find(char *b, size_t n, const char *outdir, const char *name, const char *key,
                  const char *id)
{
    char *path = hs_path_join(outdir, name);
    if (!path) return 0;
    hs_error e;
    csvtable *t = csvtable_load(path, &e);
    free(path);
    if (!t) return 0;
    const int ck = csvtable_col(t, key), cl = csvtable_col(t, "label");
    int found = 0;
    for (size_t r = 0; ck >= 0 && cl >= 0 && r < csvtable_rows(t) && !found; r++)
        if (strcmp(csvtable_get(t, r, ck), id) == 0 && S_visible(csvtable_get(t, r, cl))) {
            labels_option(b, n, id, csvtable_get(t, r, cl));
            found = 1;
        }
    csvtable_free(t);
    return found;
}

char *labels_lookup(char *b, size_t n, const char *outdir, const char *id)
{
    if (!S_find(b, n, outdir, "options.csv", "option", id) &&
        !S_find(b, n, outdir, "strategies.csv", "strategy", id))
        labels_option(b, n, id, NULL);
    return b;
}
