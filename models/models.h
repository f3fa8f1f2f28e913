/* models.h — helpers the models expose (for tests and the docs' examples). */
#ifndef HS_MODELS_H
#define HS_MODELS_H

/* Residual value share of an item aged a months whose value is r3 after
 * 36 months: linear 1 -> r3 over 3 years, then r3 -> 0 at 5 years. */
double assets_residual(double age_months, double r3);

#endif
