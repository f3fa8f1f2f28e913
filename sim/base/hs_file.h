/* hs_file.h — opening a file the program reads: a regular file, of bounded size.
 *
 * Every file hostsim reads (a scenario's CSV files, an output folder's tables read back by
 * `plot` and `report`) goes through hs_file_open, so that none can block the program or make
 * it read without end:
 *   - the file is opened with O_NONBLOCK, so that a FIFO named like a scenario file cannot
 *     block the open, then checked with fstat to be a regular file (not a folder, FIFO,
 *     socket or device); O_NONBLOCK is then cleared;
 *   - a symbolic link is followed only when it resolves, and, when ROOT is given, only to a
 *     file inside the folder ROOT (a scenario is self-contained: no link may read a file
 *     outside it, whose text would otherwise be quoted in messages); a dangling link or a
 *     loop is an error, never taken for a missing file;
 *   - the size is checked before anything is read (a 2 GB sparse file fails at once), and
 *     the read stops at the limit should the file grow meanwhile.
 * Messages name the path and say what was expected, what was found and what to do.
 */
#ifndef HS_FILE_H
#define HS_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "hs_error.h"

/* What path names (lstat, without following a final symbolic link). */
typedef enum {
    HS_FILE_ABSENT, /* nothing of that name */
    HS_FILE_PRESENT /* something: a file, a link (dangling or not), a folder, a FIFO ... */
} hs_file_presence;

hs_file_presence hs_file_exists(const char *path);

/* Opens PATH for reading (binary). NULL on failure with e set to CODE (the caller's class of
 * error: HS_ERR_INPUT for a scenario, HS_ERR_RUNTIME for an output folder), except "out of
 * memory", always HS_ERR_RUNTIME. ROOT (may be NULL): the folder a symbolic link must stay
 * in. MAX: the largest size accepted, in bytes. Caller closes with fclose. */
FILE *hs_file_open(const char *path, const char *root, size_t max, hs_status code, hs_error *e);

/* Reads the whole of PATH (checked as hs_file_open does) into a NUL-terminated buffer;
 * *len excludes the NUL. Caller frees *buf. */
hs_status hs_file_read(const char *path, const char *root, size_t max, hs_status code, char **buf,
                       size_t *len, hs_error *e);

#endif
