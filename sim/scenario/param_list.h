/* param_list.h — every scenario parameter, in one table.
 *
 * X(id, scope, canonical unit, lo, hi, required, default, help); the name of a
 * parameter (in params.csv, --set and the listings) is its id, as written.
 * scope G = global (one value shared by every option), O = per option.
 * The same table drives parsing, unit conversion, bounds checks, `hostsim
 * params` and the docs. Bounds are in the canonical unit. Optional
 * parameters take the default when a scenario leaves them out (0 means
 * "this cost or event does not apply to the option"); such a parameter also
 * takes an explicit 0 when its lower bound is above 0 (overhaul_interval:
 * none, or at least 1 month). The bounds keep every model finite and its
 * loops short (docs/scenario.md, "Bounds").
 * Defaults that carry numbers from the study live in inputs/default/params.csv
 * with their source; docs/model.md explains each parameter.
 */
#define HS_PARAMS(X)                                                                               \
    /* ---- traffic (models/traffic.c) ---- */                                                     \
    X(volume_month, G, "messages/month", 1, 1e9, 1, 0,                                             \
      "average messages per month over the first year (growth compounds monthly from there)")      \
    X(growth_year, G, "share/year", -0.9, 5, 0, 0, "yearly growth of volume")                      \
    X(day_noise_cv, G, "share", 0, 2, 0, 0,                                                        \
      "coefficient of variation of the day-level volume noise (lognormal, mean 1)")                \
    X(overdispersion_k, G, "x", 0, 1e9, 0, 0,                                                      \
      "shape k of the gamma-Poisson hourly count (variance mu + mu^2/k); 0 = Poisson")             \
    X(req_per_message, G, "x", 0.01, 1000, 0, 1,                                                   \
      "API requests per message (send, status callbacks, CRM look-ups)")                           \
    X(burst_factor, G, "x", 1, 1000, 0, 1,                                                         \
      "peak requests/second within an hour over the hour's average rate")                          \
    X(revenue_year, G, "CNY/year", 0, 1e12, 1, 0, "the firm's annual revenue")                     \
    X(messaging_revenue_share, G, "share", 0, 1, 0, 0,                                             \
      "share of revenue that flows through the messaging channel (prices a lost message)")         \
    X(messages_per_agent_hour, G, "messages/hour", 0.1, 1e6, 0, 60,                                \
      "messages one agent handles per hour (seats: each day staffed to its busiest expected "      \
      "hour)")                                                                                     \
    X(discount_rate, G, "share/year", 0, 1, 0, 0.08, "discount rate for NPV")                      \
    X(fx_twd_cny, G, "x", 1e-6, 1e6, 0, 0.22, "CNY per TWD (fixed number)")                        \
    X(fx_usd_cny, G, "x", 1e-6, 1e6, 0, 7.1, "CNY per USD (fixed number)")                         \
    /* ---- capacity (models/capacity.c) ---- */                                                   \
    X(capacity_rps, O, "req/s", 0.001, 1e9, 1, 0, "request rate the option serves")                \
    X(elastic_factor, O, "x", 1, 1000, 0, 1,                                                       \
      "elastic head-room the provider grants: usable capacity is capacity_rps x elastic_factor")   \
    X(overflow_lost_share, O, "share", 0, 1, 0, 1,                                                 \
      "share of messages above capacity that are lost (the rest are delayed)")                     \
    X(upgrade_after_hours, O, "hours", 0, 744, 0, 0,                                               \
      "buy capacity after this many overflow hours in a month (0 = never)")                        \
    X(upgrade_lead_time, O, "days", 0, 365, 0, 30, "lead time of an upgrade")                      \
    X(upgrade_capacity_rps, O, "req/s", 0, 1e9, 0, 0, "capacity added by one upgrade")             \
    X(upgrade_cost, O, "CNY", 0, 1e9, 0, 0, "cost of one capacity upgrade")                        \
    X(upgrade_life, O, "years", 0.1, 50, 0, 5,                                                     \
      "life of an upgrade's equipment: replaced after it, depreciated over it (models/assets.c)")  \
    X(upgrade_residual_3y, O, "share", 0, 1, 0, 0,                                                 \
      "share of an upgrade's price it still fetches after 3 years (salvage at the horizon)")       \
    X(upgrade_energy, O, "CNY/month", 0, 1e9, 0, 0,                                                \
      "electricity of each upgrade, from its arrival")                                             \
    X(upgrade_colocation, O, "CNY/month", 0, 1e9, 0, 0,                                            \
      "rack space / colocation of each upgrade, from its arrival")                                 \
    X(upgrade_licence_year, O, "CNY/year", 0, 1e9, 0, 0,                                           \
      "yearly licences each upgrade adds (paid monthly from its arrival)")                         \
    X(upgrade_maintenance, O, "CNY/year", 0, 1e9, 0, 0,                                            \
      "yearly hardware upkeep of each upgrade (paid monthly from its arrival)")                    \
    X(bandwidth_fee, O, "CNY/month", 0, 1e9, 0, 0, "monthly bandwidth fee")                        \
    X(bandwidth_included_mbps, O, "Mbps", 0, 1e6, 0, 0,                                            \
      "bandwidth covered by the fee (0 = no step pricing)")                                        \
    X(bandwidth_step_share, O, "share", 0, 10, 0, 0.15,                                            \
      "extra fee per Mbps above the included bandwidth, as a share of the fee")                    \
    X(mbps_per_rps, O, "Mbps", 0, 1e3, 0, 0.05,                                                    \
      "bandwidth needed per request/second of peak load")                                          \
    /* ---- outages (models/outages.c) ---- */                                                     \
    X(outage_rate, O, "/month", 0, 1000, 1, 0, "unplanned interruptions per month")                \
    X(repair_hours, O, "hours", 0, 10000, 1, 0, "mean time to repair")                             \
    X(repair_shape, O, "x", 0.1, 100, 0, 2, "gamma shape of repair times (1 = exponential)")       \
    X(maintenance_hours, O, "hours/month", 0, 200, 0, 0,                                           \
      "planned maintenance, from 02:00 on the first Sunday of each month")                         \
    X(ddos_rate, O, "/year", 0, 1000, 0, 0, "DDoS attacks per year")                               \
    X(ddos_minutes, O, "minutes", 0, 100000, 0, 0, "time to mitigate a DDoS")                      \
    X(disaster_rate, O, "/year", 0, 10, 0, 0, "disasters destroying the equipment, per year")      \
    X(disaster_outage_days, O, "days", 0, 365, 0, 0, "outage after a disaster")                    \
    X(sla_availability, O, "share", 0, 1, 0, 0,                                                    \
      "monthly availability the provider guarantees (0 = no SLA)")                                 \
    X(sla_credit_share, O, "share", 0, 1, 0, 0,                                                    \
      "share of the month's subscription and usage fees credited when the SLA is missed")          \
    X(outage_loss_share, O, "share", 0, 1, 0, 1,                                                   \
      "share of messages demanded during an outage that are lost for good")                        \
    /* ---- security (models/security.c) ---- */                                                   \
    X(incident_rate, O, "/year", 0, 1000, 0, 0, "security incidents per year")                     \
    X(incident_cost, O, "CNY", 0, 1e9, 0, 0, "cost to handle one incident")                        \
    X(incident_borne_share, O, "share", 0, 1, 0, 1,                                                \
      "share of incident costs the firm bears (the rest the provider)")                            \
    X(breach_share, O, "share", 0, 1, 0, 0, "share of incidents that are breaches")                \
    X(breach_compensation, O, "CNY", 0, 1e10, 0, 0, "compensation paid per breach")                \
    X(breach_outage_hours, O, "hours", 0, 10000, 0, 0, "outage caused by a breach")                \
    X(breach_revenue_loss, O, "share", 0, 1, 0, 0, "share of annual revenue lost after a breach")  \
    X(fine_prob, O, "share", 0, 1, 0, 0, "probability a breach draws a fine")                      \
    X(fine_revenue_share, O, "share", 0, 1, 0, 0, "regulatory fine as a share of annual revenue")  \
    X(ransomware_share, O, "share", 0, 1, 0, 0,                                                    \
      "share of incidents that are ransomware (data since the last backup lost)")                  \
    X(rpo_hours, O, "hours", 0, 10000, 0, 0, "backup recovery point objective")                    \
    X(ransomware_outage_hours, O, "hours", 0, 10000, 0, 0,                                         \
      "outage while restoring after ransomware")                                                   \
    /* ---- assets (models/assets.c; equipment lists in assets.csv) ---- */                        \
    X(obsolescence_prob, O, "share", 0, 1, 0, 0,                                                   \
      "probability of a technology catch-up once the stack is obsolescence_year old")              \
    X(obsolescence_year, O, "years", 0, 50, 0, 4, "age at which the stack is versions behind")     \
    X(obsolescence_cost, O, "CNY", 0, 1e9, 0, 0, "cost of the catch-up")                           \
    /* ---- costs and people (models/costs.c) ---- */                                              \
    X(it_fte, O, "FTE", 0, 1000, 0, 0, "IT staff dedicated to the platform")                       \
    X(it_salary, O, "CNY/year", 0, 1e8, 0, 0, "loaded salary of one IT FTE")                       \
    X(salary_raise, O, "share/year", -0.5, 1, 0, 0, "yearly salary raise")                         \
    X(tech_debt_after, O, "years", 0, 50, 0, 3, "age after which maintenance effort grows")        \
    X(tech_debt_uplift, O, "share", 0, 10, 0, 0, "extra maintenance effort after tech_debt_after") \
    X(tech_debt_share, O, "share", 0, 1, 0, 1,                                                     \
      "share of the IT FTEs' time that is maintenance, the part tech_debt_uplift grows")           \
    X(ops_hours, O, "hours/month", 0, 10000, 0, 0, "operations staff time")                        \
    X(ops_hour_cost, O, "CNY/hour", 0, 1e5, 0, 0, "loaded cost of an ops hour")                    \
    X(licence_upfront, O, "CNY", 0, 1e9, 0, 0,                                                     \
      "perpetual licences at go-live that carry yearly maintenance (licence_maint_share)")         \
    X(licence_oneoff, O, "CNY", 0, 1e9, 0, 0,                                                      \
      "licences bought at go-live that carry no maintenance (e.g. the WhatsApp Business API)")     \
    X(licence_maint_share, O, "share/year", 0, 1, 0, 0,                                            \
      "yearly maintenance from year 2, share of licence_upfront")                                  \
    X(licence_year, O, "CNY/year", 0, 1e9, 0, 0, "yearly licences (e.g. security)")                \
    X(plan_fee, O, "CNY/month", 0, 1e9, 0, 0, "subscription fee")                                  \
    X(plan_quota, O, "messages/month", 0, 1e12, 0, 0, "messages included in the plan")             \
    X(overage_fee, O, "CNY/message", 0, 1e3, 0, 0, "price per message over quota")                 \
    X(message_fee, O, "CNY/message", 0, 1e3, 0, 0, "pay-per-message price")                        \
    X(seat_fee, O, "CNY/month", 0, 1e6, 0, 0, "monthly price of a seat over the plan")             \
    X(seats_included, O, "seats", 0, 1e6, 0, 0, "seats included in the plan")                      \
    X(plan_review_months, O, "months", 1, 120, 0, 12,                                              \
      "months of bills the buyer re-prices on every plan tier before each month (plans.csv)")      \
    X(cloud_fee, O, "CNY/month", 0, 1e9, 0, 0, "cloud instances")                                  \
    X(energy, O, "CNY/month", 0, 1e9, 0, 0, "electricity")                                         \
    X(colocation, O, "CNY/month", 0, 1e9, 0, 0, "rack space / colocation")                         \
    X(overhaul_interval, O, "months", 1, 600, 0, 0, "months between medium overhauls (0 = none)")  \
    X(overhaul_cost, O, "CNY", 0, 1e9, 0, 0, "cost of one overhaul")                               \
    X(feature_change_rate, O, "/year", 0, 1000, 0, 0,                                              \
      "feature changes the firm pays for, per year")                                               \
    X(feature_change_cost, O, "CNY", 0, 1e9, 0, 0, "cost of one change")                           \
    X(api_change_rate, O, "/year", 0, 100, 0, 0, "breaking changes of the platform API per year")  \
    X(api_change_prob, O, "share", 0, 1, 0, 0,                                                     \
      "probability that a change forces a module replacement")                                     \
    X(api_change_cost, O, "CNY", 0, 1e9, 0, 0, "cost of a module replacement")                     \
    X(rewrite_rate, O, "/year", 0, 100, 0, 0,                                                      \
      "rate of the business-model change that forces a partial rewrite (at most one)")             \
    X(rewrite_cost, O, "CNY", 0, 1e9, 0, 0, "cost of one rewrite")                                 \
    X(compliance, O, "CNY/year", 0, 1e9, 0, 0, "certification and audits")                         \
    X(golive_days, O, "days", 0, 365, 0, 0, "days from decision to go-live")                       \
    X(golive_missed_share, O, "share", 0, 1, 0, 0,                                                 \
      "share of customer contacts missed while not live")                                          \
    X(migration_cost, O, "CNY", 0, 1e9, 0, 0, "one-off migration")                                 \
    X(training_cost, O, "CNY", 0, 1e9, 0, 0, "one-off training")                                   \
    X(trial_loss, O, "CNY", 0, 1e9, 0, 0, "business lost during the trial period")                 \
    X(price_escalation, O, "share/year", -0.5, 1, 0, 0,                                            \
      "yearly escalation of every non-labour price (fees, licences, equipment, event costs)")      \
    /* ---- benefits (models/benefits.c): value lines, off the cost total ---- */                  \
    X(sales_margin, G, "share", 0, 1, 0, 0,                                                        \
      "share of a sale's revenue the firm keeps: what an extra sale is worth (value.conversion)")  \
    X(agent_cost_month, G, "CNY/month", 0, 1e9, 0, 0,                                              \
      "loaded monthly pay of the customer-service team at volume_month (value.productivity)")      \
    X(conversion_lift, G, "share", -1, 10, 0, 0,                                                   \
      "relative rise of the messaging channel's conversion rate from faster replies (signed)")     \
    X(productivity_gain, G, "share", -1, 1, 0, 0,                                                  \
      "share of the customer-service team's hours a SaaS SCRM's features save (signed)")           \
    X(conversion_share, O, "share", -1, 1, 0, 0,                                                   \
      "how much of conversion_lift the option brings (0 = none, signed)")                          \
    X(productivity_share, O, "share", -1, 1, 0, 0,                                                 \
      "how much of productivity_gain the option brings (0 = none, signed)")                        \
    X(value_ramp_days, O, "days", 0, 3650, 0, 0,                                                   \
      "days after go-live until the value lines reach their full level (linear ramp)")
