/* suggest.h — "did you mean" for unknown names. */
#ifndef HS_SUGGEST_H
#define HS_SUGGEST_H

#include <stddef.h>

/* Returns the candidate closest to word (edit distance <= max(2, len/3)), or NULL. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);
/* Edit distance (Levenshtein), capped at 64 characters per word. */
int suggest_distance(const char *a, const char *b);

#endif
