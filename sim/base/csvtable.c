/* csvtable.c — reads a CSV file into memory with libcsv (see csvtable.h).
 *
 * The file is fed to libcsv one physical line at a time, so that the record callbacks and
 * the strict-mode parse errors know the line they happen on (libcsv counts no lines).
 */
#include "csvtable.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs_file.h"

struct csvtable {
    char **head; /* ncols header names */
    size_t ncols;
    char **cells; /* nrows * ncols fields, row-major */
    size_t nrows;
    size_t cap; /* cells allocated */
};

/* Parser state shared with the libcsv callbacks. */
typedef struct {
    csvtable *t;
    char **row; /* fields of the record being read */
    size_t nrow, caprow;
    int have_head;
    long line; /* physical line being fed (1-based) */
    int nomem;
    long bad_line; /* first record of the wrong width: its line, and its width */
    size_t bad_width;
} S_state;

static void S_free_row(S_state *st)
{
    for (size_t i = 0; i < st->nrow; i++)
        free(st->row[i]);
    st->nrow = 0;
}

static void S_on_field(void *s, size_t len, void *data)
{
    S_state *st = data;
    if (st->nomem || st->bad_line) return;
    if (st->nrow == st->caprow) {
        size_t n = st->caprow ? 2 * st->caprow : 16;
        char **r = realloc(st->row, n * sizeof *r);
        if (!r) {
            st->nomem = 1;
            return;
        }
        st->row = r;
        st->caprow = n;
    }
    char *f = malloc(len + 1);
    if (!f) {
        st->nomem = 1;
        return;
    }
    if (len) memcpy(f, s, len);
    f[len] = '\0';
    st->row[st->nrow++] = f;
}

static void S_on_record(int c, void *data)
{
    (void)c;
    S_state *st = data;
    csvtable *t = st->t;
    if (st->nomem || st->bad_line) {
        S_free_row(st);
        return;
    }
    if (!st->have_head) {
        t->head = malloc((st->nrow ? st->nrow : 1) * sizeof *t->head);
        if (!t->head) {
            st->nomem = 1;
            S_free_row(st);
            return;
        }
        memcpy(t->head, st->row, st->nrow * sizeof *t->head);
        t->ncols = st->nrow;
        st->nrow = 0;
        st->have_head = 1;
        return;
    }
    if (st->nrow != t->ncols) {
        st->bad_line = st->line;
        st->bad_width = st->nrow;
        S_free_row(st);
        return;
    }
    if ((t->nrows + 1) * t->ncols > t->cap) {
        size_t n = t->cap ? 2 * t->cap : 64 * t->ncols;
        char **cells = realloc(t->cells, n * sizeof *cells);
        if (!cells) {
            st->nomem = 1;
            S_free_row(st);
            return;
        }
        t->cells = cells;
        t->cap = n;
    }
    memcpy(t->cells + t->nrows * t->ncols, st->row, t->ncols * sizeof *st->row);
    t->nrows++;
    st->nrow = 0;
}

void csvtable_free(csvtable *t)
{
    if (!t) return;
    if (t->head)
        for (size_t i = 0; i < t->ncols; i++)
            free(t->head[i]);
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->head);
    free(t->cells);
    free(t);
}

csvtable *csvtable_load(const char *path, hs_error *e)
{
    FILE *fp = hs_file_open(path, NULL, CSVTABLE_MAX_BYTES, HS_ERR_RUNTIME, e);
    if (!fp) return NULL;
    csvtable *t = calloc(1, sizeof *t);
    struct csv_parser p;
    int pinit = csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) == 0;
    if (!t || !pinit) {
        if (pinit) csv_free(&p);
        csvtable_free(t);
        fclose(fp);
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory reading '%s'", path);
        return NULL;
    }
    S_state st = {.t = t};
    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t n;
    long bad_col = 0;
    while (!st.bad_line && !st.nomem && (n = getline(&buf, &bufcap, fp)) >= 0) {
        st.line++;
        char *s = buf;
        if (st.line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3, n -= 3;
        size_t done = csv_parse(&p, s, (size_t)n, S_on_field, S_on_record, &st);
        if (done < (size_t)n) {
            bad_col = (long)done + 1 + (s != buf ? 3 : 0);
            break;
        }
    }
    int read_err = ferror(fp);
    free(buf);
    fclose(fp);
    int fini_bad = 0;
    if (!bad_col && !st.bad_line && !st.nomem && !read_err)
        fini_bad = csv_fini(&p, S_on_field, S_on_record, &st) != 0;
    csv_free(&p);
    S_free_row(&st);
    free(st.row);

    hs_status code = HS_OK;
    if (st.nomem)
        code = hs_error_set(e, HS_ERR_RUNTIME, "out of memory reading '%s'", path);
    else if (read_err)
        code = hs_error_set(e, HS_ERR_RUNTIME, "cannot read '%s': read error", path);
    else if (bad_col)
        code = hs_error_set(e, HS_ERR_INPUT, "%s:%ld:%ld: malformed CSV (misplaced quote)", path,
                            st.line, bad_col);
    else if (fini_bad)
        code = hs_error_set(e, HS_ERR_INPUT, "%s:%ld: malformed CSV (a quoted field is not closed)",
                            path, st.line);
    else if (st.bad_line)
        code =
            hs_error_set(e, HS_ERR_INPUT, "%s:%ld:1: expected %zu fields as in the header, got %zu",
                         path, st.bad_line, t->ncols, st.bad_width);
    else if (!st.have_head || t->ncols == 0)
        code =
            hs_error_set(e, HS_ERR_INPUT, "%s:1:1: expected a header row, got an empty file", path);
    if (code != HS_OK) {
        csvtable_free(t);
        return NULL;
    }
    return t;
}

size_t csvtable_rows(const csvtable *t)
{
    return t->nrows;
}
size_t csvtable_cols(const csvtable *t)
{
    return t->ncols;
}

const char *csvtable_header(const csvtable *t, size_t col)
{
    return col < t->ncols ? t->head[col] : "";
}

int csvtable_col(const csvtable *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->head[i], name) == 0) return (int)i;
    return -1;
}

const char *csvtable_get(const csvtable *t, size_t row, int col)
{
    if (col < 0 || (size_t)col >= t->ncols || row >= t->nrows) return "";
    return t->cells[row * t->ncols + (size_t)col];
}

const char *csvtable_getn(const csvtable *t, size_t row, const char *name)
{
    return csvtable_get(t, row, csvtable_col(t, name));
}

int csvtable_num(const csvtable *t, size_t row, int col, double *v)
{
    const char *s = csvtable_get(t, row, col);
    if (!*s) return 0;
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(x)) return 0;
    *v = x;
    return 1;
}

int csvtable_numn(const csvtable *t, size_t row, const char *name, double *v)
{
    return csvtable_num(t, row, csvtable_col(t, name), v);
}

long csvtable_find(const csvtable *t, size_t from, int col, const char *val)
{
    if (col < 0) return -1;
    for (size_t r = from; r < t->nrows; r++)
        if (strcmp(csvtable_get(t, r, col), val) == 0) return (long)r;
    return -1;
}

long csvtable_find2(const csvtable *t, int c1, const char *v1, int c2, const char *v2)
{
    if (c1 < 0 || c2 < 0) return -1;
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(csvtable_get(t, r, c1), v1) == 0 && strcmp(csvtable_get(t, r, c2), v2) == 0)
            return (long)r;
    return -1;
}
