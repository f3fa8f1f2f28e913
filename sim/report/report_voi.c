/* report_voi.c — the value-of-information section of report.html (see report_voi.h). It reads
 * voi.csv's columns by name (docs/outputs.md), never the engine. */
#include "report_voi.h"

#include <math.h>
#include <string.h>

#include "base/hs_fmt.h"
#include "labels.h"

#define S_ROWS 10 /* inputs shown */

/* A number cell: thousands for CNY, else %.4g; an empty cell for none. */
static void S_cell(FILE *f, const csvtable *t, size_t row, const char *col, int cny)
{
    double v;
    char b[48];
    fputs("<td class=\"num\">", f);
    if (csvtable_numn(t, row, col, &v)) {
        if (cny || fabs(v) >= 1000)
            hs_fmt_thousands(b, sizeof b, v, 0);
        else
            snprintf(b, sizeof b, "%.4g", v);
        fputs(b, f);
    }
    fputs("</td>", f);
}

void report_voi_section(FILE *f, const csvtable *t, const char *outdir,
                        void (*esc)(FILE *f, const char *s))
{
    if (!t || csvtable_col(t, "evppi_cny") < 0) return;
    const int cm = csvtable_col(t, "metric");
    const long first = csvtable_find(t, 0, cm, "tco");
    if (first < 0) return;
    double evpi = 0, null = 0, se = 0, n = 0;
    csvtable_numn(t, (size_t)first, "evpi_cny", &evpi);
    csvtable_numn(t, (size_t)first, "evpi_se_cny", &se);
    csvtable_numn(t, (size_t)first, "evppi_null_cny", &null);
    csvtable_numn(t, (size_t)first, "trajectories", &n);
    char s_evpi[48], s_se[48], s_null[48];
    hs_fmt_thousands(s_evpi, sizeof s_evpi, evpi, 0);
    hs_fmt_thousands(s_se, sizeof s_se, se, 0);
    hs_fmt_thousands(s_null, sizeof s_null, null, 0);
    fputs("<section id=\"voi\">\n<h2>What is worth checking before deciding</h2>\n<p>Chosen on "
          "today's information (lowest mean cost over the horizon): <strong>",
          f);
    char lab[512];
    esc(f, labels_lookup(lab, sizeof lab, outdir, csvtable_getn(t, (size_t)first, "decision")));
    fprintf(f,
            "</strong>. Perfect information on everything uncertain would save %s CNY on "
            "average (EVPI, &plusmn; %s). Knowing one input alone is worth its EVPPI below; "
            "an EVPPI near %s CNY or less is noise of the estimate (%.0f paired trajectories). "
            "The flip point is the input's value at which another option becomes the better "
            "choice, with the probability that the truth lies beyond it.</p>\n",
            s_evpi, s_se, s_null, n);
    fputs("<table id=\"voi-table\">\n<thead><tr><th>Input</th><th>EVPPI (CNY)</th>"
          "<th>Share of EVPI</th><th>Flip point</th><th>Unit</th><th>Then best</th>"
          "<th>P(beyond)</th></tr></thead>\n<tbody>\n",
          f);
    size_t shown = 0;
    for (size_t i = (size_t)first; i < csvtable_rows(t) && shown < S_ROWS; i++) {
        if (strcmp(csvtable_get(t, i, cm), "tco") != 0) continue;
        shown++;
        const char *dec = csvtable_getn(t, i, "decision");
        const char *below = csvtable_getn(t, i, "best_below");
        const char *then = strcmp(below, dec) == 0 ? csvtable_getn(t, i, "best_above") : below;
        double share = 0, p;
        csvtable_numn(t, i, "evppi_share", &share);
        fputs("<tr><td><code>", f); /* a parameter's name, as a reader types it */
        esc(f, csvtable_getn(t, i, "input"));
        fputs("</code></td>", f);
        S_cell(f, t, i, "evppi_cny", 1);
        fprintf(f, "<td class=\"num\">%.1f %%</td>", 100 * share);
        S_cell(f, t, i, "flip_point", 0);
        fputs("<td>", f);
        esc(f, csvtable_getn(t, i, "input_unit"));
        fputs("</td><td>", f);
        esc(f, labels_lookup(lab, sizeof lab, outdir, then));
        fputs("</td><td class=\"num\">", f);
        if (csvtable_numn(t, i, "p_beyond", &p)) fprintf(f, "%.3f", p);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</section>\n", f);
}
