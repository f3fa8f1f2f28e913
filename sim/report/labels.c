/* labels.c — the human label of an option (see labels.h). */
#include "labels.h"

#include <string.h>

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
