/* csvin.c — libcsv with positions, comments and byte checks (see csvin.h).
 *
 * The buffer is fed to libcsv one byte at a time: it costs a call per byte
 * (scenario files are kilobytes) and lets the field callback know exactly
 * where each field started and where a strict-mode error happened.
 */
#include "csvin.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hs_file.h"

typedef struct {
    const char *path;
    const char *buf;
    size_t len;
    size_t pos;        /* byte being fed */
    size_t line;       /* current physical line */
    size_t line_start; /* offset of the current line's first byte */
    size_t fstart_line, fstart_col, fstart_line_start;
    int field_open; /* a field has started since the last callback */
    csvin_row row;
    size_t row_line_start;
    size_t nrows;
    csvin_row_fn fn;
    void *ctx;
    hs_error *e;
    hs_status st;
    int too_many_fields;
    int header_fields; /* fields of the first row, the header (0 until it is read) */
} S_state;

static size_t S_line_len(const char *buf, size_t len, size_t start)
{
    size_t k = start;
    while (k < len && buf[k] != '\n' && buf[k] != '\r')
        k++;
    return k - start;
}

hs_status csvin_error_at(hs_error *e, const char *path, size_t line, size_t col, const char *text,
                         size_t text_len, const char *fmt, ...)
{
    char what[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (text && text_len > 200) text_len = 200;
    if (text)
        return hs_error_set(e, HS_ERR_INPUT, "%s:%zu:%zu: %s\n  > %.*s", path, line, col, what,
                            (int)text_len, text);
    return hs_error_set(e, HS_ERR_INPUT, "%s:%zu:%zu: %s", path, line, col, what);
}

hs_status csvin_error(hs_error *e, const csvin_row *row, int field, const char *fmt, ...)
{
    char what[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    size_t line = row->line, col = 1;
    if (field >= 0 && field < row->nfields) line = row->fline[field], col = row->fcol[field];
    return csvin_error_at(e, row->path, line, col, row->text, row->text_len, "%s", what);
}

static void S_on_field(void *data, size_t n, void *vs)
{
    S_state *s = vs;
    if (s->st != HS_OK) return;
    if (s->row.nfields >= CSVIN_MAX_FIELDS) {
        s->too_many_fields = 1;
        s->field_open = 0;
        return;
    }
    char *f = malloc(n + 1);
    if (!f) {
        s->st = hs_error_set(s->e, HS_ERR_RUNTIME, "out of memory");
        return;
    }
    if (n) memcpy(f, data, n);
    f[n] = '\0';
    int i = s->row.nfields++;
    s->row.field[i] = f;
    if (!s->field_open) { /* an empty field: it starts where it ends */
        s->fstart_line = s->line;
        s->fstart_col = s->pos - s->line_start + 1;
    }
    s->row.fline[i] = s->fstart_line;
    s->row.fcol[i] = s->fstart_col;
    s->field_open = 0;
}

static void S_free_row(csvin_row *r)
{
    for (int i = 0; i < r->nfields; i++)
        free(r->field[i]);
    r->nfields = 0;
}

static void S_on_row(int c, void *vs)
{
    (void)c;
    S_state *s = vs;
    if (s->st == HS_OK) {
        s->row.line = s->row.nfields ? s->row.fline[0] : s->line;
        s->row.text = s->buf + s->row_line_start;
        s->row.text_len = S_line_len(s->buf, s->len, s->row_line_start);
        if (s->header_fields == 0) s->header_fields = s->row.nfields;
        if (s->too_many_fields)
            s->st = csvin_error(s->e, &s->row, -1, "expected at most %d columns, got more",
                                CSVIN_MAX_FIELDS);
        else if (++s->nrows > CSVIN_MAX_ROWS)
            s->st = csvin_error(s->e, &s->row, -1,
                                "expected at most %d rows in a file, got more (is this the right "
                                "file?)",
                                CSVIN_MAX_ROWS);
        else
            s->st = s->fn(s->ctx, &s->row, s->e);
    }
    s->too_many_fields = 0;
    S_free_row(&s->row);
}

/* Checks one UTF-8 sequence at buf[i]; returns its length, 0 if invalid. */
static size_t S_utf8_len(const unsigned char *b, size_t n)
{
    unsigned c = b[0];
    size_t k;
    unsigned min;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0)
        k = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        k = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        k = 4, min = 0x10000;
    else
        return 0;
    if (n < k) return 0;
    unsigned cp = c & (0x7F >> k);
    for (size_t j = 1; j < k; j++) {
        if ((b[j] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b[j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return k;
}

static hs_status S_long_line(hs_error *e, const char *path, size_t line, const char *text, size_t n)
{
    hs_status st = csvin_error_at(e, path, line, 1, NULL, 0,
                                  "expected a line of at most %u bytes, got one of %zu bytes",
                                  CSVIN_MAX_LINE, n);
    hs_error_append(e, "  > %.60s ...", text);
    return st;
}

static hs_status S_check_bytes(const char *path, const char *buf, size_t len, size_t skip,
                               hs_error *e)
{
    size_t line = 1, ls = skip; /* columns count from after a BOM */
    for (size_t i = skip; i < len;) {
        const unsigned char *b = (const unsigned char *)buf + i;
        if (*b == '\n' || (*b == '\r' && (i + 1 >= len || b[1] != '\n'))) {
            if (i - ls > CSVIN_MAX_LINE) return S_long_line(e, path, line, buf + ls, i - ls);
            line++, i++, ls = i;
            continue;
        }
        if (*b == 0)
            return csvin_error_at(e, path, line, i - ls + 1, NULL, 0,
                                  "expected text, got a NUL byte (is this a spreadsheet or other "
                                  "binary file? export it as CSV, UTF-8)");
        size_t k = S_utf8_len(b, len - i);
        if (k == 0)
            return csvin_error_at(e, path, line, i - ls + 1, buf + ls, S_line_len(buf, len, ls),
                                  "expected UTF-8 text, got the byte 0x%02X (save the file as "
                                  "CSV UTF-8)",
                                  *b);
        if (k == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            return csvin_error_at(e, path, line, i - ls + 1, buf + ls, S_line_len(buf, len, ls),
                                  "expected a byte order mark (BOM) only at the start of the "
                                  "file, got one in the middle (were two files pasted together?)");
        i += k;
    }
    if (len - ls > CSVIN_MAX_LINE) return S_long_line(e, path, line, buf + ls, len - ls);
    return HS_OK;
}

static int S_is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* At a line end inside a quoted field (buf[i]). Only free text, the last column (the source),
 * may span lines, and no line it runs over may look like a row: a quote left open, or two
 * stray quotes, would otherwise swallow the rows after it into one cell without a word, or
 * an error would show rows later, where its effect does. Reported where the quote opens. */
static hs_status S_open_quote(S_state *s, size_t i)
{
    const char *why = NULL;
    char what[160];
    size_t j = i + 1 + (s->buf[i] == '\r' && i + 1 < s->len && s->buf[i + 1] == '\n');
    size_t k = j, commas = 0, rest = 0; /* the next line's commas; bytes after it but blanks */
    while (k < s->len && s->buf[k] != '\n' && s->buf[k] != '\r') {
        commas += s->buf[k] == ',';
        rest += !S_is_space((unsigned char)s->buf[k++]);
    }
    for (; k < s->len && !rest; k++)
        rest += s->buf[k] != '\n' && s->buf[k] != '\r' && !S_is_space((unsigned char)s->buf[k]);
    if (!rest)
        why = "got the end of the file";
    else if (s->header_fields == 0 || s->row.nfields != s->header_fields - 1)
        why = "got the end of the line: only the last column, the source text, may run over "
              "several lines";
    else if (commas + 1 >= (size_t)s->header_fields) {
        snprintf(what, sizeof what,
                 "got the end of the line, and line %zu after it looks like a row (%zu commas): "
                 "is a quote missing here, or one too many there",
                 s->line + 1, commas);
        why = what;
    }
    if (!why) return HS_OK;
    return csvin_error_at(s->e, s->path, s->fstart_line, s->fstart_col > 1 ? s->fstart_col - 1 : 1,
                          s->buf + s->fstart_line_start,
                          S_line_len(s->buf, s->len, s->fstart_line_start),
                          "malformed CSV: expected a closing quote for the field opened here, %s "
                          "(a quote inside a quoted field is written twice: \"\")",
                          why);
}

hs_status csvin_read_buffer(const char *path, const char *buf, size_t len, csvin_row_fn fn,
                            void *ctx, hs_error *e)
{
    size_t start = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) start = 3;
    HS_FORWARD(S_check_bytes(path, buf, len, start, e));

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot initialise the CSV parser");
    csv_set_space_func(&p, S_is_space);

    S_state s;
    memset(&s, 0, sizeof s);
    s.path = path, s.buf = buf, s.len = len, s.fn = fn, s.ctx = ctx, s.e = e;
    s.line = 1, s.line_start = start; /* columns count from after a BOM */
    s.row.path = path;

    for (size_t i = start; i < len && s.st == HS_OK; i++) {
        char c = buf[i];
        s.pos = i;
        if (p.pstate == 0 /* ROW_NOT_BEGUN */) {
            /* at a row boundary: skip comment lines */
            size_t j = i;
            while (j < len && S_is_space((unsigned char)buf[j]))
                j++;
            if (j < len && buf[j] == '#' &&
                (i == start || buf[i - 1] == '\n' || buf[i - 1] == '\r')) {
                while (i < len && buf[i] != '\n' && buf[i] != '\r')
                    i++;
                if (i + 1 < len && buf[i] == '\r' && buf[i + 1] == '\n') i++;
                if (i < len) s.line++, s.line_start = i + 1;
                continue;
            }
            if (c != '\n' && c != '\r') s.row_line_start = s.line_start;
        }
        if (!s.field_open && c != '\n' && c != '\r' && c != ',' && !S_is_space((unsigned char)c)) {
            /* a quoted field's column is that of its first character inside the quotes */
            s.field_open = 1;
            s.fstart_line = s.line;
            s.fstart_col = i - s.line_start + 1 + (c == '"');
            s.fstart_line_start = s.line_start;
        }
        if ((c == '\n' || c == '\r') && p.pstate == 2 /* FIELD_BEGUN */ && p.quoted) {
            hs_status st = S_open_quote(&s, i);
            if (st != HS_OK) {
                s.st = st;
                break;
            }
        }
        int before = p.pstate;
        if (csv_parse(&p, &c, 1, S_on_field, S_on_row, &s) != 1) {
            S_free_row(&s.row);
            csv_free(&p);
            size_t col = i - s.line_start + 1;
            const char *text = buf + s.line_start;
            size_t tl = S_line_len(buf, len, s.line_start);
            if (before == 3 /* FIELD_MIGHT_HAVE_ENDED: just after a closing quote */)
                return csvin_error_at(e, path, s.line, col, text, tl,
                                      "malformed CSV: expected ',' or the end of the line after a "
                                      "closing quote, got '%c' (inside a quoted field, write a "
                                      "quote twice: \"\")",
                                      c);
            return csvin_error_at(e, path, s.line, col, text, tl,
                                  "malformed CSV: expected no quote inside an unquoted field, got "
                                  "'%c' (quote the whole field and write the quote twice: "
                                  "\"a \"\"b\"\" c\")",
                                  c);
        }
        if (c == '\n' || (c == '\r' && (i + 1 >= len || buf[i + 1] != '\n')))
            s.line++, s.line_start = i + 1;
        if (c == ',' && p.pstate != 2) s.field_open = 0;
    }
    if (s.st == HS_OK) {
        s.pos = len;
        if (csv_fini(&p, S_on_field, S_on_row, &s) != 0 && s.st == HS_OK) {
            size_t ls = s.fstart_line ? s.fstart_line_start : s.line_start;
            s.st = csvin_error_at(e, path, s.fstart_line ? s.fstart_line : s.line,
                                  s.fstart_col > 1 ? s.fstart_col - 1 : 1, buf + ls,
                                  S_line_len(buf, len, ls),
                                  "malformed CSV: expected a closing quote for the field opened "
                                  "here, got the end of the file");
        }
    }
    S_free_row(&s.row);
    csv_free(&p);
    return s.st;
}

hs_status csvin_slurp(const char *path, const char *root, char **out, size_t *outlen, hs_error *e)
{
    return hs_file_read(path, root, CSVIN_MAX_BYTES, HS_ERR_INPUT, out, outlen, e);
}
