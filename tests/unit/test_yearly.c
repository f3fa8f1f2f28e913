/* test_yearly.c — per-year values and break-even months of one record (sim/run/yearly.c), on
 * hand-made records of two options over two years (24 months).
 *
 * Cumulative series are built from monthly amounts that are multiples of 0.25, so that every
 * sum and difference is exact in binary and the expected numbers are written by hand.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "run/timeagg.h"
#include "run/yearly.h"

#define S_M 24

typedef struct {
    runner_layout L;
    double rec[2 * MET_COUNT + 4 * S_M + 2 * CAT_COUNT * S_M + 2 * S_M];
} S_rec;

/* A record of two options: option i costs cost[i][m] in month m, charged to it_labour, and
 * one quarter more to hardware; it is worth value[i][m] and is down i + 0.5 hours a month. */
static void S_make(S_rec *r, double cost[2][S_M], double value[2][S_M])
{
    memset(r, 0, sizeof *r);
    r->L.nopt = r->L.nres = 2;
    r->L.months = S_M;
    r->L.met = 0;
    r->L.cum = 2 * MET_COUNT;
    r->L.vcum = r->L.cum + 2 * S_M;
    r->L.g = r->L.o = r->L.sw = r->L.cat = r->L.vcum + 2 * S_M;
    r->L.down = r->L.cat + 2 * CAT_COUNT * S_M;
    r->L.size = r->L.down + 2 * S_M;
    for (int i = 0; i < 2; i++) {
        double c = 0, v = 0;
        double *cat = r->rec + r->L.cat + (size_t)i * CAT_COUNT * S_M;
        for (int m = 0; m < S_M; m++) {
            r->rec[r->L.cum + i * S_M + m] = c += 1.25 * cost[i][m];
            r->rec[r->L.vcum + i * S_M + m] = v += value ? value[i][m] : 0;
            cat[CAT_it_labour * S_M + m] = cost[i][m];
            cat[CAT_hardware * S_M + m] = 0.25 * cost[i][m];
            r->rec[r->L.down + i * S_M + m] = i + 0.5;
        }
    }
}

Test(yearly, value_of_a_year_is_the_sum_of_its_months)
{
    double cost[2][S_M] = {{0}}, value[2][S_M] = {{0}};
    for (int m = 0; m < S_M; m++) {
        cost[0][m] = 1000.25 + 10 * m; /* year 1: 12 x 1000.25 + 10 x 66; year 2: + 10 x 210 */
        cost[1][m] = m == 0 ? 5000 : 250.5;
        value[0][m] = m < 12 ? 100 : 300.75;
    }
    S_rec r;
    S_make(&r, cost, value);
    cr_expect_eq(yearly_value(&r.L, r.rec, 0, MET_COST(CAT_it_labour), 1), 12 * 1000.25 + 660);
    cr_expect_eq(yearly_value(&r.L, r.rec, 0, MET_tco, 1), 1.25 * (12 * 1000.25 + 660));
    cr_expect_eq(yearly_value(&r.L, r.rec, 0, MET_tco, 2), 1.25 * (12 * 1000.25 + 2100));
    cr_expect_eq(yearly_value(&r.L, r.rec, 1, MET_tco, 1), 1.25 * (5000 + 11 * 250.5));
    cr_expect_eq(yearly_value(&r.L, r.rec, 1, MET_COST(CAT_hardware), 2), 0.25 * 12 * 250.5);
    cr_expect_eq(yearly_value(&r.L, r.rec, 1, MET_COST(CAT_seats), 2), 0);
    cr_expect_eq(yearly_value(&r.L, r.rec, 0, MET_value, 2), 12 * 300.75);
    cr_expect_eq(yearly_value(&r.L, r.rec, 0, MET_net_cost, 1), 1.25 * (12 * 1000.25 + 660) - 1200);
    cr_expect_eq(yearly_value(&r.L, r.rec, 1, MET_downtime_hours, 2), 12 * 1.5);
}

Test(yearly, metrics_with_a_value_per_year)
{
    cr_expect(yearly_has(MET_tco) && yearly_has(MET_net_cost) && yearly_has(MET_value));
    cr_expect(yearly_has(MET_downtime_hours) && yearly_has(MET_COST(0)) &&
              yearly_has(MET_COST(CAT_COUNT - 1)));
    cr_expect(!yearly_has(MET_messages_lost) && !yearly_has(MET_tco_npv) &&
              !yearly_has(MET_VALUE(0)));
}

Test(yearly, breakeven_is_the_first_month_from_which_a_stays_at_or_below_b)
{
    /* A: 10,000 up front then 100 a month; B: 600 a month. cum A(m) = 10,000 + 100 m,
     * cum B(m) = 600 (m + 1) (0-based m): A <= B from 10,100 + 100 j <= 600 + 600 j, j >= 19,
     * i.e. month 20 (1-based) */
    double cost[2][S_M];
    for (int m = 0; m < S_M; m++) {
        cost[0][m] = m == 0 ? 10000 : 100;
        cost[1][m] = 600;
    }
    S_rec r;
    S_make(&r, cost, NULL);
    cr_expect_eq(yearly_breakeven(&r.L, r.rec, MET_tco, 0, 1), 20);
    /* B against A: B is at or below A until month 19, above from month 20: never */
    cr_expect_eq(yearly_breakeven(&r.L, r.rec, MET_tco, 1, 0), 0);
    /* equal costs: a tie counts as at or below, both ways */
    for (int m = 0; m < S_M; m++)
        cost[0][m] = cost[1][m] = 100.25;
    S_make(&r, cost, NULL);
    cr_expect_eq(yearly_breakeven(&r.L, r.rec, MET_tco, 0, 1), 1);
    cr_expect_eq(yearly_breakeven(&r.L, r.rec, MET_tco, 1, 0), 1);
}

Test(yearly, breakeven_ignores_a_crossing_that_is_undone_later)
{
    /* A below B in months 1-5, above in 6-10, below again from month 11 */
    double cost[2][S_M];
    for (int m = 0; m < S_M; m++) {
        cost[1][m] = 100;
        cost[0][m] = m < 5 ? 50 : m < 10 ? 200 : 25;
    }
    /* cum A: 50 (j + 1) to j = 4 (250), then 250 + 200 (j - 4) to j = 9 (1,250), then
     * 1,250 + 25 (j - 9); cum B = 100 (j + 1). A <= B: 1,250 + 25 (j - 9) <= 100 j + 100,
     * 75 j >= 925, j >= 12.33: j = 13, month 14 */
    S_rec r;
    S_make(&r, cost, NULL);
    cr_expect_eq(yearly_breakeven(&r.L, r.rec, MET_tco, 0, 1), 14);
}

Test(yearly, timeagg_counts_breakeven_months_and_averages_years)
{
    /* three trajectories: A costs 10,000 up front then 100 a month against B's 600 (month
     * 20); A and B equal (month 1 both ways); A above B throughout (never) */
    double cost[2][S_M];
    S_rec r[3];
    for (int m = 0; m < S_M; m++)
        cost[0][m] = m == 0 ? 10000 : 100, cost[1][m] = 600;
    S_make(&r[0], cost, NULL);
    for (int m = 0; m < S_M; m++)
        cost[0][m] = cost[1][m] = 100.25;
    S_make(&r[1], cost, NULL);
    for (int m = 0; m < S_M; m++)
        cost[0][m] = 700, cost[1][m] = 600;
    S_make(&r[2], cost, NULL);
    hs_error e = {0};
    timeagg *t = timeagg_new(&r[0].L, &e);
    cr_assert(t, "%s", e.msg);
    for (int k = 0; k < 3; k++)
        timeagg_consume(t, r[k].rec);
    const uint64_t *ab = t->be + ((size_t)0 * 2 + 1) * (S_M + 1); /* tco, A against B */
    const uint64_t *ba = t->be + ((size_t)1 * 2 + 0) * (S_M + 1);
    cr_expect_eq(ab[20], 1);
    cr_expect_eq(ab[1], 1);
    cr_expect_eq(ab[0], 1);
    cr_expect_eq(ba[0], 1); /* B against A: never in the first */
    cr_expect_eq(ba[1], 2); /* equal, and B below A throughout in the third */
    /* mean of A's year-2 tco: (1.25 x 12 x 100 + 1.25 x 12 x 100.25 + 1.25 x 12 x 700) / 3 */
    const size_t i = ((size_t)0 * t->years + 1) * YEARLY_NMET + 0;
    cr_expect(fabs(t->mean[i] - 1.25 * 12 * (100 + 100.25 + 700) / 3) < 1e-9);
    /* downtime of B's year 1: 12 x 1.5 in each */
    cr_expect(fabs(t->mean[((size_t)1 * t->years) * YEARLY_NMET + 3] - 18) < 1e-12);
    timeagg_free(t);
}
