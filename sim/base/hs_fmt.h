/* hs_fmt.h — numbers for people: the one thousands formatter of the tree.
 *
 * Files never use it (they print %.10g, outfile.h); the summary tables on stdout, the
 * report and the chart footers do.
 */
#ifndef HS_FMT_H
#define HS_FMT_H

#include <stddef.h>

/* V rounded to DECIMALS decimals (clamped to 0..9), with a ',' between groups of three
 * digits of the whole part: (1234567.8, 0) -> "1,234,568", (-1234.5678, 2) -> "-1,234.57".
 * A value that rounds to zero has no sign ("0", not "-0"). A non-finite V, or |V| >= 1e18,
 * is printed with %.3g. The result is truncated to fit N bytes (N > 0), always terminated. */
void hs_fmt_thousands(char *buf, size_t n, double v, int decimals);

#endif
