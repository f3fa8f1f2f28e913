/* test_report.c — the one-file report (sim/report/report.c) over a temporary copy of
 * tests/data/fixture_out. Run from the repository root. Helpers come from test_plot.c. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvtable.h"
#include "report/plot.h"
#include "report/report.h"

#define FIXTURE "tests/data/fixture_out"

/* defined in test_plot.c */
char *tplot_slurp(const char *path, size_t *len);
char *tplot_tmpdir(void);
void tplot_copy_dir(const char *from, const char *to);
void tplot_rmtree(const char *path);
void tplot_use_repo_scripts(void);
void tplot_write(const char *path, const char *text);
char *tplot_path(const char *dir, const char *name);

static size_t S_count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Copies the fixture to a temporary folder, writes the report, returns the HTML. */
static char *S_render(char **dir, hs_status expect)
{
    tplot_use_repo_scripts();
    *dir = tplot_tmpdir();
    tplot_copy_dir(FIXTURE, *dir);
    hs_error e;
    hs_error_clear(&e);
    hs_status st = report_write(*dir, 0, &e);
    cr_assert_eq(st, expect, "report_write: %d %s", st, e.msg);
    char *p = tplot_path(*dir, "report.html");
    char *html = tplot_slurp(p, NULL);
    free(p);
    return html;
}

static csvtable *S_fixture(const char *name)
{
    char *p = tplot_path(FIXTURE, name);
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    free(p);
    return t;
}

Test(report, renders_the_fixture_into_one_self_contained_page)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    cr_assert_not_null(html, "no report.html");
    cr_assert_eq(strncmp(html, "<!DOCTYPE html>", 15), 0);
    cr_assert_not_null(strstr(html, "<title>hostsim report \xE2\x80\x94 default</title>"));
    cr_assert_not_null(strstr(html, "<h1>Which hosting option costs least over 5 years"));
    cr_assert_not_null(strstr(html, "</html>\n"));

    /* nothing from the network, nothing active */
    cr_assert_null(strstr(html, "http://"), "an http:// reference");
    cr_assert_null(strstr(html, "https://"), "an https:// reference");
    cr_assert_null(strstr(html, "<script"));
    cr_assert_null(strstr(html, " src="));
    cr_assert_null(strstr(html, "<link"));
    cr_assert_null(strstr(html, "<?xml"), "SVG prologs are stripped");
    cr_assert_not_null(strstr(html, "@media print"));

    /* a summary row per option */
    csvtable *opts = S_fixture("options.csv");
    cr_assert_eq(S_count(html, "<tr data-option="), csvtable_rows(opts));
    for (size_t i = 0; i < csvtable_rows(opts); i++) {
        char row[128];
        snprintf(row, sizeof row, "<tr data-option=\"%s\"", csvtable_getn(opts, i, "option"));
        cr_assert_eq(S_count(html, row), 1u, "%s", row);
    }

    /* every chart inlined, once */
    cr_assert_eq(S_count(html, "<svg "), plot_chart_count());
    cr_assert_eq(S_count(html, "</svg>"), plot_chart_count());
    for (size_t i = 0; i < plot_chart_count(); i++) {
        char fig[128];
        snprintf(fig, sizeof fig, "<figure id=\"chart-%s\">\n<svg ", plot_chart_get(i)->name);
        cr_assert_not_null(strstr(html, fig), "chart %s not inlined", plot_chart_get(i)->name);
    }

    /* the assumptions, with their sources, escaped */
    csvtable *params = S_fixture("params.csv");
    cr_assert_eq(S_count(html, "<tr data-param="), csvtable_rows(params));
    cr_assert_not_null(strstr(html, "study: 99.5 % &lt;guaranteed&gt;"));
    cr_assert_null(strstr(html, "<guaranteed>"));
    cr_assert_not_null(strstr(html, "RPO &lt; 5 min &amp; 3-2-1 copies"));

    /* the manifest, the sensitivity tables */
    csvtable *man = S_fixture("manifest.csv");
    cr_assert_eq(S_count(html, "<tr data-row="), csvtable_rows(man));
    cr_assert_not_null(strstr(html, "id=\"tornado-table\""));
    cr_assert_not_null(strstr(html, "id=\"crossover-table\""));
    cr_assert_not_null(strstr(html, "none in the swept range"));

    csvtable_free(opts);
    csvtable_free(params);
    csvtable_free(man);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, headline_names_the_cheapest_and_the_most_available_option)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    cr_assert_not_null(html);
    /* expected answer, from the fixture's own files */
    csvtable *s = S_fixture("summary.csv");
    csvtable *c = S_fixture("compare.csv");
    const char *cheapest = NULL, *avail = NULL;
    double best = 0, bestav = 0, v;
    for (size_t r = 0; r < csvtable_rows(s); r++) {
        const char *m = csvtable_getn(s, r, "metric");
        if (!strcmp(m, "tco") && csvtable_numn(s, r, "p50", &v) && (!cheapest || v < best))
            cheapest = csvtable_getn(s, r, "option"), best = v;
        if (!strcmp(m, "availability") && csvtable_numn(s, r, "mean", &v) && (!avail || v > bestav))
            avail = csvtable_getn(s, r, "option"), bestav = v;
    }
    double pmin = 2;
    for (size_t r = 0; r < csvtable_rows(c); r++)
        if (!strcmp(csvtable_getn(c, r, "option_a"), cheapest) &&
            csvtable_numn(c, r, "p_a_cheaper", &v) && v < pmin)
            pmin = v;
    char want[256];
    snprintf(want, sizeof want,
             "<b>%s</b> is the cheapest option by median total cost: ", cheapest);
    cr_assert_not_null(strstr(html, want), "%s", want);
    snprintf(want, sizeof want, "in at least <b>%.0f %%</b> of trajectories", 100 * pmin);
    cr_assert_not_null(strstr(html, want), "%s", want);
    snprintf(want, sizeof want, "The most available option is <b>%s</b>", avail);
    cr_assert_not_null(strstr(html, want), "%s", want);
    snprintf(want, sizeof want, "<tr data-option=\"%s\" class=\"best\">", cheapest);
    cr_assert_not_null(strstr(html, want), "%s", want);
    csvtable_free(s);
    csvtable_free(c);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, text_from_the_csv_files_is_escaped_in_tables_and_charts)
{
    tplot_use_repo_scripts();
    char *dir = tplot_tmpdir();
    tplot_copy_dir(FIXTURE, dir);
    char *p = tplot_path(dir, "manifest.csv");
    tplot_write(p, "key,value\nversion,0.1.0\nscenario,\"a<b>&'c' \"\"d\"\"\"\nseed,42\n"
                   "trajectories,2000\nyears,5\n");
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    cr_assert_null(strstr(html, "a<b>"), "raw text from a CSV in the page");
    cr_assert_not_null(strstr(html, "a&lt;b&gt;&amp;&#39;c&#39; &quot;d&quot;"));
    cr_assert_eq(S_count(html, "<svg "), plot_chart_count(), "the footer did not break a chart");
    free(html);
    free(hp);
    free(p);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, tornado_table_takes_its_unit_from_tornado_csv)
{
    tplot_use_repo_scripts();
    char *dir = tplot_tmpdir();
    tplot_copy_dir(FIXTURE, dir);
    /* a metric label that is no metric name of summary.csv, and a unit that is not CNY */
    char *p = tplot_path(dir, "tornado.csv");
    tplot_write(p, "input,metric,unit,p10_value,p90_value,metric_at_p10,metric_at_p90,base,swing\n"
                   "saas.repair_hours,downtime_hours(saas),hours,1.2,2.8,4.5,10.5,7.5,6\n"
                   "saas.outage_rate,downtime_hours(saas),hours,0.35,0.75,3.75,7.75,7.5,4\n");
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    const char *table = strstr(html, "id=\"tornado-table\"");
    cr_assert_not_null(table);
    cr_assert_not_null(strstr(table, "<td class=\"num\">10.5 h</td>"), "the cells in hours");
    cr_assert_not_null(strstr(table, "<td class=\"num\">6.0 h</td>"));
    free(html);
    free(hp);
    free(p);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, optional_files_missing_leave_their_sections_out)
{
    tplot_use_repo_scripts();
    char *dir = tplot_tmpdir();
    tplot_copy_dir(FIXTURE, dir);
    const char *gone[] = {"tornado.csv",   "sobol.csv", "sweep.csv",
                          "crossover.csv", "grid.csv",  "params.csv"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        char *p = tplot_path(dir, gone[i]);
        unlink(p);
        free(p);
    }
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    cr_assert_null(strstr(html, "id=\"sensitivity\""));
    cr_assert_null(strstr(html, "tornado-table"));
    cr_assert_not_null(strstr(html, "params.csv is missing"));
    cr_assert_eq(S_count(html, "<svg "), plot_chart_count() - 4);
    free(html);
    free(hp);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, without_gnuplot_the_page_says_the_charts_were_skipped, .init = cr_redirect_stderr)
{
    char *saved_path = strdup(getenv("PATH") ? getenv("PATH") : "");
    setenv("PATH", "/nonexistent", 1);
    char *dir;
    char *html = S_render(&dir, HS_OK);
    cr_assert_not_null(html);
    cr_assert_not_null(strstr(html, "gnuplot was not found"));
    cr_assert_null(strstr(html, "<svg "));
    cr_assert_not_null(strstr(html, "id=\"summary-table\""));
    setenv("PATH", saved_path, 1);
    free(saved_path);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, pdf_without_chromium_is_an_error_naming_chromium)
{
    if (access("/usr/bin/chromium", X_OK) == 0) cr_skip_test("chromium is installed");
    char *saved_path = strdup(getenv("PATH") ? getenv("PATH") : "");
    setenv("PATH", "/nonexistent", 1);
    tplot_use_repo_scripts();
    char *dir = tplot_tmpdir();
    tplot_copy_dir(FIXTURE, dir);
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 1, &e), HS_ERR_RUNTIME);
    cr_assert_not_null(strstr(e.msg, "chromium is missing"), "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    cr_assert_neq(access(hp, F_OK), 0, "nothing is written");
    setenv("PATH", saved_path, 1);
    free(saved_path);
    free(hp);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, folder_without_summary_is_an_input_error)
{
    char *dir = tplot_tmpdir();
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_ERR_INPUT);
    cr_assert_not_null(strstr(e.msg, "no summary.csv"), "%s", e.msg);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, fresh_charts_are_not_rendered_again)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    free(html);
    char *svg = tplot_path(dir, "plots/tco_hist.svg");
    tplot_write(svg, "<svg viewBox=\"0 0 10 10\"><text>kept</text></svg>\n");
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    html = tplot_slurp(hp, NULL);
    cr_assert_not_null(strstr(html, "<text>kept</text>"), "an up-to-date chart is reused");
    /* a newer CSV file makes the charts stale */
    sleep(1);
    char *cp = tplot_path(dir, "compare.csv");
    char *data = tplot_slurp(cp, NULL);
    tplot_write(cp, data);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    free(html);
    html = tplot_slurp(hp, NULL);
    cr_assert_null(strstr(html, "<text>kept</text>"), "stale charts are rendered again");
    free(data);
    free(cp);
    free(html);
    free(hp);
    free(svg);
    tplot_rmtree(dir);
    free(dir);
}
