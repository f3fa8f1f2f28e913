/* test_options.c — options.csv: labels, variants (sim/scenario/options.c) and what a variant
 * shares with its base (sim/engine: every random stream). */
#include <criterion/criterion.h>
#include <string.h>
#include <unistd.h>

#include "scenario/options.h"
#include "scenario/scenario.h"

static void S_init(void)
{
    hs_gsl_init();
    if (access("tests/data/good/params.csv", R_OK) != 0 && chdir("../..") != 0) return;
}

TestSuite(options, .init = S_init);

static scenario *S_open(const char *dir)
{
    hs_error e = {0};
    scenario *sc = scenario_open(dir, NULL, 0, &e);
    cr_assert_not_null(sc, "scenario_open(%s): %s", dir, e.msg);
    return sc;
}

static const scenario_option *S_option(const scenario *sc, const char *name)
{
    int o = scenario_option_index(sc, name);
    cr_assert_geq(o, 0, "no option %s", name);
    return &sc->opt[o];
}

Test(options, labels_come_from_options_csv)
{
    scenario *sc = S_open("inputs/default");
    cr_expect_str_eq(S_option(sc, "self_hosted")->label, "Self-hosted servers");
    cr_expect_str_eq(S_option(sc, "payg")->label, "Pay per message");
    for (int o = 0; o < sc->nopt; o++)
        cr_expect_str_eq(sc->opt[o].variant_of, "", "%s", sc->opt[o].name);
    scenario_free(sc);
}

Test(options, without_options_csv_the_label_is_the_name_made_readable)
{
    scenario *sc = S_open("tests/data/good");
    cr_expect_str_eq(S_option(sc, "on_prem")->label, "On prem");
    cr_expect_str_eq(S_option(sc, "saas_plan")->label, "Saas plan");
    cr_expect_str_eq(options_stream_name(S_option(sc, "saas_plan")), "saas_plan");
    scenario_free(sc);
    char buf[8];
    options_default_label("a_very_long_name", buf, sizeof buf); /* cut, never overrun */
    cr_expect_str_eq(buf, "A very ");
}
