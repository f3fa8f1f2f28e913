/* hs_error.h — status codes and the error record every fallible call fills.
 *
 * Contract: a function that can fail returns an hs_status and, on failure,
 * fills the caller's hs_error with a complete, user-facing message (for input
 * errors: "file:line:column: what was expected, got 'text'"). Callers forward
 * the status unchanged. The library never prints an error: the command line
 * (sim/cli/, cli_fail) prints the message once, as "hostsim: MESSAGE" on
 * stderr, and turns the status into the exit code with hs_exit_code. (The
 * library writes to stderr only the progress bar and the charts' notes.)
 */
#ifndef HS_ERROR_H
#define HS_ERROR_H

#include <stddef.h>

typedef enum {
    HS_OK = 0,
    HS_ERR_RUNTIME = 1,    /* I/O failure, out of memory, a child process failed */
    HS_ERR_INPUT = 2,      /* bad scenario, bad SPEC, bad command line */
    HS_ERR_INTERRUPTED = 3 /* SIGINT/SIGTERM: 130, or 143 for SIGTERM (run_signal_exit) */
} hs_status;

#define HS_ERROR_MSG_MAX 8192

typedef struct {
    hs_status code;
    char msg[HS_ERROR_MSG_MAX];
} hs_error;

/* Sets e (may be NULL) and returns code. printf-style message. Control characters in the
 * result (C0 but the line feed, DEL, and the C1 range, raw or UTF-8 encoded) and bytes that are
 * not UTF-8 are written as \xHH, so no text quoted from a file or the command line can send a
 * terminal escape sequence to the user's terminal (docs/errors.md). */
hs_status hs_error_set(hs_error *e, hs_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Appends a line to an error already set (used to list several problems). */
void hs_error_append(hs_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void hs_error_clear(hs_error *e);

/* Copies src into dst (size bytes, NUL-terminated, cut at a whole character) with the
 * escaping hs_error_set applies. */
void hs_error_escape(char *dst, size_t size, const char *src);

/* The process exit code of a status: 0 ok, 1 runtime, 2 input, 130 interrupted. */
int hs_exit_code(hs_status st);

/* Puts "<prefix>: " (printf-style) before e's message (e may be NULL): a
 * caller saying where an error it forwards happened. */
void hs_error_prefix(hs_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Installs the GSL error handler (GSL's default aborts): it records the
 * calling thread's first GSL error (reason, file, line, code) and returns,
 * so the GSL function returns its error value; hs_gsl_take turns the record
 * into an error. */
void hs_gsl_init(void);
/* Forgets the calling thread's recorded GSL error, if any. */
void hs_gsl_clear(void);
/* HS_OK if the calling thread recorded no GSL error since the last
 * hs_gsl_clear / hs_gsl_take; else HS_ERR_RUNTIME with e saying
 * "GSL error at FILE:LINE: REASON (what the code means)", and the record
 * is forgotten. */
hs_status hs_gsl_take(hs_error *e);

#define HS_FORWARD(expr)                                                                           \
    do {                                                                                           \
        hs_status hs_fwd_s_ = (expr);                                                              \
        if (hs_fwd_s_ != HS_OK) return hs_fwd_s_;                                                  \
    } while (0)

#endif
