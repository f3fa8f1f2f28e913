/* outfile.h — atomic output files.
 *
 * Every output is written to a temporary file in the destination folder
 * (".NAME.tmp.PID"), flushed and fsync'ed, and only then renamed over the
 * final name: a failed or interrupted run never leaves a half-written file
 * and never destroys the previous result.
 *
 * A run writes several files; outfile_set collects them and commits them
 * all at the end (outfile_set_commit), or removes every temporary
 * (outfile_set_abort). CSV fields go through libcsv's quoting.
 */
#ifndef HS_OUTFILE_H
#define HS_OUTFILE_H

#include <stdio.h>

#include "hs_error.h"

typedef struct outfile outfile;

/* Opens DIR/NAME for writing through a temporary. Caller ends it with
 * outfile_commit or outfile_abort (each frees it). NULL on failure (e set). */
outfile *outfile_open(const char *dir, const char *name, hs_error *e);
FILE *outfile_stream(outfile *f);

/* CSV helpers: fields are separated by commas; a row ends with "\n". */
void outfile_csv_str(outfile *f, const char *s);
int outfile_csv_needs_quotes(const char *s);
void outfile_csv_num(outfile *f, double v); /* %.10g; a NaN or infinity makes the commit fail */
void outfile_csv_int(outfile *f, long long v);
void outfile_csv_end(outfile *f);

/* Flush, fsync, rename to the final name. Frees f. */
hs_status outfile_commit(outfile *f, hs_error *e);
/* Removes the temporary. Frees f. outfile_abort(NULL) does nothing. */
void outfile_abort(outfile *f);

/* Creates DIR and its parents (mode 0777 & umask). A file in the way is an error. */
hs_status outfile_mkdirs(const char *dir, hs_error *e);

/* A set of files committed together. */
#define OUTFILE_SET_MAX 32
typedef struct {
    outfile *files[OUTFILE_SET_MAX];
    int n;
} outfile_set;

outfile *outfile_set_open(outfile_set *s, const char *dir, const char *name, hs_error *e);
hs_status outfile_set_commit(outfile_set *s, hs_error *e);
void outfile_set_abort(outfile_set *s);

/* Formats a double the way every output file does (shortest of %.10g). */
void outfile_format_num(char *buf, size_t n, double v);

#endif
