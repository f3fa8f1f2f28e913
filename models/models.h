/* models.h — helpers the models expose (for tests and the docs' examples). */
#ifndef HS_MODELS_H
#define HS_MODELS_H

/* Residual value share of an item aged a months whose value is r3 after
 * 36 months: linear 1 -> r3 over 3 years, then r3 -> 0 at 5 years. */
double assets_residual(double age_months, double r3);

/* Mean over hours [t0, t1) (t1 > t0) of the benefits' ramp f(t) = clamp((t -
 * live) / ramp, 0, 1), a step at `live` when ramp = 0 (hours from the start). */
double benefits_ramp(double t0, double t1, double live, double ramp);

#endif
