/* traffic_record.h — the traffic part of a trajectory's demand, kept and restored.
 *
 * The trajectory hooks (the traffic model) write the traffic part of the demand state
 * (demand.h, 1.): rate, count, day_rest, day_rest_rate, day_rest_n, month_total,
 * month_peak, month_peak_hour, day_peak_rate. They read only the plan, the trajectory's
 * "demand" stream (seed, trajectory) and the globals of HS_TRAFFIC_INPUTS (record.h). A
 * later run of the same trajectory whose sampled values of those globals are equal to the
 * bit (a tornado or Sobol run that moves an input the traffic does not read) restores the
 * kept traffic instead of running the trajectory hooks: the demand state is then the same
 * to the bit, and so is everything after it (tests/unit/test_traffic_record.c).
 * A slot keeps: the rates as float (as the state holds them), a bitmap of the hours drawn
 * and their counts (at most a quarter of the hours: a trajectory with more is not kept),
 * the day rests, their rate sums and counts, day_peak_rate, the month totals, peaks and
 * peak hours, the key and the traffic inputs: about 260 KB per trajectory of the default
 * scenario (5 years; sim_traffic_bytes_each). day_total (the sample trajectory's) is not
 * kept: a sample trajectory never restores. A record is kept only when every model with a
 * trajectory hook provides nothing but SIM_DEMAND (else always simulated).
 */
#ifndef HS_TRAFFIC_RECORD_H
#define HS_TRAFFIC_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

typedef struct sim_traffic sim_traffic;

/* Room for n traffic records of plan p (empty). NULL on error (e set). */
sim_traffic *sim_traffic_new(const sim_plan *p, size_t n, hs_error *e);
void sim_traffic_free(sim_traffic *t);
/* Slots of t (0 for NULL). */
size_t sim_traffic_count(const sim_traffic *t);
/* Bytes one traffic record of plan p takes. */
size_t sim_traffic_bytes_each(const sim_plan *p);
/* 1 if global parameter `index` is declared a traffic input (HS_TRAFFIC_INPUTS, record.h). */
int sim_param_traffic(int index);

/* Keeps w's traffic (after its trajectory hooks, or sim_trajectory_happen) in slot i (t may
 * be NULL, i out of range: nothing); returns whether it was kept. */
int sim_traffic_save(sim_traffic *t, size_t i, const sim_work *w);
/* 1 if slot i holds the traffic a run of w (its parameters sampled, w->seed, w->traj set)
 * would make: the same plan and trajectory, every traffic input equal to the bit, not the
 * sample trajectory. t may be NULL. */
int sim_traffic_fits(const sim_traffic *t, size_t i, const sim_work *w);
/* 1 if slots i and j (both kept) hold the same traffic to the bit (for the tests). */
int sim_traffic_same(const sim_traffic *t, size_t i, size_t j);
/* Writes slot i's traffic into w's demand state (it must fit). */
void sim_traffic_load(const sim_traffic *t, size_t i, sim_work *w);

/* sim_trajectory_happen, restoring slot `slot` of t instead of running the trajectory hooks
 * when it fits (sim_traffic_fits; t may be NULL). Sets *restored (may be NULL). */
hs_status sim_trajectory_happen_reusing(sim_work *w, uint64_t seed, uint64_t traj, int sample_days,
                                        const sim_traffic *t, size_t slot, int *restored,
                                        hs_error *e);

#endif
