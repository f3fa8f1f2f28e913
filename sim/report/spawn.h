/* spawn.h — external programs for the charts and the report: found on PATH, run without a
 * shell, with a fixed locale, their output captured. */
#ifndef HS_SPAWN_H
#define HS_SPAWN_H

#include "base/hs_error.h"

/* PROG itself when it contains a '/' and is executable, else the first executable PROG on
 * PATH; NULL when there is none. Caller frees. */
char *spawn_find_program(const char *prog);

/* Runs argv[0] (a path) with argv, in folder CWD (NULL: the current one), without a shell,
 * stdin from /dev/null, stdout and stderr captured together into *out (NUL-terminated, at most
 * 64 KiB kept; caller frees; out may be NULL). *status: the exit status, or 128 + signal.
 * HS_ERR_RUNTIME when the program cannot be started (e names it and says why). */
hs_status spawn_run(char *const argv[], const char *cwd, int *status, char **out, hs_error *e);

#endif
