/* crossover.h — where two curves sampled on a parameter grid cross, and
 * where a probability curve passes a level (e.g. P(A cheaper) = 0.5).
 *
 * The grid x[0..m-1] is strictly increasing; with logx it is also > 0 and
 * the curves are interpolated linearly in log x (a geometric sweep), else
 * linearly in x. Values must be finite; a non-finite value breaks the curve
 * (no crossing is reported across it). See docs/sensitivity-methods.md.
 */
#ifndef HS_CROSSOVER_H
#define HS_CROSSOVER_H

#include <stddef.h>

/* Finds every x where ya - yb changes sign, in increasing order. Between
 * two grid points with strictly opposite signs, x is found by linear
 * interpolation (in log x when logx != 0). Where ya == yb on grid points
 * (one point, or a run of points), it is a crossing only if the signs on
 * either side of the tie differ — touching is not crossing — and x is the
 * middle of the tied run (its geometric middle when logx). A tie at either
 * end of the grid is not a crossing: no sign change is visible there.
 * Writes at most max_out crossings to out (out may be NULL if max_out is 0)
 * and returns how many there are, which may be more than max_out. */
size_t crossover_find(const double *x, const double *ya, const double *yb, size_t m, int logx,
                      double *out, size_t max_out);

/* Where p(x) passes `level`, with crossover_find's rules applied to
 * p - level. Returns the number of passes (0 if it never passes, and then
 * *out is untouched); *out is the first, i.e. the smallest x. */
int crossover_level(const double *x, const double *p, size_t m, int logx, double level,
                    double *out);

#endif
