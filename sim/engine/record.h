/* record.h — a trajectory's physical record, kept and re-priced.
 *
 * A trajectory runs in two steps (engine.h): what happens (the trajectory
 * and option hooks) and what it costs (the price hooks). The physical record
 * is everything the second step reads that the first wrote, plus the
 * sampled parameters:
 *   per trajectory  g[PG_COUNT]; the demand's month_total[months] and
 *                   day_peak_rate[days]
 *   per option      p[PO_COUNT]; met[MET_COUNT] as the first step left them
 *                   (overflow, messages lost and delayed, incidents,
 *                   breaches); month_terms, month_served, month_down,
 *                   month_peak_msgs, month_overflow, month_lost_outage,
 *                   month_lost_overflow [months]; the upgrades (count,
 *                   month, arrival [months]); the disasters' times (at most
 *                   SIM_RECORD_DISASTERS, else the record is not kept)
 * all as doubles: (PG_COUNT + months + days + nopt x (PO_COUNT + MET_COUNT
 * + 13 months + 2 + 2 SIM_RECORD_DISASTERS)) x 8 bytes, about 45 KB for the
 * default scenario (4 options, 5 years), 13.5 MB for 300 trajectories
 * (sim_records_bytes_each).
 *
 * A price-only parameter is one no trajectory or option hook reads: a
 * change of it changes no physical record, so its runs re-price the stored
 * records of the same trajectories (sim_record_price) instead of
 * re-simulating, with results identical to the bit (tests/unit/
 * test_reprice.c runs both on the default scenario; it also perturbs every
 * slot declared here and checks that the physical record does not move).
 * The list below is that declaration: a parameter missing from it is
 * simulated again (slower, never wrong); one wrongly on it fails those tests.
 */
#ifndef HS_RECORD_H
#define HS_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "scenario/param_slot.h"

/* X(scope, id): the price-only parameters, read by price hooks only (models/costs.c,
 * assets.c, benefits.c, security.c's charges, traffic.c's value of a message; fx_* only at
 * loading). */
#define HS_PRICE_ONLY(X)                                                                           \
    X(G, revenue_year)                                                                             \
    X(G, messaging_revenue_share)                                                                  \
    X(G, messages_per_agent_hour)                                                                  \
    X(G, discount_rate)                                                                            \
    X(G, fx_twd_cny)                                                                               \
    X(G, fx_usd_cny)                                                                               \
    X(G, sales_margin)                                                                             \
    X(G, agent_cost_month)                                                                         \
    X(G, conversion_lift)                                                                          \
    X(G, productivity_gain)                                                                        \
    X(O, upgrade_cost)                                                                             \
    X(O, upgrade_life)                                                                             \
    X(O, upgrade_residual_3y)                                                                      \
    X(O, upgrade_energy)                                                                           \
    X(O, upgrade_colocation)                                                                       \
    X(O, upgrade_licence_year)                                                                     \
    X(O, upgrade_maintenance)                                                                      \
    X(O, bandwidth_fee)                                                                            \
    X(O, bandwidth_included_mbps)                                                                  \
    X(O, bandwidth_step_share)                                                                     \
    X(O, mbps_per_rps)                                                                             \
    X(O, sla_availability)                                                                         \
    X(O, sla_credit_share)                                                                         \
    X(O, incident_cost)                                                                            \
    X(O, incident_borne_share)                                                                     \
    X(O, breach_compensation)                                                                      \
    X(O, breach_revenue_loss)                                                                      \
    X(O, fine_prob)                                                                                \
    X(O, fine_revenue_share)                                                                       \
    X(O, rpo_hours)                                                                                \
    X(O, obsolescence_prob)                                                                        \
    X(O, obsolescence_year)                                                                        \
    X(O, obsolescence_cost)                                                                        \
    X(O, it_fte)                                                                                   \
    X(O, it_salary)                                                                                \
    X(O, salary_raise)                                                                             \
    X(O, tech_debt_after)                                                                          \
    X(O, tech_debt_uplift)                                                                         \
    X(O, tech_debt_share)                                                                          \
    X(O, ops_hours)                                                                                \
    X(O, ops_hour_cost)                                                                            \
    X(O, licence_upfront)                                                                          \
    X(O, licence_oneoff)                                                                           \
    X(O, licence_maint_share)                                                                      \
    X(O, licence_year)                                                                             \
    X(O, message_fee)                                                                              \
    X(O, seat_fee)                                                                                 \
    X(O, cloud_fee)                                                                                \
    X(O, energy)                                                                                   \
    X(O, colocation)                                                                               \
    X(O, overhaul_interval)                                                                        \
    X(O, overhaul_cost)                                                                            \
    X(O, feature_change_rate)                                                                      \
    X(O, feature_change_cost)                                                                      \
    X(O, api_change_rate)                                                                          \
    X(O, api_change_prob)                                                                          \
    X(O, api_change_cost)                                                                          \
    X(O, rewrite_rate)                                                                             \
    X(O, rewrite_cost)                                                                             \
    X(O, compliance)                                                                               \
    X(O, golive_days)                                                                              \
    X(O, golive_missed_share)                                                                      \
    X(O, migration_cost)                                                                           \
    X(O, training_cost)                                                                            \
    X(O, trial_loss)                                                                               \
    X(O, price_escalation)                                                                         \
    X(O, conversion_share)                                                                         \
    X(O, productivity_share)                                                                       \
    X(O, value_ramp_days)

/* X(scope, id): the traffic inputs, the only parameters a trajectory hook reads (models/
 * traffic.c: volume, growth, day noise, overdispersion). A run whose sampled values of these
 * equal a kept traffic record's restores it (traffic_record.h) instead of running the
 * trajectory hooks; tests/unit/test_traffic_record.c perturbs every slot not listed and checks
 * that the traffic does not move, and every slot listed and checks that it does. */
#define HS_TRAFFIC_INPUTS(X)                                                                       \
    X(G, volume_month)                                                                             \
    X(G, growth_year)                                                                              \
    X(G, day_noise_cv)                                                                             \
    X(G, overdispersion_k)

/* Disaster times a record keeps per option (a trajectory with more is simulated again). */
#define SIM_RECORD_DISASTERS 16

/* 1 if parameter `index` of scope is declared price-only (above). */
int sim_param_price_only(param_scope scope, int index);

/* HS_OK if x is a value slot s may take (inside its bounds, param_list.h), else the error
 * that names it (trajectory.c: sampling and re-pricing check alike). */
hs_status sim_param_check(const sim_work *w, const param_slot *s, double x, hs_error *e);

typedef struct sim_records sim_records;
struct sim_traffic;

/* Room for n records of plan p (empty; p must outlive them); they are re-priced by workspaces
 * of that plan (the values not fixed are the record's) or of another plan that makes the same
 * first step (sim_record_fits). NULL on error (e set). */
sim_records *sim_records_new(const sim_plan *p, size_t n, hs_error *e);
void sim_records_free(sim_records *r);
/* Slots of r. */
size_t sim_records_count(const sim_records *r);
/* Bytes one record of plan p takes. */
size_t sim_records_bytes_each(const sim_plan *p);

/* Keeps w's physical record (right after sim_trajectory_happen: the second step changes met[])
 * in slot i < n, with which of its values were fixed (w->fixed_g, w->fixed_o); a record that does
 * not fit (too many disasters) leaves the slot empty. Returns whether it was kept. */
int sim_record_save(sim_records *r, size_t i, const sim_work *w);
/* 1 if slot i holds a record of trajectory (seed, traj) that a run of w (its fixed values
 * w->fixed_g / w->fixed_o, NaN = sampled, either may be NULL; its skip mask and strata) would
 * make again: the run skips exactly the options the record skipped (a skipped option has
 * nothing to re-price), the record drew from the same Latin hypercube strata (or none), and
 * every value that is not price-only is the same:
 *   w of the record's plan: fixed at the same value, or sampled in both (the same draw);
 *   w of another plan (another scenario: a sweep's point, a --set): the plans have the same
 *     horizon, files (checksums), options and strategies, and the values w's scenario samples
 *     for this trajectory (sim_trajectory_sample: w's parameters change) equal the record's to
 *     the bit; a --set that drops a correlation row, or changes a physical SPEC, changes them
 *     and the run simulates. */
int sim_record_fits(const sim_records *r, size_t i, uint64_t seed, uint64_t traj, sim_work *w);
/* 1 if slots i and j (both kept) hold the same physical record: every value but the
 * price-only parameters' equal to the bit (for the tests that check the declaration). */
int sim_record_same_physics(const sim_records *r, size_t i, size_t j);
/* Loads slot i's record into w (the first step's results), then sets the price-only values of
 * w->fixed_g / w->fixed_o that are not NaN (after the bounds check of sampling), and runs the
 * second step (sim_trajectory_price: the options w does not skip, then the strategies). A w of
 * another plan takes the parameters its own scenario samples (its price-only values). The
 * record must fit (sim_record_fits: else an error). */
hs_status sim_record_price(sim_work *w, const sim_records *r, size_t i, hs_error *e);
/* The traffic records kept beside r (traffic_record.h), or NULL: attached with
 * sim_records_attach_traffic (n slots, the first n of r's), freed with r. */
struct sim_traffic *sim_records_traffic(const sim_records *r);
hs_status sim_records_attach_traffic(sim_records *r, size_t n, hs_error *e);

#endif
