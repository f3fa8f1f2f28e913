/* csvin.h — reading scenario CSV files through libcsv, with positions.
 *
 * libcsv (strict mode) does the parsing; this layer adds what it lacks:
 * the line and column where each field starts, a UTF-8 BOM at the start,
 * comment lines ('#' first on a line outside quotes), blank lines, and the
 * checks on the bytes themselves (NUL bytes, invalid UTF-8, a BOM in the
 * middle, lines longer than CSVIN_MAX_LINE, more than CSVIN_MAX_ROWS rows).
 * Fields are trimmed of spaces; LF, CRLF and CR line ends are all accepted. Only the last
 * column (free text: the source) may span lines, and none of the lines it runs over may look
 * like a row (as many commas as the header has): a quote left open is reported where it
 * opens, not rows later where its effect shows.
 */
#ifndef HS_CSVIN_H
#define HS_CSVIN_H

#include <stddef.h>

#include "base/hs_error.h"

#define CSVIN_MAX_FIELDS 64
#define CSVIN_MAX_LINE (1u << 20)   /* 1 MiB */
#define CSVIN_MAX_ROWS 10000        /* the largest real file, params.csv, has ~1,500 */
#define CSVIN_MAX_BYTES (16u << 20) /* 16 MiB: the largest real file is ~40 kB */

typedef struct {
    const char *path; /* as shown in messages */
    size_t line;      /* physical line (1-based) where the row starts */
    int nfields;
    char *field[CSVIN_MAX_FIELDS];
    size_t fline[CSVIN_MAX_FIELDS]; /* line and column (1-based, bytes) of each field's first
                                       character; inside the quotes for a quoted field */
    size_t fcol[CSVIN_MAX_FIELDS];
    const char *text; /* the row's first physical line, for messages */
    size_t text_len;
} csvin_row;

/* Called once per row (the header included, as row 0). Returns HS_OK to go
 * on; anything else stops the read and is returned. */
typedef hs_status (*csvin_row_fn)(void *ctx, const csvin_row *row, hs_error *e);

hs_status csvin_read_buffer(const char *path, const char *buf, size_t len, csvin_row_fn fn,
                            void *ctx, hs_error *e);

/* Formats "path:line:col: message\n  > line text" into e (HS_ERR_INPUT). */
hs_status csvin_error(hs_error *e, const csvin_row *row, int field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
hs_status csvin_error_at(hs_error *e, const char *path, size_t line, size_t col, const char *text,
                         size_t text_len, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Reads a whole scenario file into a NUL-terminated buffer (caller frees): a regular file of
 * at most CSVIN_MAX_BYTES, reached through no symbolic link that leaves the folder ROOT
 * (base/hs_file.h). Every failure is an input error (HS_ERR_INPUT), but running out of memory. */
hs_status csvin_slurp(const char *path, const char *root, char **buf, size_t *len, hs_error *e);

#endif
