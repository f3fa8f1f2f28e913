/* extends.c — the chain of scenarios a scenario extends (extends.h). */
#define _XOPEN_SOURCE 700 /* realpath (POSIX, XSI) */
#include "extends.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/hs_file.h"
#include "base/hs_path.h"
#include "csvin.h"

#define S_EXTENDS_BYTES 4096u /* one folder name and a few comment lines */

void extends_chain_free(extends_chain *ch)
{
    for (int i = 0; i < ch->n; i++)
        free(ch->dir[i]);
    ch->n = 0;
}

/* The one folder named in DIR/extends: *base = NULL when there is no such file. */
static hs_status S_read_one(const char *dir, char **base, size_t *line, size_t *col, char **text,
                            hs_error *e)
{
    *base = NULL;
    char *path = hs_path_join(dir, "extends");
    if (!path) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (hs_file_exists(path) == HS_FILE_ABSENT) {
        free(path);
        return HS_OK;
    }
    char *buf;
    size_t len;
    hs_status st = hs_file_read(path, dir, S_EXTENDS_BYTES, HS_ERR_INPUT, &buf, &len, e);
    if (st != HS_OK) {
        free(path);
        return st;
    }
    size_t l = 0, found = 0;
    for (char *p = buf, *next; p && *p; p = next) {
        l++;
        next = strpbrk(p, "\r\n");
        if (next) {
            if (*next == '\r' && next[1] == '\n') *next++ = '\0';
            *next++ = '\0';
        }
        size_t lead = strspn(p, " \t");
        char *s = p + lead, *end = s + strlen(s);
        while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = '\0';
        if (*s == '\0' || *s == '#') continue;
        if (found) {
            st = csvin_error_at(e, path, l, lead + 1, p, strlen(p),
                                "expected one base folder, got a second one (line %zu names "
                                "the first): a scenario extends one other scenario",
                                found);
            break;
        }
        found = l;
        *line = l;
        *col = lead + 1;
        *base = *s == '/' ? strdup(s) : hs_path_join(dir, s);
        *text = strdup(s);
        if (!*base || !*text) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    }
    if (st == HS_OK && !found)
        st = csvin_error_at(e, path, 1, 1, NULL, 0,
                            "expected the folder of the base scenario (e.g. '../default'), got "
                            "only comments or blank lines");
    if (st != HS_OK) {
        free(*base);
        *base = NULL;
    }
    free(buf);
    free(path);
    return st;
}

hs_status extends_chain_read(const char *dir, extends_chain *ch, hs_error *e)
{
    char *stack[EXTENDS_MAX], *real[EXTENDS_MAX];
    int n = 0;
    hs_status st = HS_OK;
    memset(ch, 0, sizeof *ch);
    stack[0] = strdup(dir);
    real[0] = realpath(dir, NULL);
    if (!stack[0] || !real[0]) {
        free(stack[0]);
        free(real[0]);
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot resolve '%s': %s", dir, strerror(errno));
    }
    n = 1;
    for (;;) {
        char *base = NULL, *text = NULL;
        size_t line = 0, col = 0;
        const char *cur = stack[n - 1];
        st = S_read_one(cur, &base, &line, &col, &text, e);
        if (st != HS_OK || !base) {
            free(text);
            break;
        }
        char *where = hs_path_join(cur, "extends");
        struct stat sb;
        char *r = NULL;
        if (!where)
            st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        else if (stat(base, &sb) != 0 || !S_ISDIR(sb.st_mode))
            st = csvin_error_at(e, where, line, col, text, strlen(text),
                                "expected the folder of the base scenario, got '%s', which is "
                                "%s (a path relative to %s)",
                                text, stat(base, &sb) != 0 ? "not there" : "not a folder", cur);
        else if (!(r = realpath(base, NULL)))
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot resolve '%s': %s", base, strerror(errno));
        for (int k = 0; st == HS_OK && k < n; k++)
            if (strcmp(real[k], r) == 0)
                st = csvin_error_at(e, where, line, col, text, strlen(text),
                                    "expected a base scenario that does not extend this one, "
                                    "got '%s': it is %s, a cycle",
                                    text, k == n - 1 ? "this scenario itself" : stack[k]);
        if (st == HS_OK && n == EXTENDS_MAX)
            st = csvin_error_at(e, where, line, col, text, strlen(text),
                                "expected at most %d scenarios extending each other, got more "
                                "with '%s'",
                                EXTENDS_MAX, text);
        free(where);
        free(text);
        if (st != HS_OK) {
            free(base);
            free(r);
            break;
        }
        stack[n] = base;
        real[n] = r;
        n++;
    }
    for (int k = 0; k < n; k++)
        free(real[k]);
    if (st != HS_OK) {
        for (int k = 0; k < n; k++)
            free(stack[k]);
        return st;
    }
    for (int k = 0; k < n; k++) /* the farthest base first */
        ch->dir[k] = stack[n - 1 - k];
    ch->n = n;
    return HS_OK;
}
