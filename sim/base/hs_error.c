/* hs_error.c — the error record. */
#include "hs_error.h"

#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The length of the well-formed UTF-8 sequence at s (2 to 4 bytes), 0 when there is none. */
static size_t S_utf8_len(const unsigned char *s)
{
    size_t n;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

void hs_error_escape(char *dst, size_t size, const char *src)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    if (size == 0) return;
    for (const unsigned char *p = (const unsigned char *)src; *p;) {
        size_t n = S_utf8_len(p);
        /* UTF-8 C1 controls (U+0080..U+009F: CSI is U+009B) are escaped like the C0 ones */
        int c1 = n == 2 && p[0] == 0xC2 && p[1] < 0xA0;
        if (n && !c1) {
            if (o + n >= size) break;
            memcpy(dst + o, p, n);
            o += n, p += n;
            continue;
        }
        size_t k = c1 ? 2 : 1;
        int plain = !c1 && (*p == '\n' || (*p >= 0x20 && *p < 0x7F));
        if (plain) {
            if (o + 1 >= size) break;
            dst[o++] = (char)*p++;
            continue;
        }
        if (o + 4 * k >= size) break;
        for (size_t i = 0; i < k; i++, p++) {
            dst[o++] = '\\';
            dst[o++] = 'x';
            dst[o++] = hex[*p >> 4];
            dst[o++] = hex[*p & 15];
        }
    }
    dst[o] = '\0';
}

/* Formats into dst (size bytes) with every control character of the result escaped. */
static void S_vformat(char *dst, size_t size, const char *fmt, va_list ap)
{
    char raw[HS_ERROR_MSG_MAX]; /* on the stack: errors are set from worker threads too */
    vsnprintf(raw, sizeof raw, fmt, ap);
    hs_error_escape(dst, size, raw);
}

hs_status hs_error_set(hs_error *e, hs_status code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        e->code = code;
        S_vformat(e->msg, sizeof e->msg, fmt, ap);
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
    S_vformat(e->msg + n, sizeof e->msg - n, fmt, ap);
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
