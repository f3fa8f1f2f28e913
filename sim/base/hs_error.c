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

void hs_gsl_init(void)
{
    /* Statuses of GSL calls are checked where they matter; parameters are
     * validated at load time, so a GSL error here is a bug, never an abort. */
    gsl_set_error_handler_off();
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
