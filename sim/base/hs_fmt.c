/* hs_fmt.c — the thousands formatter (see hs_fmt.h). */
#include "hs_fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void hs_fmt_thousands(char *buf, size_t n, double v, int decimals)
{
    char digits[96];
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    if (!isfinite(v) || fabs(v) >= 1e18) {
        snprintf(buf, n, "%.3g", v);
        return;
    }
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    const char *dot = strchr(digits, '.');
    size_t ilen = dot ? (size_t)(dot - digits) : strlen(digits);
    int zero = 1;
    for (const char *p = digits; *p; p++)
        if (*p >= '1' && *p <= '9') zero = 0;
    char tmp[160];
    size_t o = 0;
    if (v < 0 && !zero) tmp[o++] = '-';
    for (size_t i = 0; i < ilen; i++) {
        if (i > 0 && (ilen - i) % 3 == 0) tmp[o++] = ',';
        tmp[o++] = digits[i];
    }
    tmp[o] = '\0';
    snprintf(buf, n, "%s%s", tmp, dot ? dot : "");
}
