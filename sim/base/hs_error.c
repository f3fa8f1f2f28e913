/* hs_error.c — the error record. */
#include "hs_error.h"

#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

hs_status hs_error_set(hs_error *e, hs_status code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        e->code = code;
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void hs_error_append(hs_error *e, const char *fmt, ...)
{
    if (!e) return;
    size_t n = strlen(e->msg);
    if (n + 2 >= sizeof e->msg) return;
    if (n > 0) e->msg[n++] = '\n';
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg + n, sizeof e->msg - n, fmt, ap);
    va_end(ap);
}

void hs_error_clear(hs_error *e)
{
    if (!e) return;
    e->code = HS_OK;
    e->msg[0] = '\0';
}

void hs_error_prefix(hs_error *e, const char *fmt, ...)
{
    if (!e) return;
    char prefix[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    size_t n = strlen(prefix), m = strlen(e->msg);                 /* n <= 511: room for ": " */
    if (n + 2 + m >= sizeof e->msg) m = sizeof e->msg - 1 - n - 2; /* cut the message's end */
    memmove(e->msg + n + 2, e->msg, m);
    e->msg[n + 2 + m] = '\0';
    memcpy(e->msg, prefix, n);
    e->msg[n] = ':';
    e->msg[n + 1] = ' ';
}

/* The first GSL error of each thread since hs_gsl_clear / hs_gsl_take. GSL
 * calls the handler in the thread that raised the error, so per-thread
 * records need no lock. */
typedef struct {
    int set;
    int code, line;
    char reason[256], file[256];
} S_gsl_record;

static _Thread_local S_gsl_record S_gsl;

static void S_gsl_handler(const char *reason, const char *file, int line, int gsl_errno)
{
    if (S_gsl.set) return; /* keep the first: later ones often follow from it */
    S_gsl.set = 1;
    S_gsl.code = gsl_errno;
    S_gsl.line = line;
    snprintf(S_gsl.reason, sizeof S_gsl.reason, "%s", reason ? reason : "");
    snprintf(S_gsl.file, sizeof S_gsl.file, "%s", file ? file : "?");
}

void hs_gsl_init(void)
{
    /* A GSL error returns to the caller as with no handler, and is recorded
     * so that the code that called GSL (a trajectory: sim_trajectory) fails
     * with it instead of going on with the error value. */
    gsl_set_error_handler(S_gsl_handler);
}

void hs_gsl_clear(void)
{
    S_gsl.set = 0;
}

hs_status hs_gsl_take(hs_error *e)
{
    if (!S_gsl.set) return HS_OK;
    S_gsl.set = 0;
    return hs_error_set(e, HS_ERR_RUNTIME, "GSL error at %s:%d: %s (%s)", S_gsl.file, S_gsl.line,
                        S_gsl.reason, gsl_strerror(S_gsl.code));
}

int hs_exit_code(hs_status st)
{
    switch (st) {
    case HS_OK:
        return 0;
    case HS_ERR_RUNTIME:
        return 1;
    case HS_ERR_INPUT:
        return 2;
    case HS_ERR_INTERRUPTED:
        return 130;
    }
    return 1;
}
