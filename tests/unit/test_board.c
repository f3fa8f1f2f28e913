/* test_board.c — what a board reads: probabilities with their Monte Carlo bound
 * (sim/report/pbound.c), option labels and their fallback (sim/report/labels.c), and the
 * report's first part: labels, never option ids, in its visible text; the overrides, the
 * source and the calibration caveat. Helpers come from test_plot.c. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvtable.h"
#include "report/labels.h"
#include "report/pbound.h"
#include "report/report.h"
#include "tplot.h"

static void S_pb(double p, double n, const char *want)
{
    char b[64];
    pbound_format(b, sizeof b, p, n);
    cr_assert_str_eq(b, want, "p = %.17g, N = %g", p, n);
}

Test(pbound, all_of_n_is_the_one_sided_95_lower_bound)
{
    /* x = N: the Clopper-Pearson one-sided bound solves p^N = 0.05 */
    S_pb(1, 1000, "\xE2\x89\xA5 99.7 %");
    S_pb(1, 300, "\xE2\x89\xA5 99.0 %");
    S_pb(1, 20, "\xE2\x89\xA5 86.0 %"); /* 0.05^(1/20) = 0.8609 */
    for (double n = 1; n <= 5000; n *= 3.7) {
        double lb = pbound_lower_all(n);
        cr_assert_float_eq(pow(lb, n), 0.05, 1e-12, "N = %g", n);
    }
    /* an estimate that rounds to N of N is all of them */
    S_pb(0.9996, 1000, "\xE2\x89\xA5 99.7 %");
}

Test(pbound, none_of_n_is_the_upper_bound_rounded_up)
{
    S_pb(0, 1000, "\xE2\x89\xA4 0.3 %");
    S_pb(0, 300, "\xE2\x89\xA4 1.0 %");
}

Test(pbound, estimates_between_are_never_written_0_or_100)
{
    S_pb(0.55, 300, "55 %");
    S_pb(999.0 / 1000, 1000, "99.9 %");
    S_pb(1.0 / 1000, 1000, "0.1 %");
    S_pb(19999.0 / 20000, 20000, "99.9 %");
    S_pb(1.0 / 20000, 20000, "0.1 %");
    S_pb(0.5, 0, "50 %");
    S_pb(1, 0, "100 % (N unknown)");
    S_pb(NAN, 100, "\xE2\x80\x94");
}

static void S_lab(const char *id, const char *label, const char *want)
{
    char b[64];
    labels_option(b, sizeof b, id, label);
    cr_assert_str_eq(b, want, "id '%s', label '%s'", id, label ? label : "(null)");
}

Test(labels, a_given_label_is_used_and_made_safe)
{
    S_lab("self_hosted", "Self-hosted (own servers)", "Self-hosted (own servers)");
    S_lab("saas", "  SaaS plan\t ", "SaaS plan");
    S_lab("x", "the \"cloud\"", "the 'cloud'");
    S_lab("x", "a\nb", "a b");
}

Test(labels, without_a_label_the_id_is_made_readable)
{
    S_lab("self_hosted", NULL, "Self hosted");
    S_lab("cloud_hosted", "", "Cloud hosted");
    S_lab("payg", " \t", "Payg");
    S_lab("opt_2", NULL, "Opt 2");
    char b[6];
    labels_option(b, sizeof b, "self_hosted", NULL);
    cr_assert_str_eq(b, "Self ");
}

static void S_done(char *html, char *dir)
{
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

/* The report of a copy of the real folder; EDIT (may be NULL) changes the copy first. */
static char *S_report(char **dir, void (*edit)(const char *dir))
{
    *dir = tplot_outdir_copy();
    if (edit) edit(*dir);
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(*dir, 0, &e), HS_OK, "%s", e.msg);
    char *p = tplot_path(*dir, "report.html");
    char *html = tplot_slurp(p, NULL);
    free(p);
    cr_assert_not_null(html);
    return html;
}

/* The text a reader sees: no tags, no attributes, no style, no <code> (what a reader types). */
static char *S_visible(const char *html)
{
    char *out = malloc(strlen(html) + 1), *o = out;
    const char *p = strstr(html, "</style>");
    p = p ? p + 8 : html;
    while (*p) {
        if (strncmp(p, "<code>", 6) == 0) {
            const char *end = strstr(p, "</code>");
            p = end ? end + 7 : p + strlen(p);
        } else if (*p == '<') {
            const char *end = strchr(p, '>');
            p = end ? end + 1 : p + strlen(p);
            *o++ = ' ';
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

static int S_has_word(const char *text, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = text; (p = strstr(p, w)); p += n) {
        char before = p == text ? ' ' : p[-1], after = p[n];
        int wb = !(before == '_' || (before >= 'a' && before <= 'z') || before == '.'),
            wa = !(after == '_' || (after >= 'a' && after <= 'z') || after == '.');
        if (wb && wa) return 1;
    }
    return 0;
}

Test(board, visible_text_shows_labels_never_option_ids)
{
    char *dir, *html = S_report(&dir, NULL);
    char *text = S_visible(html);
    char *op = tplot_path(tplot_outdir(), "options.csv");
    hs_error e;
    csvtable *opts = csvtable_load(op, &e);
    cr_assert_not_null(opts, "%s", e.msg);
    for (size_t i = 0; i < csvtable_rows(opts); i++) {
        const char *id = csvtable_getn(opts, i, "option");
        char lab[256];
        labels_option(lab, sizeof lab, id, csvtable_getn(opts, i, "label"));
        cr_assert(!S_has_word(text, id), "option id '%s' in the visible text", id);
        cr_assert_not_null(strstr(text, lab), "label '%s' missing", lab);
    }
    csvtable_free(opts);
    free(op);
    free(text);
    S_done(html, dir);
}

static void S_labelled(const char *dir)
{
    char *p = tplot_path(dir, "options.csv");
    tplot_write(p, "option,index,label\nself_hosted,0,Own servers\ncloud_hosted,1,Cloud "
                   "servers\nsaas,2,\"SaaS plan, \"\"Pro\"\"\"\npayg,3,Pay per message\n");
    free(p);
}

Test(board, labels_of_options_csv_are_used_in_the_report)
{
    char *dir, *html = S_report(&dir, S_labelled);
    cr_assert_not_null(strstr(html, "Own servers"));
    cr_assert_not_null(strstr(html, "Pay per message"));
    cr_assert_not_null(strstr(html, "SaaS plan, &#39;Pro&#39;"),
                       "a label's quotes are made single");
    cr_assert_null(strstr(html, "Self hosted"), "no fallback where a label is given");
    S_done(html, dir);
}

Test(board, executive_part_has_question_answer_overrides_source_and_caveat)
{
    char *dir, *html = S_report(&dir, NULL);
    const char *ex = strstr(html, "<div id=\"executive\">"),
               *ap = strstr(html, "<div id=\"appendix\">");
    cr_assert(ex && ap && ex < ap, "the executive part comes before the appendix");
    const char *need[] = {"id=\"headline\"",
                          "id=\"summary-table\"",
                          "id=\"overrides\"",
                          "id=\"source-study\"",
                          "href=\"../docs/sources.md\"",
                          "id=\"caveat\"",
                          "href=\"../docs/calibration.md\"",
                          "id=\"prob-rule\"",
                          "id=\"chart-tco_cdf\""};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        const char *at = strstr(html, need[i]);
        cr_assert(at && at > ex && at < ap, "%s not in the executive part", need[i]);
    }
    cr_assert_not_null(strstr(html, "id=\"no-overrides\""), "the default run has no override");
    /* the assumptions are grouped and name the study, not its file */
    const char *tab = strstr(html, "id=\"assumptions-table\"");
    cr_assert(tab && tab > ap);
    cr_assert_not_null(strstr(tab, "<tr class=\"group\">"));
    cr_assert_null(strstr(html, "FIGURES.md"), "the study is named, not its file");
    S_done(html, dir);
}

static void S_overridden(const char *dir)
{
    char *p = tplot_path(dir, "manifest.csv");
    char *m = tplot_slurp(p, NULL);
    char *at = strstr(m, "overrides,");
    cr_assert_not_null(at);
    size_t head = (size_t)(at - m) + 10;
    char *out = malloc(strlen(m) + 200);
    snprintf(out, strlen(m) + 200, "%.*s\"self_hosted.salary=200000;global.volume_month=90000\"%s",
             (int)head, m, m + head);
    tplot_write(p, out);
    free(out);
    free(m);
    free(p);
}

Test(board, every_override_of_the_run_is_listed_first)
{
    char *dir, *html = S_report(&dir, S_overridden);
    const char *list = strstr(html, "id=\"override-list\"");
    cr_assert_not_null(list);
    cr_assert(list < strstr(html, "<div id=\"appendix\">"));
    cr_assert_not_null(strstr(list, "<li><code>self_hosted.salary=200000</code></li>"));
    cr_assert_not_null(strstr(list, "<li><code>global.volume_month=90000</code></li>"));
    S_done(html, dir);
}

Test(board, no_headline_probability_reads_100_or_0_percent)
{
    char *dir, *html = S_report(&dir, NULL);
    const char *ap = strstr(html, "<div id=\"appendix\">");
    char *head = strndup(html, (size_t)(ap - html));
    cr_assert_null(strstr(head, " 100 %"), "a probability of 100 %% in the executive part");
    cr_assert_null(strstr(head, "= 0 %"), "a probability of 0 %% in the executive part");
    free(head);
    S_done(html, dir);
}
