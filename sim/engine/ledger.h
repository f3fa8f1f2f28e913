/* ledger.h — the ledger: named cost categories and value lines x months, for one option.
 *
 * Every amount a model charges goes through ledger_add(category, month);
 * every value a model credits (a benefit the study attributes to an option,
 * signed: positive is worth money to the firm) through
 * ledger_add_value(line, month). Value lines are kept apart from the costs:
 * ledger_month_total, ledger_npv and so tco, tco_npv and monthly.csv are
 * costs only; net cost = costs - values (metrics net_cost, value).
 * Totals are sums over months (per-month sums in double: with at most 600
 * months and amounts below 1e9 the rounding error of a total is below
 * 600 * 1e9 * 2^-53 ~ 1e-4 CNY). NPV discounts month m by
 * (1 + r)^(-m/12), i.e. payments at the start of each month.
 */
#ifndef HS_LEDGER_H
#define HS_LEDGER_H

#include <assert.h>

#define HS_LEDGER_CATEGORIES(X)                                                                    \
    X(hardware, "equipment purchases, replacements and capacity upgrades")                         \
    X(software_licences, "perpetual and yearly software licences")                                 \
    X(licence_maintenance, "yearly licence maintenance from year 2")                               \
    X(subscription, "SaaS plan fees")                                                              \
    X(usage_fees, "overage and per-message fees")                                                  \
    X(seats, "agent-days of seats beyond the plan")                                                \
    X(cloud_hosting, "cloud instances")                                                            \
    X(bandwidth, "bandwidth, with step pricing above the included Mbps")                           \
    X(energy_colocation, "electricity and colocation")                                             \
    X(it_labour, "IT staff")                                                                       \
    X(operations_labour, "operations staff time")                                                  \
    X(upgrades, "overhauls, feature changes, rewrites, obsolescence catch-up, upgrades' upkeep")   \
    X(platform_api_changes, "module replacements forced by API changes")                           \
    X(compliance, "certification and audits")                                                      \
    X(security_incidents, "incident handling and ransomware data loss")                            \
    X(breaches_fines, "breach compensation, revenue loss and fines")                               \
    X(outage_losses, "value of messages lost to outages")                                          \
    X(capacity_losses, "value of messages lost to overflow")                                       \
    X(golive_delay, "contacts missed before go-live")                                              \
    X(migration_training, "one-off migration, training and trial losses")                          \
    X(exit, "leaving an option in a strategy's move: data export, contract termination")           \
    X(sla_credits, "SLA service credits (negative)")                                               \
    X(salvage, "resale value of equipment at the horizon (negative)")

/* Value lines (models/benefits.c): each becomes the metric "value.<name>". */
#define HS_LEDGER_VALUES(X)                                                                        \
    X(conversion, "margin on the extra sales of a higher conversion rate (faster replies)")        \
    X(productivity, "customer-service agent hours saved (productivity, AI replies)")

#define HS_X_CAT_ENUM(id, help) CAT_##id,
typedef enum { HS_LEDGER_CATEGORIES(HS_X_CAT_ENUM) CAT_COUNT } ledger_category;

#define HS_X_VAL_ENUM(id, help) VAL_##id,
typedef enum { HS_LEDGER_VALUES(HS_X_VAL_ENUM) VAL_COUNT } ledger_value;

extern const char *const ledger_category_names[CAT_COUNT];
extern const char *const ledger_category_help[CAT_COUNT];
extern const char *const ledger_value_names[VAL_COUNT];
extern const char *const ledger_value_help[VAL_COUNT];

typedef struct {
    int months;
    double *m; /* [CAT_COUNT + VAL_COUNT][months], row-major: the cost categories,
                  then the value lines */
} ledger;

/* Allocates a zeroed ledger for `months` months. NULL when out of memory. */
ledger *ledger_new(int months);
void ledger_free(ledger *l);
void ledger_clear(ledger *l);

/* Adds amount to category c of month `month` (in [0, months): asserted). */
static inline void ledger_add(ledger *l, ledger_category c, int month, double amount)
{
    assert((unsigned)month < (unsigned)l->months && (unsigned)c < CAT_COUNT);
    l->m[(long)c * l->months + month] += amount;
}

/* Adds a value (signed) to line v of month `month` (in [0, months): asserted). */
static inline void ledger_add_value(ledger *l, ledger_value v, int month, double amount)
{
    assert((unsigned)month < (unsigned)l->months && (unsigned)v < VAL_COUNT);
    l->m[(long)(CAT_COUNT + v) * l->months + month] += amount;
}

double ledger_category_total(const ledger *l, ledger_category c);
double ledger_value_total(const ledger *l, ledger_value v);
/* Sum over cost categories of month m (in [0, months): asserted); no value line. */
double ledger_month_total(const ledger *l, int month);
/* Sum over value lines of month m (in [0, months): asserted). */
double ledger_month_value(const ledger *l, int month);
/* NPV of all cost categories at yearly rate r, monthly discounting. */
double ledger_npv(const ledger *l, double rate);
/* NPV of a constant monthly payment c over n months (the annuity formula), for tests. */
double ledger_annuity(double c, int n, double rate);

#endif
