/* models.h — helpers the models expose (for tests and the docs' examples). */
#ifndef HS_MODELS_H
#define HS_MODELS_H

#include "scenario/scenario.h"

/* Residual value share of an item aged a months whose value is r3 after
 * 36 months: linear 1 -> r3 over 3 years, then r3 -> 0 at 5 years. */
double assets_residual(double age_months, double r3);

/* Mean over hours [t0, t1) (t1 > t0) of the benefits' ramp f(t) = clamp((t -
 * live) / ramp, 0, 1), a step at `live` when ramp = 0 (hours from the start). */
double benefits_ramp(double t0, double t1, double live, double ramp);

/* An option's plan tiers as the buyer's rule sees them (plans.c). */
typedef struct {
    int n;                            /* tiers, smallest first */
    double fee[SCENARIO_MAX_TIERS];   /* CNY/month */
    double quota[SCENARIO_MAX_TIERS]; /* messages/month included */
    double cap[SCENARIO_MAX_TIERS];   /* messages an hour the tier carries (capacity.c's C) */
    double overage;                   /* CNY a message above the quota */
} plans_menu;

/* A month of `messages` on a plan: fee + max(0, messages - quota) x overage. */
double plans_bill(double fee, double quota, double overage, double messages);
/* The tier a buyer expecting `volume` messages a month starts on: the lowest bill (ties: the
 * lower tier). */
int plans_first_tier(const plans_menu *mu, double volume);
/* The tier after a window of nmonths months (messages demanded, busiest hour's demand): among
 * the tiers whose cap carries the window's busiest hour (none: the top tier), the lowest sum of
 * bills; `current` unless another is strictly cheaper. */
int plans_next_tier(const plans_menu *mu, int current, const double *messages, const double *peak,
                    int nmonths);

#endif
