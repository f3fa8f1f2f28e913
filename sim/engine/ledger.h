/* ledger.h — the cost ledger: named categories x months, for one option.
 *
 * Every amount a model charges goes through ledger_add(category, month).
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
    X(sla_credits, "SLA service credits (negative)")                                               \
    X(salvage, "resale value of equipment at the horizon (negative)")

#define HS_X_CAT_ENUM(id, help) CAT_##id,
typedef enum { HS_LEDGER_CATEGORIES(HS_X_CAT_ENUM) CAT_COUNT } ledger_category;

extern const char *const ledger_category_names[CAT_COUNT];
extern const char *const ledger_category_help[CAT_COUNT];

typedef struct {
    int months;
    double *m; /* [CAT_COUNT][months], row-major by category */
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

double ledger_category_total(const ledger *l, ledger_category c);
/* Sum over categories of month m (in [0, months): asserted). */
double ledger_month_total(const ledger *l, int month);
/* NPV of all categories at yearly rate r, monthly discounting. */
double ledger_npv(const ledger *l, double rate);
/* NPV of a constant monthly payment c over n months (the annuity formula), for tests. */
double ledger_annuity(double c, int n, double rate);

#endif
