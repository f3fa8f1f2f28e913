/* suggest.c — edit distance for "did you mean" hints. */
#include "suggest.h"

#include <string.h>

int suggest_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64) la = 64;
    if (lb > 64) lb = 64;
    int row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[lb];
}

const char *suggest_closest(const char *word, const char *const *cand, size_t n)
{
    int best = 1 << 30;
    const char *pick = NULL;
    int limit = (int)strlen(word) / 3;
    if (limit < 2) limit = 2;
    for (size_t i = 0; i < n; i++) {
        int d = suggest_distance(word, cand[i]);
        if (d < best) best = d, pick = cand[i];
    }
    return best <= limit ? pick : NULL;
}
