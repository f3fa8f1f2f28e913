/* plot_time.c — what the charts of results over time need of an output folder (see
 * plot_time.h): the cost categories of yearly.csv and the top drivers of a by-year tornado. */
#include "plot_time.h"

#include <stdlib.h>
#include <string.h>

/* Appends word w to the space-separated list s (capacity n) unless it is there; 0 if full. */
static int S_add_word(char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (const char *p = s; *p;) {
        size_t l = strcspn(p, " ");
        if (l == wl && strncmp(p, w, l) == 0) return 1;
        p += l;
        while (*p == ' ')
            p++;
    }
    size_t len = strlen(s);
    if (len + wl + 2 > n) return 0;
    if (len) s[len++] = ' ';
    memcpy(s + len, w, wl + 1);
    return 1;
}

char *plot_time_categories(const csvtable *t)
{
    int cm = csvtable_col(t, "metric"), cv = csvtable_col(t, "mean");
    if (cm < 0 || cv < 0) return NULL;
    size_t n = 1;
    for (size_t r = 0; r < csvtable_rows(t); r++)
        n += strlen(csvtable_get(t, r, cm)) + 1;
    char *s = calloc(n, 1);
    if (!s) return NULL;
    /* in the file's order (ledger order, the first option listing every category), kept when
     * some row of the category has a non-zero mean */
    for (size_t r = 0; r < csvtable_rows(t); r++) {
        const char *m = csvtable_get(t, r, cm);
        if (strncmp(m, "cost.", 5) != 0 || !m[5] || strchr(m + 5, ' ')) continue;
        int used = 0;
        double v;
        for (size_t q = 0; q < csvtable_rows(t) && !used; q++)
            used = strcmp(csvtable_get(t, q, cm), m) == 0 && csvtable_num(t, q, cv, &v) && v != 0;
        if (used) S_add_word(s, n, m + 5);
    }
    if (!*s) {
        free(s);
        return NULL;
    }
    return s;
}

int plot_time_years(const csvtable *t)
{
    int cy = csvtable_col(t, "year"), years = 0;
    double v;
    for (size_t r = 0; cy >= 0 && r < csvtable_rows(t); r++)
        if (csvtable_num(t, r, cy, &v) && v >= 1 && v <= 1000 && (int)v > years) years = (int)v;
    return years;
}

char *plot_time_top_inputs(const csvtable *t, int k)
{
    int ci = csvtable_col(t, "input"), cy = csvtable_col(t, "year"), cs = csvtable_col(t, "swing");
    if (ci < 0 || cy < 0 || cs < 0 || k < 1) return NULL;
    const size_t n = csvtable_rows(t);
    /* the inputs in order of their largest swing in any year: pick k times the largest left */
    size_t cap = 1;
    for (size_t r = 0; r < n; r++)
        cap += strlen(csvtable_get(t, r, ci)) + 1;
    char *s = calloc(cap, 1);
    char *used = calloc(n ? n : 1, 1);
    if (!s || !used) {
        free(s), free(used);
        return NULL;
    }
    for (int pick = 0; pick < k; pick++) {
        long best = -1;
        double bv = 0, v, y;
        for (size_t r = 0; r < n; r++) {
            if (used[r] || !csvtable_num(t, r, cy, &y) || !csvtable_num(t, r, cs, &v)) continue;
            if (best < 0 || v > bv) best = (long)r, bv = v;
        }
        if (best < 0 || bv <= 0) break;
        const char *name = csvtable_get(t, (size_t)best, ci);
        for (size_t r = 0; r < n; r++) /* every row of that input is taken */
            if (strcmp(csvtable_get(t, r, ci), name) == 0) used[r] = 1;
        if (strchr(name, ' ') || !S_add_word(s, cap, name)) break;
    }
    free(used);
    if (!*s) {
        free(s);
        return NULL;
    }
    return s;
}
