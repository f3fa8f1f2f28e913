/* outfile.h — output files and atomic output sets.
 *
 * An output folder holds one *set* of files, written by one hostsim command
 * (and added to by plot and report). A set is written into a new folder
 * beside the target (".NAME.new-PID-XXXXXX"), then swapped in with one
 * rename (renameat2 RENAME_EXCHANGE) and the replaced set removed: no
 * failure, kill or concurrent run ever leaves a mix of two sets, and the
 * stale files of the replaced set do not survive (docs/outputs.md, "How a
 * set is written").
 *
 * outfile_set_begin locks the folder against another hostsim writer
 * (flock on DIR/.hostsim.lock, a file every set of the folder shares),
 * refuses a folder holding files hostsim did not write (exit 2) unless
 * OUTFILE_OVERWRITE, and removes the staging folders of killed runs. A
 * folder is hostsim's when its manifest.csv has a `files` record listing
 * every file in it; outfile_set_commit writes that record, so every set
 * lists its files. Files of a set are created exclusively (O_EXCL,
 * O_NOFOLLOW) in the private staging folder.
 *
 * outfile_open/outfile_commit write one file in place (an exclusive
 * temporary ".NAME.tmp.PID.K" renamed over NAME), for a writer working
 * inside a set's staging folder. CSV fields go through libcsv's quoting;
 * text cells that a spreadsheet would run as a formula are neutralised.
 */
#ifndef HS_OUTFILE_H
#define HS_OUTFILE_H

#include <stdio.h>

#include "hs_error.h"

typedef struct outfile outfile;

/* Opens DIR/NAME for writing through an exclusive temporary. Caller ends it
 * with outfile_commit or outfile_abort (each frees it). NULL on failure (e set). */
outfile *outfile_open(const char *dir, const char *name, hs_error *e);
FILE *outfile_stream(outfile *f);

/* CSV helpers: fields are separated by commas; a row ends with "\n". */
void outfile_csv_str(outfile *f, const char *s); /* text: neutralised, quoted when needed */
int outfile_csv_needs_quotes(const char *s);
void outfile_csv_num(outfile *f, double v); /* %.10g; a NaN or infinity makes the commit fail */
void outfile_csv_int(outfile *f, long long v);
void outfile_csv_end(outfile *f);

/* 1 when text cell s would be read by a spreadsheet as a formula: it starts with '=', '+',
 * '-', '@', a tab or a carriage return and is not a plain decimal number ("-12.5e3"). */
int outfile_csv_is_formula(const char *s);
/* Writes text cell s to fp as outfile_csv_str does (a formula gets a leading "'", the way
 * spreadsheet-safe exporters do; quotes when needed). Returns 0, or -1 on a write error. */
int outfile_csv_write_text(FILE *fp, const char *s);

/* Flush, fsync, rename to the final name. Frees f. */
hs_status outfile_commit(outfile *f, hs_error *e);
/* Removes the temporary. Frees f. outfile_abort(NULL) does nothing. */
void outfile_abort(outfile *f);

/* Creates DIR and its parents (mode 0777 & umask). A file in the way is an error. */
hs_status outfile_mkdirs(const char *dir, hs_error *e);

/* ---- atomic output sets ---- */

enum {
    OUTFILE_KEEP = 1 << 0,      /* add to the folder's set: its files stay unless rewritten */
    OUTFILE_OVERWRITE = 1 << 1, /* use a folder holding files hostsim did not write (--overwrite):
                                   without KEEP they are removed, with KEEP they join the set */
    OUTFILE_EXISTING = 1 << 2   /* the folder must exist (plot, report) */
};

#define OUTFILE_SET_MAX 32
#define OUTFILE_MANIFEST "manifest.csv"
#define OUTFILE_LOCK ".hostsim.lock"

typedef struct {
    outfile *files[OUTFILE_SET_MAX];
    int n;
    int begun;
    int lock_fd;
    unsigned flags;
    char *dir;   /* the folder as given (for messages) */
    char *real;  /* its real path */
    char *stage; /* the staging folder beside it: the new set until the commit */
} outfile_set;

/* Locks DIR (created unless OUTFILE_EXISTING), checks it holds only hostsim's files, and
 * opens the staging folder; with OUTFILE_KEEP the staging folder starts with (hard links to)
 * the files of the current set. Errors: HS_ERR_INPUT for a folder of foreign files,
 * HS_ERR_RUNTIME for a folder another hostsim is writing or an I/O failure. */
hs_status outfile_set_begin(outfile_set *s, const char *dir, unsigned flags, hs_error *e);
/* The staging folder, where a writer of the set (plot, report) writes. */
const char *outfile_set_stage(const outfile_set *s);
/* Opens NAME (may hold '/': "plots/x.png") in the set. dir must be the set's folder; a set not
 * begun is begun on dir with flags 0 (a new set replacing the folder's). */
outfile *outfile_set_open(outfile_set *s, const char *dir, const char *name, hs_error *e);
/* Makes every file durable, writes manifest.csv's files record, swaps the staging folder in
 * with one rename, removes the replaced set and unlocks. On failure the folder keeps its
 * previous set, whole, and nothing of the new one is left. */
hs_status outfile_set_commit(outfile_set *s, hs_error *e);
/* Removes the staging folder and unlocks. outfile_set_abort on an unbegun set does nothing. */
void outfile_set_abort(outfile_set *s);
/* Rewrites the staging folder's path in e's message as the folder's (after a writer that
 * worked in the staging folder failed). */
void outfile_set_name_errors(const outfile_set *s, hs_error *e);

/* For tests: the one rename that swaps a set in (renameat2 RENAME_EXCHANGE of two paths). A
 * test sets it to make the commit fail at that point; NULL restores the default. */
extern int (*outfile_exchange_hook)(const char *a, const char *b);

/* Formats a double the way every output file does (shortest of %.10g). */
void outfile_format_num(char *buf, size_t n, double v);

#endif
