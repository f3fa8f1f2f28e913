/* test_extends.c — a scenario that extends another (sim/scenario/extends.c and the loader's
 * layers in sim/scenario/scenario.c): which rows replace, which are inherited, where messages
 * point, and the checksums the manifest shows. Each test writes a small scenario over
 * tests/data/good or tests/data/plans_fixed in a scratch folder.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario/scenario.h"

static char S_root[512]; /* the repository */
static char S_tmp[64];

static void S_init(void)
{
    hs_gsl_init();
    if (access("tests/data/good/params.csv", R_OK) != 0 && chdir("../..") != 0) return;
    cr_assert_not_null(getcwd(S_root, sizeof S_root));
    snprintf(S_tmp, sizeof S_tmp, "/tmp/hs-extends-XXXXXX");
    cr_assert_not_null(mkdtemp(S_tmp));
}

static void S_fini(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", S_tmp);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(extends, .init = S_init, .fini = S_fini);

static void S_write(const char *name, const char *text)
{
    char path[768];
    snprintf(path, sizeof path, "%s/%s", S_tmp, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fputs(text, f);
    fclose(f);
}

/* The scratch scenario extends the repository's folder BASE. */
static void S_extends(const char *base)
{
    char text[768];
    snprintf(text, sizeof text, "# over %s\n%s/%s\n", base, S_root, base);
    S_write("extends", text);
}

/* Opens DIR (NULL: the scratch scenario over BASE, written with FILE = TEXT first); fails the
 * test when it does not load. */
static scenario *S_open(const char *dir, const char *base, const char *file, const char *text)
{
    if (!dir) {
        S_extends(base);
        S_write(file, text);
    }
    hs_error e = {0};
    scenario *sc = scenario_open(dir ? dir : S_tmp, NULL, 0, &e);
    cr_assert_not_null(sc, "%s: %s", dir ? dir : S_tmp, e.msg);
    return sc;
}

static const param_value *S_opt(const scenario *sc, const char *option, const char *name)
{
    int o = scenario_option_index(sc, option);
    cr_assert_geq(o, 0, "no option %s", option);
    return &sc->opt[o].p[params_find(name, PARAM_OPTION)->index];
}

Test(extends, a_row_replaces_the_bases_and_the_rest_is_inherited)
{
    scenario *sc = S_open(NULL, "tests/data/good", "params.csv",
                          "option,parameter,value,unit,source\non_prem,it_fte,2.5,FTE,mine\n");
    scenario *base = S_open("tests/data/good", NULL, NULL, NULL);
    cr_expect_eq(sc->nopt, base->nopt);
    const param_value *fte = S_opt(sc, "on_prem", "it_fte");
    cr_expect_eq(fte->s.a, 2.5);
    cr_expect_str_eq(fte->origin, "params.csv:2");
    cr_expect_str_eq(fte->source, "mine");
    const param_value *cap = S_opt(sc, "on_prem", "capacity_rps");
    const param_value *bcap = S_opt(base, "on_prem", "capacity_rps");
    cr_expect_str_eq(cap->text, bcap->text);
    cr_expect(strncmp(cap->origin, "good/params.csv:", 16) == 0, "origin %s", cap->origin);
    cr_expect_eq(sc->npeaks, base->npeaks, "calendar.csv inherited");
    cr_expect_eq(sc->opt[0].nassets, base->opt[0].nassets, "assets.csv inherited");
    cr_expect_eq(sc->nbase, 1);
    cr_expect_eq(sc->base_checksum[0], base->checksum, "the base's checksum is its own");
    cr_expect_neq(sc->checksum, base->checksum);
    scenario_free(sc);
    scenario_free(base);
}

Test(extends, an_asset_of_the_same_item_replaces_the_bases_in_place)
{
    scenario *sc = S_open(NULL, "tests/data/good", "assets.csv",
                          "option,item,unit_cost_cny,count,life_years,residual_3y,source\n"
                          "on_prem,server,50000,3,4,0.2,mine\n"
                          "on_prem,firewall,8000,1,5,0.1,mine\n");
    const scenario_option *o = &sc->opt[scenario_option_index(sc, "on_prem")];
    cr_assert_eq(o->nassets, 3);
    cr_expect_str_eq(o->assets[0].item, "server");
    cr_expect_eq(o->assets[0].count, 3);
    cr_expect_eq(o->assets[0].unit_cost.a, 50000);
    cr_expect_str_eq(o->assets[1].item, "switch");
    cr_expect_str_eq(o->assets[2].item, "firewall");
    scenario_free(sc);
}

Test(extends, a_calendar_replaces_the_bases_whole)
{
    scenario *sc = S_open(NULL, "tests/data/good", "calendar.csv",
                          "name,start,end,multiplier,source\nsummer,07-01,07-31,2,mine\n");
    cr_expect_eq(sc->npeaks, 1);
    cr_expect_str_eq(sc->peaks[0].name, "summer");
    cr_expect_str_eq(sc->calendar_dir, sc->dir);
    scenario_free(sc);
}

Test(extends, plan_rows_give_the_options_whole_ladder)
{
    scenario *sc = S_open(NULL, "tests/data/plans_fixed", "plans.csv",
                          "option,tier,fee_cny_month,included_messages,capacity_rps,"
                          "seats_included,source\nrented,only,900,30000,0.5,2,mine\n");
    const scenario_option *o = &sc->opt[scenario_option_index(sc, "rented")];
    cr_assert_eq(o->ntiers, 1);
    cr_expect_str_eq(o->tiers[0].name, "only");
    scenario_free(sc);
}

Test(extends, a_bad_value_inherited_from_the_base_names_the_bases_file)
{
    S_extends("tests/data/good");
    S_write("params.csv", "option,parameter,value,unit,source\non_prem,it_fte,1,FTE,mine\n");
    hs_error e;
    memset(&e, 0, sizeof e);
    char *set[] = {"on_prem.it_fte=2"};
    scenario *sc = scenario_load(S_tmp, &e);
    cr_assert_not_null(sc, "%s", e.msg);
    cr_expect_eq(scenario_set(sc, set[0], &e), HS_OK);
    /* a bounds error found at finalize: the row is the base's, so is the file named */
    param_value *v = &sc->opt[scenario_option_index(sc, "on_prem")]
                          .p[params_find("capacity_rps", PARAM_OPTION)->index];
    snprintf(v->text, sizeof v->text, "-5");
    v->s = spec_const(-5);
    cr_expect_eq(scenario_finalize(sc, &e), HS_ERR_INPUT);
    cr_expect(strstr(e.msg, "tests/data/good/params.csv:") != NULL, "message: %s", e.msg);
    scenario_free(sc);
}
