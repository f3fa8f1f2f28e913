/* test_report.c — the one-file report (sim/report/report.c) over a temporary copy of an output
 * folder written by the real engine (tests/report/outdir.sh; see test_plot.c). Run from the
 * repository root. Helpers come from test_plot.c. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvtable.h"
#include "report/labels.h"
#include "report/pbound.h"
#include "report/plot.h"
#include "report/report.h"
#include "tplot.h"

static size_t S_count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Copies the real output folder to a temporary one, writes the report, returns the HTML. */
static char *S_render(char **dir, hs_status expect)
{
    *dir = tplot_outdir_copy();
    hs_error e;
    hs_error_clear(&e);
    hs_status st = report_write(*dir, 0, &e);
    cr_assert_eq(st, expect, "report_write: %d %s", st, e.msg);
    char *p = tplot_path(*dir, "report.html");
    char *html = tplot_slurp(p, NULL);
    free(p);
    return html;
}

/* A file of the real output folder. */
static csvtable *S_real(const char *name)
{
    char *p = tplot_path(tplot_outdir(), name);
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    free(p);
    return t;
}

/* Whether ID is an option of the real folder (options.csv), not a strategy. */
static int S_is_option(const char *id)
{
    csvtable *t = S_real("options.csv");
    int found = 0;
    for (size_t r = 0; r < csvtable_rows(t); r++)
        found |= !strcmp(csvtable_getn(t, r, "option"), id);
    csvtable_free(t);
    return found;
}

/* The label the report shows for option ID: the real folder's options.csv label, else the
 * fallback (labels_option). */
static char *S_label(char *b, size_t n, const char *id)
{
    csvtable *o = S_real("options.csv");
    long r = csvtable_find(o, 0, csvtable_col(o, "option"), id);
    labels_option(b, n, id, r >= 0 ? csvtable_getn(o, (size_t)r, "label") : NULL);
    csvtable_free(o);
    return b;
}

Test(report, renders_a_real_output_folder_into_one_self_contained_page)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    cr_assert_not_null(html, "no report.html");
    cr_assert_eq(strncmp(html, "<!DOCTYPE html>", 15), 0);
    char want[256], *scen = tplot_manifest(dir, "scenario"), *years = tplot_manifest(dir, "years");
    snprintf(want, sizeof want, "<title>hostsim report \xE2\x80\x94 %s</title>", scen);
    cr_assert_not_null(strstr(html, want), "%s", want);
    snprintf(want, sizeof want, "<h1>Which hosting option costs least over %s years", years);
    cr_assert_not_null(strstr(html, want), "%s", want);
    free(scen);
    free(years);
    cr_assert_not_null(strstr(html, "</html>\n"));

    /* nothing from the network, nothing active */
    cr_assert_null(strstr(html, "http://"), "an http:// reference");
    cr_assert_null(strstr(html, "https://"), "an https:// reference");
    cr_assert_null(strstr(html, "<script"));
    cr_assert_eq(S_count(html, " src="), S_count(html, " src=\"data:image/svg+xml;base64,"),
                 "the only sources are the charts, embedded");
    cr_assert_null(strstr(html, "<link"));
    cr_assert_null(strstr(html, "<svg"), "no SVG markup in the page: the charts are images");
    cr_assert_not_null(strstr(html, "@media print"));

    /* a summary row per option */
    csvtable *opts = S_real("options.csv");
    cr_assert_eq(S_count(html, "<tr data-option="), csvtable_rows(opts));
    for (size_t i = 0; i < csvtable_rows(opts); i++) {
        char row[128];
        snprintf(row, sizeof row, "<tr data-option=\"%s\"", csvtable_getn(opts, i, "option"));
        cr_assert_eq(S_count(html, row), 1u, "%s", row);
    }

    /* every chart embedded, once */
    cr_assert_eq(S_count(html, "<img "), plot_chart_count());
    for (size_t i = 0; i < plot_chart_count(); i++) {
        char fig[128];
        snprintf(fig, sizeof fig, "<figure id=\"chart-%s\">\n<img alt=", plot_chart_get(i)->name);
        cr_assert_not_null(strstr(html, fig), "chart %s not embedded", plot_chart_get(i)->name);
    }

    /* the assumptions (their escaping: text_from_the_csv_files_is_escaped_in_tables_and_charts) */
    csvtable *params = S_real("params.csv");
    cr_assert_eq(S_count(html, "<tr data-param="), csvtable_rows(params));

    /* the manifest, the sensitivity tables */
    csvtable *man = S_real("manifest.csv");
    cr_assert_eq(S_count(html, "<tr data-row="), csvtable_rows(man));
    cr_assert_not_null(strstr(html, "id=\"tornado-table\""));
    cr_assert_not_null(strstr(html, "id=\"crossover-table\""));
    cr_assert_not_null(strstr(html, "id=\"voi-table\""), "the value of information");

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
    /* expected answer, from the folder's own files */
    csvtable *s = S_real("summary.csv");
    csvtable *c = S_real("compare.csv");
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
            !strcmp(csvtable_getn(c, r, "metric"), "tco") &&
            csvtable_numn(c, r, "p_a_cheaper", &v) && v < pmin)
            pmin = v;
    char want[768], lab[256], pb[64], *n = tplot_manifest(dir, "trajectories");
    snprintf(want, sizeof want, "<b>%s</b> is the cheapest option by median total cost: ",
             S_label(lab, sizeof lab, cheapest));
    cr_assert_not_null(strstr(html, want), "%s", want);
    snprintf(want, sizeof want, ", is <b>%s</b>.</p>",
             pbound_format(pb, sizeof pb, pmin, strtod(n, NULL)));
    cr_assert_not_null(strstr(html, want), "%s", want);
    free(n);
    snprintf(want, sizeof want, "The most available option is <b>%s</b>",
             S_label(lab, sizeof lab, avail));
    cr_assert_not_null(strstr(html, want), "%s", want);
    snprintf(want, sizeof want, "<tr data-option=\"%s\" class=\"best\">", cheapest);
    cr_assert_not_null(strstr(html, want), "%s", want);
    csvtable_free(s);
    csvtable_free(c);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, net_cost_stands_beside_cost_with_its_own_answer)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    cr_assert_not_null(html);
    csvtable *s = S_real("summary.csv");
    csvtable *c = S_real("compare.csv");
    const char *best = NULL;
    double bestv = 0, v;
    for (size_t r = 0; r < csvtable_rows(s); r++)
        if (!strcmp(csvtable_getn(s, r, "metric"), "net_cost") && csvtable_numn(s, r, "p50", &v) &&
            (!best || v < bestv))
            best = csvtable_getn(s, r, "option"), bestv = v;
    cr_assert_not_null(best, "the folder has net_cost rows");
    cr_assert_not_null(strstr(html, "<th>Total cost, nominal</th><th>Net cost: cost"));
    char want[768], la[256], lb[256], pb[64], *n = tplot_manifest(dir, "trajectories");
    snprintf(want, sizeof want,
             "<b>%s</b> has the lowest median net cost: ", S_label(la, sizeof la, best));
    cr_assert_not_null(strstr(html, want), "%s", want);
    /* each pair's P(better on net) is compare.csv's net_cost row, not its tco row */
    for (size_t r = 0; r < csvtable_rows(c); r++) {
        if (strcmp(csvtable_getn(c, r, "option_a"), best) ||
            strcmp(csvtable_getn(c, r, "metric"), "net_cost") ||
            !csvtable_numn(c, r, "p_a_cheaper", &v) ||
            !S_is_option(csvtable_getn(c, r, "option_b"))) /* the options' list: no strategy */
            continue;
        pbound_format(pb, sizeof pb, v, strtod(n, NULL));
        snprintf(want, sizeof want, "<li>P(%s better than %s on net cost)%s%s", la,
                 S_label(lb, sizeof lb, csvtable_getn(c, r, "option_b")),
                 strncmp(pb, "\xE2\x89", 2) == 0 ? " " : " = ", pb);
        cr_assert_not_null(strstr(html, want), "%s", want);
    }
    free(n);
    csvtable_free(s);
    csvtable_free(c);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

/* Writes S to F as one CSV field, quoted, with its quotes doubled. */
static void S_csv_field(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Appends to DIR/params.csv a copy of its first row whose source is SOURCE. */
static void S_add_param_source(const char *dir, const char *source)
{
    char *p = tplot_path(dir, "params.csv");
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    cr_assert_gt(csvtable_rows(t), 0u);
    cr_assert_geq(csvtable_col(t, "source"), 0, "params.csv has no source column");
    FILE *f = fopen(p, "a");
    cr_assert_not_null(f);
    for (size_t c = 0; c < csvtable_cols(t); c++) {
        if (c) fputc(',', f);
        int is_source = (int)c == csvtable_col(t, "source");
        S_csv_field(f, is_source ? source : csvtable_get(t, 0, (int)c));
    }
    fputc('\n', f);
    fclose(f);
    csvtable_free(t);
    free(p);
}

Test(report, text_from_the_csv_files_is_escaped_in_tables_and_charts)
{
    char *dir = tplot_outdir_copy();
    char *p = tplot_path(dir, "manifest.csv");
    tplot_write(p, "key,value\nversion,0.1.0\nscenario,\"a<b>&'c' \"\"d\"\"\"\nseed,42\n"
                   "trajectories,2000\nyears,5\n");
    S_add_param_source(dir, "study: 99.5 % <guaranteed>");
    S_add_param_source(dir, "study: RPO < 5 min & 3-2-1 \"copies\"");
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    cr_assert_null(strstr(html, "a<b>"), "raw text from a CSV in the page");
    cr_assert_not_null(strstr(html, "a&lt;b&gt;&amp;&#39;c&#39; &quot;d&quot;"));
    cr_assert_not_null(strstr(html, "study: 99.5 % &lt;guaranteed&gt;"));
    cr_assert_null(strstr(html, "<guaranteed>"));
    cr_assert_not_null(strstr(html, "study: RPO &lt; 5 min &amp; 3-2-1 &quot;copies&quot;"));
    cr_assert_eq(S_count(html, "<img "), plot_chart_count(), "the footer did not break a chart");
    free(html);
    free(hp);
    free(p);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, tornado_table_takes_its_unit_from_tornado_csv)
{
    char *dir = tplot_outdir_copy();
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
    char *dir = tplot_outdir_copy();
    const char *gone[] = {"tornado.csv",   "sobol.csv", "sweep.csv",
                          "crossover.csv", "grid.csv",  "params.csv"};
    tplot_unlink(dir, gone, sizeof gone / sizeof gone[0]);
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    cr_assert_null(strstr(html, "id=\"sensitivity\""));
    cr_assert_null(strstr(html, "tornado-table"));
    cr_assert_not_null(strstr(html, "params.csv is missing"));
    /* tornado, drivers_by_year, sobol, sweep, grid gone; the run's charts stay, among them the
     * "Over time" section's */
    cr_assert_eq(S_count(html, "<img "), plot_chart_count() - 5);
    cr_assert_not_null(strstr(html, "id=\"over-time\""));
    cr_assert_not_null(strstr(html, "id=\"chart-cost_by_year\""));
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
    cr_assert_null(strstr(html, "<img "));
    cr_assert_not_null(strstr(html, "id=\"summary-table\""));
    setenv("PATH", saved_path, 1);
    free(saved_path);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

/* `hostsim sweep` writes a crossover row only where curves cross (none at all when no pair
 * crosses); a folder written otherwise may hold a row without a value. */
Test(report, a_crossover_without_a_value_reads_none_in_the_swept_range)
{
    char *dir = tplot_outdir_copy();
    char *p = tplot_path(dir, "crossover.csv");
    FILE *f = fopen(p, "a");
    cr_assert_not_null(f);
    fputs("global.volume_month,self_hosted,saas,median,,,\n", f);
    fclose(f);
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    cr_assert_eq(S_count(html, "none in the swept range"), 1u);
    free(html);
    free(hp);
    free(p);
    tplot_rmtree(dir);
    free(dir);
}

Test(report, pdf_without_chromium_is_an_error_naming_chromium)
{
    if (access("/usr/bin/chromium", X_OK) == 0) cr_skip_test("chromium is installed");
    char *saved_path = strdup(getenv("PATH") ? getenv("PATH") : "");
    setenv("PATH", "/nonexistent", 1);
    char *dir = tplot_outdir_copy();
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
    /* 36 bytes: base64 "PHN2ZyB2aWV3Qm94PSIwIDAgMTAgMTAiPjx0ZXh0PmtlcHQ8L3RleHQ+PC9zdmc+" */
    tplot_write(svg, "<svg viewBox=\"0 0 10 10\"><text>kept</text></svg>");
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    html = tplot_slurp(hp, NULL);
    const char *kept = "PHN2ZyB2aWV3Qm94PSIwIDAgMTAgMTAiPjx0ZXh0PmtlcHQ8L3RleHQ+PC9zdmc+";
    cr_assert_not_null(strstr(html, kept), "an up-to-date chart is reused");
    /* a newer CSV file makes the charts stale */
    sleep(1);
    char *cp = tplot_path(dir, "compare.csv");
    char *data = tplot_slurp(cp, NULL);
    tplot_write(cp, data);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    free(html);
    html = tplot_slurp(hp, NULL);
    cr_assert_null(strstr(html, kept), "stale charts are rendered again");
    free(data);
    free(cp);
    free(html);
    free(hp);
    free(svg);
    tplot_rmtree(dir);
    free(dir);
}

/* A tampered chart in plots/ (script, event handlers): the page holds it only as an image,
 * which a browser shows without running anything; none of its markup is live in the page. */
Test(report, a_tampered_chart_cannot_run_script_in_the_page)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    free(html);
    char *svg = tplot_path(dir, "plots/tco_hist.svg");
    tplot_write(svg, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "viewBox=\"0 0 10 10\" onload=\"alert(1)\"><script>alert(2)</script>"
                     "<a href=\"javascript:alert(3)\"><text>x</text></a>"
                     "<foreignObject><iframe src=\"https://example.com/\"></iframe>"
                     "</foreignObject></svg>\n");
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    cr_assert_null(strstr(html, "<script"));
    cr_assert_null(strstr(html, "onload"));
    cr_assert_null(strstr(html, "javascript:"));
    cr_assert_null(strstr(html, "<iframe"));
    cr_assert_null(strstr(html, "example.com"));
    const char *fig = strstr(html, "<figure id=\"chart-tco_hist\">\n<img alt=");
    cr_assert_not_null(fig, "the chart is embedded as an image");
    cr_assert_not_null(strstr(fig, "src=\"data:image/svg+xml;base64,PD94bWwg"));
    free(html);
    free(hp);
    free(svg);
    tplot_rmtree(dir);
    free(dir);
}

/* Results copied in beside a run's (outdir.sh assembles such a folder) are not part of the
 * set its manifest describes: the report flags each in red; the run's own carry its N, seed. */
Test(report, results_not_of_the_folder_s_set_are_flagged)
{
    char *dir;
    char *html = S_render(&dir, HS_OK);
    cr_assert_not_null(html);
    char *seed = tplot_manifest(dir, "seed"), *n = tplot_manifest(dir, "trajectories");
    char want[256];
    snprintf(want, sizeof want,
             "<p class=\"prov\" data-provenance=\"cost_breakdown\">scenario inputs/default "
             "\xC2\xB7 N = %s trajectories \xC2\xB7 seed %s",
             n, seed);
    cr_assert_not_null(strstr(html, want), "%s", want);
    const char *flags[] = {"tornado.csv", "sobol.csv", "sweep.csv", "grid.csv"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(want, sizeof want,
                 "<p class=\"note prov\" data-provenance=\"%.*s\">NOT FROM THIS RUN: %s is not "
                 "part of the set of manifest.csv (hostsim run)",
                 (int)(strlen(flags[i]) - 4), flags[i], flags[i]);
        cr_assert_not_null(strstr(html, want), "%s", want);
    }
    free(seed);
    free(n);
    free(html);
    tplot_rmtree(dir);
    free(dir);
}

/* The folder of `hostsim tornado`: the report's sensitivity section says how many runs of how
 * many trajectories, with which seed, and the summary that it is the tornado's base run. */
Test(report, an_analysis_folder_is_labelled_with_its_own_runs_and_seed)
{
    tplot_use_repo_scripts();
    char *dir = tplot_tmpdir();
    char from[512];
    snprintf(from, sizeof from, "%s.parts/tornado", tplot_outdir());
    tplot_copy_dir(from, dir);
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(report_write(dir, 0, &e), HS_OK, "%s", e.msg);
    char *hp = tplot_path(dir, "report.html");
    char *html = tplot_slurp(hp, NULL);
    cr_assert_not_null(html);
    char *runs = tplot_manifest(dir, "runs"), want[256];
    snprintf(want, sizeof want, "tornado: %s runs of 10 trajectories \xC2\xB7 seed 42", runs);
    const char *table = strstr(html, "id=\"tornado-table\"");
    cr_assert_not_null(table);
    cr_assert_not_null(strstr(table, want), "%s", want);
    cr_assert_not_null(strstr(html, "N = 10 trajectories (base run of tornado) \xC2\xB7 seed 42"));
    cr_assert_null(strstr(html, "NOT FROM THIS RUN"));
    free(runs);
    free(html);
    free(hp);
    tplot_rmtree(dir);
    free(dir);
}
