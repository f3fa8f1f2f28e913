/* csvtable.h — a whole CSV file in memory, read with libcsv, fields found by header name.
 *
 * For the output folder's files (summary.csv, compare.csv, ...), which the charts and the
 * report read back: small tables, a header row, every row as wide as the header. Strict
 * parsing (a stray quote is an error, not a swallowed file); a UTF-8 BOM is dropped; errors
 * name file:line:column.
 */
#ifndef HS_CSVTABLE_H
#define HS_CSVTABLE_H

#include <stddef.h>

#include "hs_error.h"

typedef struct csvtable csvtable;

/* The largest file read back (the tables of an output folder are megabytes). */
#define CSVTABLE_MAX_BYTES ((size_t)1 << 30)

/* Reads PATH (a regular file of at most CSVTABLE_MAX_BYTES: hs_file_open). NULL on failure,
 * with e set: a missing, unreadable, non-regular or too large file is HS_ERR_RUNTIME,
 * malformed CSV (bad quoting, a row of the wrong width, no header) HS_ERR_INPUT.
 * Caller frees with csvtable_free. */
csvtable *csvtable_load(const char *path, hs_error *e);
void csvtable_free(csvtable *t); /* csvtable_free(NULL) does nothing */

size_t csvtable_rows(const csvtable *t); /* data rows, header excluded */
size_t csvtable_cols(const csvtable *t);
const char *csvtable_header(const csvtable *t, size_t col);
/* Index of the column named NAME, or -1. */
int csvtable_col(const csvtable *t, const char *name);

/* The field at (row, col); "" when col is -1 or out of range. Valid until csvtable_free. */
const char *csvtable_get(const csvtable *t, size_t row, int col);
/* Same, by column name. */
const char *csvtable_getn(const csvtable *t, size_t row, const char *name);
/* The field as a finite number: 1 and *v set, or 0 when empty, not a number or absent. */
int csvtable_num(const csvtable *t, size_t row, int col, double *v);
int csvtable_numn(const csvtable *t, size_t row, const char *name, double *v);

/* First row (from row FROM) whose column COL equals VAL, or -1. */
long csvtable_find(const csvtable *t, size_t from, int col, const char *val);
/* First row where column C1 equals V1 and column C2 equals V2, or -1. */
long csvtable_find2(const csvtable *t, int c1, const char *v1, int c2, const char *v2);

#endif
