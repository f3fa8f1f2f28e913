/* test_spec.c — parameter SPECs (sim/scenario/spec.c): sampling, moments, quantiles, parser.
 *
 * Moments: for every family, 10^5 draws from spec_sample with a fixed taus2
 * seed; the sample mean must lie within S_K standard errors of the analytic
 * mean (SE = sd / sqrt(n)) and the sample variance within S_K standard errors
 * of the analytic variance (SE = sqrt((m4 - s^4) / n), m4 the sample's fourth
 * central moment). The analytic values are checked twice: as spec_mean /
 * spec_variance report them, and as computed here from textbook formulas
 * (normal pieces from erf, PERT from (min + l mode + max)/(l + 2) and
 * (mu - min)(max - mu)/(l + 3)), so a wrong formula in spec.c cannot hide
 * behind a matching wrong sampler. Parameters are deliberately not round.
 *
 * Parser: every accepted form, and every rejection with its message and the
 * 0-based column spec_parse reports.
 *
 * A failing check prints the seed and the command that replays it.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/hs_error.h"
#include "scenario/spec.h"

#define S_N 100000
#define S_K 4.5
#define S_REPLAY "build/test_unit --filter 'spec*/*'"

static void S_init(void)
{
    hs_gsl_init();
}

static spec S_parse_ok(const char *text)
{
    spec s;
    int col = -1;
    char msg[512] = "";
    int rc = spec_parse(text, &s, &col, msg, sizeof msg);
    cr_assert_eq(rc, 0, "spec_parse(\"%s\") failed at column %d: %s", text, col, msg);
    return s;
}

/* ------------------------------------------------------------- moments */

typedef struct {
    double mean, var, m4;
    double lo, hi;
} S_sample;

static S_sample S_draw(const spec *s, unsigned long seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(r, seed);
    static double x[S_N];
    S_sample out = {0, 0, 0, INFINITY, -INFINITY};
    for (int i = 0; i < S_N; i++) {
        x[i] = spec_sample(r, s);
        out.mean += x[i];
        if (x[i] < out.lo) out.lo = x[i];
        if (x[i] > out.hi) out.hi = x[i];
    }
    gsl_rng_free(r);
    out.mean /= S_N;
    for (int i = 0; i < S_N; i++) {
        double d = x[i] - out.mean;
        out.var += d * d;
        out.m4 += d * d * d * d;
    }
    out.var /= S_N - 1;
    out.m4 /= S_N;
    return out;
}

/* Checks the sample of text against spec_mean/spec_variance and against the
 * hand-computed mean and variance. */
static void S_check_moments(const char *text, double mean, double var, unsigned long seed)
{
    spec s = S_parse_ok(text);
    double rel = 1e-9 * (fabs(mean) + sqrt(var));
    cr_expect(fabs(spec_mean(&s) - mean) <= rel, "%s: spec_mean = %.12g, expected %.12g", text,
              spec_mean(&s), mean);
    cr_expect(fabs(spec_variance(&s) - var) <= 1e-9 * var + 1e-15,
              "%s: spec_variance = %.12g, expected %.12g", text, spec_variance(&s), var);
    S_sample x = S_draw(&s, seed);
    double se_mean = sqrt(var / S_N);
    double se_var = sqrt(fabs(x.m4 - x.var * x.var) / S_N);
    cr_expect(fabs(x.mean - mean) <= S_K * se_mean,
              "%s: sample mean %.8g vs analytic %.8g is %.2f standard errors away (limit %.1f); "
              "seed %lu; replay: %s",
              text, x.mean, mean, fabs(x.mean - mean) / se_mean, S_K, seed, S_REPLAY);
    cr_expect(fabs(x.var - var) <= S_K * se_var,
              "%s: sample variance %.8g vs analytic %.8g is %.2f standard errors away (limit "
              "%.1f); seed %lu; replay: %s",
              text, x.var, var, fabs(x.var - var) / se_var, S_K, seed, S_REPLAY);
    double lo, hi;
    spec_support(&s, &lo, &hi);
    cr_expect(x.lo >= lo && x.hi <= hi, "%s: draws [%g, %g] leave the support [%g, %g]; seed %lu",
              text, x.lo, x.hi, lo, hi, seed);
}

/* Standard normal pieces from the C library, independent of GSL. */
static double S_phi(double z)
{
    return exp(-z * z / 2) / sqrt(2 * 3.14159265358979323846);
}
static double S_Phi(double z)
{
    return 0.5 * (1 + erf(z / sqrt(2)));
}

static void S_trunc_normal(double mu, double sd, double lo, double hi, double *mean, double *var)
{
    double a = (lo - mu) / sd, b = (hi - mu) / sd;
    double pa = isinf(a) ? 0 : S_phi(a), pb = isinf(b) ? 0 : S_phi(b);
    double z = S_Phi(b) - S_Phi(a);
    double apa = isinf(a) ? 0 : a * pa, bpb = isinf(b) ? 0 : b * pb;
    *mean = mu + sd * (pa - pb) / z;
    *var = sd * sd * (1 + (apa - bpb) / z - ((pa - pb) / z) * ((pa - pb) / z));
}

TestSuite(spec_moments, .init = S_init);

Test(spec_moments, a_constant_always_draws_itself)
{
    spec s = S_parse_ok("2.385");
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(r, 7);
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(spec_sample(r, &s), 2.385, "seed 7, draw %d", i);
    gsl_rng_free(r);
    cr_expect_eq(spec_mean(&s), 2.385);
    cr_expect_eq(spec_variance(&s), 0);
    cr_expect(spec_is_const(&s));
}

Test(spec_moments, uniform_matches_half_sum_and_width_squared_over_twelve)
{
    double a = 2.385, b = 7.91;
    S_check_moments("uniform(2.385,7.91)", (a + b) / 2, (b - a) * (b - a) / 12, 20270101);
}

Test(spec_moments, triangular_matches_textbook_moments)
{
    double a = 1.25, m = 2.385, c = 6.5;
    S_check_moments("tri(1.25,2.385,6.5)", (a + m + c) / 3,
                    (a * a + m * m + c * c - a * m - a * c - m * c) / 18, 20270102);
}

Test(spec_moments, triangular_with_mode_at_the_minimum_matches)
{
    double a = 3.1, m = 3.1, c = 9.385;
    S_check_moments("tri(3.1,3.1,9.385)", (a + m + c) / 3,
                    (a * a + m * m + c * c - a * m - a * c - m * c) / 18, 20270103);
}

Test(spec_moments, pert_with_default_lambda_matches_classic_pert_formulas)
{
    double a = 2.385, m = 5.1, c = 14.7, l = 4;
    double mu = (a + l * m + c) / (l + 2);
    S_check_moments("pert(2.385,5.1,14.7)", mu, (mu - a) * (c - mu) / (l + 3), 20270104);
}

Test(spec_moments, pert_with_lambda_six_point_two_five_matches)
{
    double a = 120.5, m = 131.2, c = 190.385, l = 6.25;
    double mu = (a + l * m + c) / (l + 2);
    S_check_moments("pert(120.5, 131.2, 190.385, 6.25)", mu, (mu - a) * (c - mu) / (l + 3),
                    20270105);
}

Test(spec_moments, pert_two_five_fourteen_has_mean_six)
{
    spec s = S_parse_ok("pert(2,5,14)");
    cr_expect(fabs(spec_mean(&s) - 6.0) < 1e-12, "PERT(2,5,14) mean %.15g", spec_mean(&s));
}

Test(spec_moments, normal_matches_mu_and_sd_squared)
{
    S_check_moments("normal(12.385,3.1)", 12.385, 3.1 * 3.1, 20270106);
}

Test(spec_moments, normal_truncated_on_both_sides_matches_the_truncated_formulas)
{
    double m, v;
    S_trunc_normal(2.385, 1.7, 0, 5.5, &m, &v);
    S_check_moments("normal(2.385,1.7;0;5.5)", m, v, 20270107);
}

Test(spec_moments, normal_truncated_below_only_matches)
{
    double m, v;
    S_trunc_normal(1.2, 2.385, 0, INFINITY, &m, &v);
    S_check_moments("normal(1.2,2.385,0)", m, v, 20270108);
}

Test(spec_moments, normal_truncated_above_with_minus_inf_matches)
{
    double m, v;
    S_trunc_normal(4.75, 1.385, -INFINITY, 5.5, &m, &v);
    S_check_moments("normal(4.75,1.385,-inf,5.5)", m, v, 20270109);
}

Test(spec_moments, lognormal_from_median_and_p95_matches)
{
    double med = 2.385, p95 = 9.75;
    double sg = log(p95 / med) / 1.6448536269514722;
    double mean = med * exp(sg * sg / 2);
    double var = (exp(sg * sg) - 1) * med * med * exp(sg * sg);
    S_check_moments("lognormal(2.385,9.75)", mean, var, 20270110);
}

Test(spec_moments, discrete_matches_the_weighted_sums)
{
    double v[3] = {1.5, 2.385, 7.25}, p[3] = {0.2, 0.45, 0.35};
    double m = 0, q = 0;
    for (int i = 0; i < 3; i++)
        m += v[i] * p[i];
    for (int i = 0; i < 3; i++)
        q += p[i] * (v[i] - m) * (v[i] - m);
    S_check_moments("discrete(1.5:0.2, 2.385:0.45; 7.25:0.35)", m, q, 20270111);
}

Test(spec_moments, bernoulli_matches_p_and_p_times_one_minus_p)
{
    double p = 0.2385;
    S_check_moments("bernoulli(0.2385)", p, p * (1 - p), 20270112);
}

Test(spec_moments, the_same_seed_gives_the_same_draws)
{
    spec s = S_parse_ok("pert(2.385,5.1,14.7)");
    gsl_rng *r1 = gsl_rng_alloc(gsl_rng_taus2), *r2 = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(r1, 424242);
    gsl_rng_set(r2, 424242);
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(spec_sample(r1, &s), spec_sample(r2, &s), "seed 424242, draw %d", i);
    gsl_rng_free(r1);
    gsl_rng_free(r2);
}

Test(spec_moments, scaling_multiplies_the_mean_and_the_variance_by_the_square)
{
    const char *texts[] = {"2.385",
                           "uniform(2.385,7.91)",
                           "tri(1.25,2.385,6.5)",
                           "pert(2.385,5.1,14.7)",
                           "normal(12.385,3.1)",
                           "lognormal(2.385,9.75)",
                           "discrete(1.5:0.2,2.385:0.8)"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        spec s = S_parse_ok(texts[i]);
        double m = spec_mean(&s), v = spec_variance(&s);
        spec_scale(&s, 12.5);
        cr_expect(fabs(spec_mean(&s) - 12.5 * m) < 1e-9 * fabs(12.5 * m), "%s: scaled mean",
                  texts[i]);
        cr_expect(fabs(spec_variance(&s) - 156.25 * v) < 1e-9 * (156.25 * v) + 1e-12,
                  "%s: scaled variance", texts[i]);
    }
}

Test(spec_moments, scaling_a_bernoulli_gives_zero_or_the_factor)
{
    spec s = S_parse_ok("bernoulli(0.2385)");
    spec_scale(&s, 4.5);
    cr_expect(fabs(spec_mean(&s) - 0.2385 * 4.5) < 1e-12);
    double lo, hi;
    spec_support(&s, &lo, &hi);
    cr_expect(lo == 0 && hi == 4.5, "support [%g, %g]", lo, hi);
}

/* ------------------------------------------------------------ quantiles */

TestSuite(spec_quantile, .init = S_init);

Test(spec_quantile, the_median_of_symmetric_families_is_their_centre)
{
    struct {
        const char *text;
        double centre;
    } c[] = {{"uniform(2.385,7.91)", (2.385 + 7.91) / 2},
             {"tri(1.5,3.885,6.27)", 3.885},
             {"pert(2.385,5.1,7.815)", 5.1},
             {"normal(12.385,3.1)", 12.385},
             {"normal(2.385,1.7,0.5,4.27)", 2.385},
             {"lognormal(2.385,9.75)", 2.385}};
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        spec s = S_parse_ok(c[i].text);
        cr_expect(fabs(spec_quantile(&s, 0.5) - c[i].centre) < 1e-9 * fabs(c[i].centre),
                  "%s: quantile(0.5) = %.12g, expected %.12g", c[i].text, spec_quantile(&s, 0.5),
                  c[i].centre);
    }
}

Test(spec_quantile, the_p95_of_a_lognormal_is_its_second_argument)
{
    spec s = S_parse_ok("lognormal(2.385,9.75)");
    cr_expect(fabs(spec_quantile(&s, 0.95) - 9.75) < 1e-9, "quantile(0.95) = %.12g",
              spec_quantile(&s, 0.95));
}

Test(spec_quantile, quantiles_increase_and_stay_in_the_support)
{
    const char *texts[] = {"uniform(2.385,7.91)",
                           "tri(1.25,2.385,6.5)",
                           "pert(2.385,5.1,14.7)",
                           "normal(12.385,3.1)",
                           "normal(2.385,1.7,0,5.5)",
                           "lognormal(2.385,9.75)",
                           "discrete(1.5:0.2,2.385:0.45,7.25:0.35)",
                           "bernoulli(0.2385)"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        spec s = S_parse_ok(texts[i]);
        double lo, hi, prev = -INFINITY;
        spec_support(&s, &lo, &hi);
        for (int k = 1; k < 1000; k++) {
            double q = spec_quantile(&s, k / 1000.0);
            cr_assert(q >= prev, "%s: quantile(%g) = %g < quantile before = %g", texts[i],
                      k / 1000.0, q, prev);
            cr_assert(q >= lo && q <= hi, "%s: quantile(%g) = %g outside [%g, %g]", texts[i],
                      k / 1000.0, q, lo, hi);
            prev = q;
        }
    }
}

/* The share of draws at or below quantile(u) is u, within S_K binomial
 * standard errors: the sampler and the quantile function agree. */
Test(spec_quantile, the_sampler_and_the_quantile_function_agree)
{
    const char *texts[] = {"uniform(2.385,7.91)",       "tri(1.25,2.385,6.5)",
                           "pert(2.385,5.1,14.7,6.25)", "normal(12.385,3.1)",
                           "normal(2.385,1.7,0,5.5)",   "lognormal(2.385,9.75)"};
    const double us[] = {0.05, 0.25, 0.5, 0.75, 0.95};
    unsigned long seed = 31337;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        spec s = S_parse_ok(texts[i]);
        gsl_rng_set(r, seed + i);
        int below[5] = {0};
        double q[5];
        for (int k = 0; k < 5; k++)
            q[k] = spec_quantile(&s, us[k]);
        for (int n = 0; n < S_N; n++) {
            double x = spec_sample(r, &s);
            for (int k = 0; k < 5; k++)
                below[k] += x <= q[k];
        }
        for (int k = 0; k < 5; k++) {
            double share = (double)below[k] / S_N, se = sqrt(us[k] * (1 - us[k]) / S_N);
            cr_expect(fabs(share - us[k]) <= S_K * se,
                      "%s: %.4f of draws are below quantile(%.2f) = %g; seed %lu; replay: %s",
                      texts[i], share, us[k], q[k], seed + i, S_REPLAY);
        }
    }
    gsl_rng_free(r);
}

Test(spec_quantile, a_discrete_quantile_steps_at_the_cumulative_probabilities)
{
    spec s = S_parse_ok("discrete(1.5:0.2,2.385:0.45,7.25:0.35)");
    cr_expect_eq(spec_quantile(&s, 0.1), 1.5);
    cr_expect_eq(spec_quantile(&s, 0.3), 2.385);
    cr_expect_eq(spec_quantile(&s, 0.64), 2.385);
    cr_expect_eq(spec_quantile(&s, 0.66), 7.25);
}

/* --------------------------------------------------------- parser: valid */

TestSuite(spec_parse, .init = S_init);

/* Parses text and checks its canonical form. */
static void S_canon(const char *text, const char *canon)
{
    spec s = S_parse_ok(text);
    char buf[512];
    spec_format(&s, buf, sizeof buf);
    cr_expect_str_eq(buf, canon, "spec_format(parse(\"%s\")) = \"%s\", expected \"%s\"", text, buf,
                     canon);
    /* the canonical form parses back to the same distribution */
    spec t = S_parse_ok(buf);
    cr_expect_eq(t.kind, s.kind, "%s: kind changes through spec_format", text);
    cr_expect(spec_mean(&t) == spec_mean(&s), "%s: mean changes through spec_format", text);
}

Test(spec_parse, accepts_a_plain_number)
{
    S_canon("2.385", "2.385");
}
Test(spec_parse, accepts_a_negative_number_in_exponent_form)
{
    S_canon("-2.385e3", "-2385");
}
Test(spec_parse, accepts_spaces_and_tabs_around_a_number)
{
    S_canon(" \t 2.385 \t", "2.385");
}
Test(spec_parse, accepts_uniform)
{
    S_canon("uniform(2.385,7.91)", "uniform(2.385,7.91)");
}
Test(spec_parse, accepts_spaces_everywhere_in_a_distribution)
{
    S_canon("  uniform ( 2.385 ,  7.91 )  ", "uniform(2.385,7.91)");
}
Test(spec_parse, accepts_semicolons_as_separators)
{
    S_canon("tri(1.25;2.385;6.5)", "tri(1.25,2.385,6.5)");
}
Test(spec_parse, accepts_mixed_separators)
{
    S_canon("tri(1.25;2.385,6.5)", "tri(1.25,2.385,6.5)");
}
Test(spec_parse, accepts_tri_with_the_mode_at_an_end)
{
    S_canon("tri(3,3,5.5)", "tri(3,3,5.5)");
}
Test(spec_parse, accepts_pert_with_the_default_lambda)
{
    spec s = S_parse_ok("pert(2.385,5.1,14.7)");
    cr_expect_eq(s.d, 4);
    S_canon("pert(2.385,5.1,14.7)", "pert(2.385,5.1,14.7)");
}
Test(spec_parse, accepts_pert_with_lambda)
{
    S_canon("pert(2.385, 5.1, 14.7, 6.25)", "pert(2.385,5.1,14.7,6.25)");
}
Test(spec_parse, accepts_normal)
{
    S_canon("normal(12.385,3.1)", "normal(12.385,3.1)");
}
Test(spec_parse, accepts_normal_with_truncation)
{
    spec s = S_parse_ok("normal(2.385,1.7,0,5.5)");
    cr_expect(s.lo == 0 && s.hi == 5.5, "lo %g hi %g", s.lo, s.hi);
    S_canon("normal(2.385,1.7;0;5.5)", "normal(2.385,1.7,0,5.5)");
}
Test(spec_parse, accepts_normal_truncated_below_only)
{
    S_canon("normal(1.2,2.385,0)", "normal(1.2,2.385,0,inf)");
}
Test(spec_parse, accepts_infinite_truncation_bounds)
{
    S_canon("normal(4.75,1.385,-inf,5.5)", "normal(4.75,1.385,-inf,5.5)");
}
Test(spec_parse, accepts_lognormal)
{
    S_canon("lognormal(2.385,9.75)", "lognormal(2.385,9.75)");
}
Test(spec_parse, accepts_discrete)
{
    S_canon("discrete(1.5:0.2, 2.385 : 0.45; 7.25:0.35)", "discrete(1.5:0.2,2.385:0.45,7.25:0.35)");
}
Test(spec_parse, accepts_discrete_probabilities_that_sum_to_one_within_rounding)
{
    S_parse_ok("discrete(1:0.1,2:0.2,3:0.7000000001)");
}
Test(spec_parse, accepts_bernoulli)
{
    S_canon("bernoulli(0.2385)", "bernoulli(0.2385)");
}
Test(spec_parse, accepts_sixteen_discrete_values)
{
    S_parse_ok("discrete(1:0.0625,2:0.0625,3:0.0625,4:0.0625,5:0.0625,6:0.0625,7:0.0625,8:0.0625,"
               "9:0.0625,10:0.0625,11:0.0625,12:0.0625,13:0.0625,14:0.0625,15:0.0625,16:0.0625)");
}
Test(spec_parse, accepts_a_tiny_number_that_underflows_to_zero)
{
    S_canon("1e-400", "0");
}

/* ------------------------------------------------------ parser: rejects */

static void S_rejects(const char *text, int col, const char *message)
{
    spec s;
    int c = -1;
    char msg[512] = "";
    int rc = spec_parse(text, &s, &c, msg, sizeof msg);
    cr_assert_eq(rc, -1, "spec_parse(\"%s\") accepted it", text);
    cr_expect_str_eq(msg, message, "spec_parse(\"%s\"): message", text);
    cr_expect_eq(c, col, "spec_parse(\"%s\"): column %d, expected %d (%s)", text, c, col, msg);
}

#define REJECTS(name, text, col, message)                                                          \
    Test(spec_parse, name)                                                                         \
    {                                                                                              \
        S_rejects(text, col, message);                                                             \
    }

REJECTS(rejects_an_empty_cell, "", 0, "expected a number or a distribution, got nothing")
REJECTS(rejects_a_cell_of_spaces, "   ", 0, "expected a number or a distribution, got nothing")
REJECTS(rejects_an_unknown_distribution, "gauss(1,2)", 0,
        "unknown distribution 'gauss': expected a number or one of uniform, tri, pert, normal, "
        "lognormal, discrete, bernoulli")
REJECTS(rejects_a_capitalised_distribution_and_suggests_the_name, "Uniform(1,2)", 0,
        "unknown distribution 'Uniform' (did you mean 'uniform'?): expected a number or one of "
        "uniform, tri, pert, normal, lognormal, discrete, bernoulli")
REJECTS(rejects_a_word, "lots", 0,
        "expected a number or a distribution such as uniform(a,b), got 'lots'")
REJECTS(rejects_a_name_without_parentheses, "uniform", 7,
        "expected '(' after 'uniform' as in uniform(a,b), got the end of the text")
REJECTS(rejects_a_name_followed_by_a_number, "tri 1", 4,
        "expected '(' after 'tri' as in tri(min,mode,max), got '1'")
REJECTS(rejects_a_missing_closing_parenthesis, "normal(1,2", 10,
        "expected ')' to close normal(mu,sd[,lo,hi]), got the end of the text")
REJECTS(rejects_a_missing_closing_parenthesis_after_spaces, "tri(1, 2, 3", 11,
        "expected ')' to close tri(min,mode,max), got the end of the text")
REJECTS(rejects_too_few_arguments, "tri(1,2)", 7, "tri(min,mode,max) takes 3 arguments, got 2")
REJECTS(rejects_too_few_arguments_for_pert, "pert(1,2)", 8,
        "pert(min,mode,max[,lambda]) takes at least 3 arguments, got 2")
REJECTS(rejects_no_arguments, "uniform()", 8, "uniform(a,b) takes 2 arguments, got 0")
REJECTS(rejects_too_many_arguments, "uniform(1,2,3)", 12,
        "uniform(a,b) takes at most 2 arguments, got 3")
REJECTS(rejects_far_too_many_arguments_and_counts_them, "uniform(1,2,3,4,5)", 12,
        "uniform(a,b) takes at most 2 arguments, got 5")
REJECTS(rejects_seventeen_discrete_values,
        "discrete(1:0.5,2:0.5,3:0,4:0,5:0,6:0,7:0,8:0,9:0,10:0,"
        "11:0,12:0,13:0,14:0,15:0,16:0,17:0)",
        84, "discrete(v1:p1,v2:p2,...) takes at most 16 arguments, got 17")
REJECTS(rejects_an_empty_argument, "uniform(1,,2)", 10, "expected a number, got ','")
REJECTS(rejects_a_missing_separator, "uniform(1 2)", 10,
        "expected ',' or ')' in uniform(a,b), got '2'")
REJECTS(rejects_uniform_with_a_above_b, "uniform(7.91,2.385)", 8,
        "uniform(a,b) needs a < b, got a = 7.91 > b = 2.385")
REJECTS(rejects_a_zero_width_uniform, "uniform(2.385,2.385)", 8,
        "uniform(a,b) needs a < b, got a = b = 2.385 (for a fixed value write the number itself)")
REJECTS(rejects_a_zero_width_triangle, "tri(4.5,4.5,4.5)", 4,
        "tri(min,mode,max) needs min < max, got min = max = 4.5 (for a fixed value write the "
        "number itself)")
REJECTS(rejects_pert_with_min_above_mode, "pert(300,250,400)", 9,
        "pert(min,mode,max[,lambda]) needs min <= mode <= max, got 300, 250, 400")
REJECTS(rejects_tri_with_mode_above_max, "tri(1,5.5,3)", 6,
        "tri(min,mode,max) needs min <= mode <= max, got 1, 5.5, 3")
REJECTS(rejects_tri_with_min_above_max, "tri(5,3,1)", 4,
        "tri(min,mode,max) needs min <= mode <= max, got 5, 3, 1")
REJECTS(rejects_pert_with_a_zero_lambda, "pert(1,2,3,0)", 11,
        "pert(min,mode,max[,lambda]) needs lambda > 0, got 0")
REJECTS(rejects_a_zero_sd, "normal(300,0)", 11, "normal(mu,sd[,lo,hi]) needs sd > 0, got 0")
REJECTS(rejects_a_negative_sd, "normal(300,-2.5)", 11,
        "normal(mu,sd[,lo,hi]) needs sd > 0, got -2.5")
REJECTS(rejects_truncation_bounds_in_the_wrong_order, "normal(0,1,5,4)", 11,
        "normal(mu,sd[,lo,hi]) needs lo < hi, got lo = 5, hi = 4")
REJECTS(rejects_truncation_with_no_probability_left, "normal(0,1,50,60)", 11,
        "normal(mu,sd[,lo,hi]) needs lo and hi around the bulk of the distribution, got [50, 60], "
        "which holds less than one in a million draws")
REJECTS(rejects_an_infinite_mean, "normal(inf,2)", 7, "expected a finite number, got 'inf'")
REJECTS(rejects_lognormal_with_p95_below_the_median, "lognormal(100,50)", 14,
        "lognormal(median,p95) needs p95 > median, got p95 = 50 <= median = 100")
REJECTS(rejects_lognormal_with_a_zero_median, "lognormal(0,5)", 10,
        "lognormal(median,p95) needs median > 0, got 0")
REJECTS(rejects_bernoulli_above_one, "bernoulli(1.5)", 10,
        "bernoulli(p) needs 0 <= p <= 1, got 1.5")
REJECTS(rejects_discrete_probabilities_summing_above_one, "discrete(1:0.5,2:0.6)", 9,
        "discrete(v1:p1,v2:p2,...) needs probabilities summing to 1, got a sum of 1.1")
REJECTS(rejects_discrete_probabilities_summing_below_one, "discrete(0.1:0.5, 0.2:0.4)", 9,
        "discrete(v1:p1,v2:p2,...) needs probabilities summing to 1, got a sum of 0.9")
REJECTS(rejects_a_negative_discrete_probability, "discrete(1:-0.5,2:1.5)", 11,
        "discrete(v1:p1,v2:p2,...) needs each probability in [0,1], got -0.5")
REJECTS(rejects_a_discrete_value_without_probability, "discrete(1)", 10,
        "expected ':' between value and probability in discrete(v1:p1,v2:p2,...), got ')'")
REJECTS(rejects_nan, "nan", 0, "expected a finite number, got 'nan'")
REJECTS(rejects_capitalised_nan, "NaN", 0, "expected a finite number, got 'NaN'")
REJECTS(rejects_nan_inside_a_distribution, "uniform(nan,1)", 8,
        "expected a finite number, got 'nan'")
REJECTS(rejects_inf, "inf", 0, "expected a finite number, got 'inf'")
REJECTS(rejects_minus_infinity, "-inf", 0, "expected a finite number, got '-inf'")
REJECTS(rejects_infinity_spelled_out, "infinity", 0, "expected a finite number, got 'infinity'")
REJECTS(rejects_1e400, "1e400", 0, "expected a number of at most about 1.8e308, got '1e400'")
REJECTS(rejects_minus_1e400, "-1e400", 0,
        "expected a number of at most about 1.8e308, got '-1e400'")
REJECTS(rejects_1e400_inside_a_distribution, "uniform(1e400,2)", 8,
        "expected a number of at most about 1.8e308, got '1e400'")
REJECTS(rejects_a_hexadecimal_number, "0x10", 0, "expected a decimal number, got '0x10'")
REJECTS(rejects_a_number_with_a_unit, "12 CNY", 3,
        "expected a number, got '12 CNY' (a unit goes in the unit column, or after a space with "
        "--set)")
REJECTS(rejects_letters_glued_to_a_number, "12abc", 2,
        "expected a number, got '12abc' (a unit goes in the unit column, or after a space with "
        "--set)")
REJECTS(rejects_a_decimal_comma, "1,5", 1,
        "expected a number, got '1,5' (write decimals with '.' and no thousands separators)")
REJECTS(rejects_trailing_junk_after_a_distribution, "uniform(1,2) x", 13,
        "expected nothing after uniform(a,b), got 'x'")
REJECTS(rejects_a_second_parenthesis, "uniform(1,2)(", 12,
        "expected nothing after uniform(a,b), got '('")
