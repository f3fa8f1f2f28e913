/* test_options.c — options.csv: labels, variants (sim/scenario/options.c) and what a variant
 * shares with its base (every random stream: sim/engine/work.c, trajectory.c, demand.c).
 *
 * The variants are tested on inputs/default with copies of `saas` added at test time (a
 * temporary folder: the default's files, saas's rows of params.csv and plans.csv again under
 * the copy's name, and an options.csv row declaring it a variant, or none). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario/options.h"
#include "test_env.h"

static void S_init(void)
{
    hs_gsl_init();
    if (access("tests/data/good/params.csv", R_OK) != 0 && chdir("../..") != 0) return;
}

TestSuite(options, .init = S_init);

static const scenario_option *S_option(const scenario *sc, const char *name)
{
    int o = scenario_option_index(sc, name);
    cr_assert_geq(o, 0, "no option %s", name);
    return &sc->opt[o];
}

Test(options, labels_come_from_options_csv)
{
    scenario *sc = S_load("inputs/default", NULL, 0);
    cr_expect_str_eq(S_option(sc, "self_hosted")->label, "Self-hosted servers");
    cr_expect_str_eq(S_option(sc, "payg")->label, "Pay per message");
    for (int o = 0; o < sc->nopt; o++)
        cr_expect_str_eq(sc->opt[o].variant_of, "", "%s", sc->opt[o].name);
    scenario_free(sc);
}

Test(options, without_options_csv_the_label_is_the_name_made_readable)
{
    scenario *sc = S_load("tests/data/good", NULL, 0);
    cr_expect_str_eq(S_option(sc, "on_prem")->label, "On prem");
    cr_expect_str_eq(S_option(sc, "saas_plan")->label, "Saas plan");
    cr_expect_str_eq(options_stream_name(S_option(sc, "saas_plan")), "saas_plan");
    scenario_free(sc);
    char buf[8];
    options_default_label("a_very_long_name", buf, sizeof buf); /* cut, never overrun */
    cr_expect_str_eq(buf, "A very ");
}

/* ------------------------------------------------------------- variants */

/* Copies file NAME of inputs/default to DIR, then appends its rows that start with "saas,"
 * again under COPY's name (when copy is not NULL). */
static void S_copy(const char *dir, const char *name, const char *copy)
{
    char src[512], dst[512], line[8192];
    snprintf(src, sizeof src, "inputs/default/%s", name);
    snprintf(dst, sizeof dst, "%s/%s", dir, name);
    FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
    cr_assert(in && out, "copy %s to %s", src, dst);
    while (fgets(line, sizeof line, in))
        fputs(line, out);
    if (copy) {
        rewind(in);
        while (fgets(line, sizeof line, in))
            if (strncmp(line, "saas,", 5) == 0) fprintf(out, "%s%s", copy, line + 4);
    }
    fclose(in);
    fclose(out);
}

/* A copy of inputs/default in a new temporary folder (DIR, at least 64 bytes) with option
 * COPY, saas's rows under another name, declared a variant of saas when VARIANT. */
static void S_scenario_with_copy(char *dir, const char *copy, int variant)
{
    strcpy(dir, "/tmp/hs-variant-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    S_copy(dir, "params.csv", copy);
    S_copy(dir, "plans.csv", copy);
    S_copy(dir, "assets.csv", copy);
    S_copy(dir, "calendar.csv", NULL);
    S_copy(dir, "profile.csv", NULL);
    S_copy(dir, "options.csv", NULL);
    if (variant) {
        char path[512];
        snprintf(path, sizeof path, "%s/options.csv", dir);
        FILE *f = fopen(path, "a");
        cr_assert_not_null(f);
        fprintf(f, "%s,SaaS copy,saas,test\n", copy);
        fclose(f);
    }
}

static void S_remove(const char *dir)
{
    static const char *const files[] = {"params.csv",   "plans.csv",   "assets.csv",
                                        "calendar.csv", "profile.csv", "options.csv"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

#define S_SEED 20260615ULL
#define S_TRAJ 8

/* Number of (trajectory, metric) pairs in which the two options differ, over S_TRAJ
 * trajectories of two years; with cost.seats scaled by RATIO in b (the rest must be equal). */
static int S_differences(const char *dir, const char *const *sets, int nsets, const char *a,
                         const char *b, double seats_ratio, int *seats_ok)
{
    S_env v = S_env_new(dir, sets, nsets, 2);
    int ia = scenario_option_index(v.sc, a), ib = scenario_option_index(v.sc, b), diff = 0;
    cr_assert(ia >= 0 && ib >= 0);
    *seats_ok = 1;
    for (uint64_t t = 0; t < S_TRAJ; t++) {
        S_traj(v.w, S_SEED, t, 0);
        const double *ma = v.w->opt[ia].met, *mb = v.w->opt[ib].met;
        for (int m = 0; m < MET_COUNT; m++) {
            if (m == MET_COST(CAT_seats)) {
                if (!(fabs(mb[m] - seats_ratio * ma[m]) <= 1e-9 * fabs(mb[m]))) {
                    *seats_ok = 0;
                    if (seats_ratio != 1) /* the twin without variant_of differs anyway */
                        cr_log_warn("seed %llu trajectory %llu: cost.seats %.10g vs %.10g x %g",
                                    S_SEED, (unsigned long long)t, mb[m], ma[m], seats_ratio);
                }
                continue;
            }
            if (seats_ratio != 1 && (m == MET_tco || m == MET_tco_npv || m == MET_net_cost))
                continue; /* they carry the seats' difference */
            diff += ma[m] != mb[m];
        }
    }
    S_env_free(&v);
    return diff;
}

Test(options, a_twin_variant_is_identical_to_its_base_in_every_trajectory)
{
    char dir[64];
    int ok;
    S_scenario_with_copy(dir, "saas_twin", 1);
    cr_expect_eq(S_differences(dir, NULL, 0, "saas", "saas_twin", 1, &ok), 0);
    cr_expect(ok);
    S_remove(dir);
    /* the same copy without variant_of has streams of its own: it differs (the test can fail) */
    S_scenario_with_copy(dir, "saas_twin", 0);
    cr_expect_gt(S_differences(dir, NULL, 0, "saas", "saas_twin", 1, &ok), S_TRAJ);
    S_remove(dir);
}

Test(options, a_variant_that_changes_one_price_differs_only_through_that_price)
{
    /* seat_fee uniform(50,100) -> uniform(60,120): the same draw u gives 1.2 times the fee */
    char dir[64];
    int ok;
    const char *set[] = {"saas_dear.seat_fee=uniform(60,120)"};
    S_scenario_with_copy(dir, "saas_dear", 1);
    cr_expect_eq(S_differences(dir, set, 1, "saas", "saas_dear", 1.2, &ok), 0);
    cr_expect(ok, "cost.seats not 1.2 times the base's");
    S_remove(dir);
}
