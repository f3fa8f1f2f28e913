/* cli.c — the helpers cli.h declares for the subcommands: failing, numbers of options. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "signals.h"

int cli_fail(const hs_error *e)
{
    fprintf(stderr, "hostsim: %s\n", e->msg);
    return hs_exit_code(e->code);
}

int cli_fail_outputs(outfile_set *set, const hs_error *e)
{
    outfile_set_abort(set);
    if (e->code == HS_ERR_INTERRUPTED) {
        fprintf(stderr, "hostsim: interrupted; nothing written\n");
        return signals_exit_code();
    }
    return cli_fail(e);
}

hs_status cli_parse_u64(const char *opt, const char *text, uint64_t lo, uint64_t hi, uint64_t *out,
                        hs_error *e)
{
    const char *p = text;
    while (*p == ' ')
        p++;
    if (*p == '-' || *p == '\0')
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s: expected a whole number from %" PRIu64 " to %" PRIu64 ", got '%s'",
                            opt, lo, hi, text);
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, 10);
    if (*end != '\0' || errno == ERANGE)
        return hs_error_set(e, HS_ERR_INPUT,
                            "%s: expected a whole number from %" PRIu64 " to %" PRIu64 ", got '%s'",
                            opt, lo, hi, text);
    if (v < lo || v > hi)
        return hs_error_set(e, HS_ERR_INPUT, "%s: %s is out of range (%" PRIu64 " to %" PRIu64 ")",
                            opt, text, lo, hi);
    *out = v;
    return HS_OK;
}

hs_status cli_parse_double(const char *opt, const char *text, double lo, double hi, double *out,
                           hs_error *e)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(v))
        return hs_error_set(e, HS_ERR_INPUT, "%s: expected a number, got '%s'", opt, text);
    if (v < lo || v > hi)
        return hs_error_set(e, HS_ERR_INPUT, "%s: %s is out of range (%g to %g)", opt, text, lo,
                            hi);
    *out = v;
    return HS_OK;
}
