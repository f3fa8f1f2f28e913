/* report_time.c — the report's "Over time" section (see report_time.h). */
#include "report_time.h"

#include <stdlib.h>
#include <string.h>

#include "base/csvtable.h"
#include "base/hs_fmt.h"
#include "base/hs_path.h"
#include "labels.h"

/* The table of NAME in OUTDIR, or NULL when it is missing or malformed. */
static csvtable *S_load(const char *outdir, const char *name)
{
    char *path = hs_path_join(outdir, name);
    if (!path) return NULL;
    hs_error e;
    csvtable *t = csvtable_load(path, &e);
    free(path);
    return t;
}

/* Names go into the HTML as they are only when they are option names ([a-z][a-z0-9_]*). */
static int S_safe(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z')) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
    return 1;
}

/* Writes the label of result ID of OUTDIR (labels.h: an option's or a strategy's), HTML-escaped. */
static void S_label(FILE *f, const char *outdir, const char *id)
{
    char b[512];
    for (const char *p = labels_lookup(b, sizeof b, outdir, id); *p; p++)
        if (*p == '<')
            fputs("&lt;", f);
        else if (*p == '>')
            fputs("&gt;", f);
        else if (*p == '&')
            fputs("&amp;", f);
        else
            fputc(*p, f);
}

static void S_years_table(FILE *f, const csvtable *t, const char *outdir)
{
    const int co = csvtable_col(t, "option"), cy = csvtable_col(t, "year"),
              cm = csvtable_col(t, "metric"), cv = csvtable_col(t, "mean");
    if (co < 0 || cy < 0 || cm < 0 || cv < 0) return;
    int years = 0;
    double v;
    for (size_t r = 0; r < csvtable_rows(t); r++)
        if (csvtable_num(t, r, cy, &v) && v > years && v <= 50) years = (int)v;
    if (!years) return;
    fputs("<table>\n<tr><th>option or strategy</th>", f);
    for (int y = 1; y <= years; y++)
        fprintf(f, "<th>year %d</th>", y);
    fputs("</tr>\n", f);
    const char *last = "";
    for (size_t r = 0; r < csvtable_rows(t); r++) {
        const char *o = csvtable_get(t, r, co);
        if (strcmp(csvtable_get(t, r, cm), "tco") != 0 || !S_safe(o) || strcmp(o, last) == 0)
            continue;
        last = o;
        fputs("<tr><td>", f);
        S_label(f, outdir, o);
        fputs("</td>", f);
        for (int y = 1; y <= years; y++) {
            long k = -1;
            char b[32] = "";
            for (size_t q = 0; q < csvtable_rows(t) && k < 0; q++)
                if (strcmp(csvtable_get(t, q, co), o) == 0 &&
                    strcmp(csvtable_get(t, q, cm), "tco") == 0 && csvtable_num(t, q, cy, &v) &&
                    (int)v == y)
                    k = (long)q;
            if (k >= 0 && csvtable_num(t, (size_t)k, cv, &v)) hs_fmt_thousands(b, sizeof b, v, 0);
            fprintf(f, "<td class=\"num\">%s</td>", b);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void S_breakeven_table(FILE *f, const csvtable *t, const char *outdir)
{
    const char *cols[] = {"option_a", "option_b", "metric", "p_never", "p50", "mean_if_any"};
    int c[6];
    for (int k = 0; k < 6; k++)
        if ((c[k] = csvtable_col(t, cols[k])) < 0) return;
    int rows = 0;
    for (size_t r = 0; r < csvtable_rows(t); r++) {
        double pn, mean;
        const char *a = csvtable_get(t, r, c[0]), *b = csvtable_get(t, r, c[1]);
        if (strcmp(csvtable_get(t, r, c[2]), "tco") != 0 || !S_safe(a) || !S_safe(b)) continue;
        /* the pairs that break even in some trajectories but not from the first month */
        if (!csvtable_num(t, r, c[3], &pn) || pn >= 1 || !csvtable_num(t, r, c[5], &mean) ||
            (pn == 0 && mean == 1))
            continue;
        if (!rows++)
            fputs("<table>\n<tr><th>A</th><th>B</th><th>P(A never breaks even)</th>"
                  "<th>median month</th><th>mean month, when it does</th></tr>\n",
                  f);
        double med;
        char m[32] = "never";
        if (csvtable_num(t, r, c[4], &med)) snprintf(m, sizeof m, "%.0f", med);
        fputs("<tr><td>", f);
        S_label(f, outdir, a);
        fputs("</td><td>", f);
        S_label(f, outdir, b);
        fprintf(f,
                "</td><td class=\"num\">%.3f</td><td class=\"num\">%s</td><td "
                "class=\"num\">%.1f</td></tr>\n",
                pn, m, mean);
    }
    if (rows)
        fputs("</table>\n", f);
    else
        fputs("<p class=\"note\">No pair of options changes places on cumulative cost: each "
              "pair is either cheaper from the first month or never.</p>\n",
              f);
}

/* A paragraph, then the table of file NAME drawn by fn, or a note when it cannot be read. */
static void S_part(FILE *f, const char *outdir, const char *name, const char *intro,
                   void (*fn)(FILE *, const csvtable *, const char *))
{
    csvtable *t = S_load(outdir, name);
    fprintf(f, "<p>%s (%s).</p>\n", intro, name);
    if (t)
        fn(f, t, outdir);
    else
        fprintf(f, "<p class=\"note\">No readable %s in this folder.</p>\n", name);
    csvtable_free(t);
}

void report_time_section(FILE *f, const char *outdir)
{
    S_part(f, outdir, "yearly.csv",
           "Mean cost of each year of the horizon, per option, in CNY, nominal; the file holds "
           "every metric's distribution per year",
           S_years_table);
    S_part(f, outdir, "breakeven.csv",
           "Break-even month of A against B, trajectory by trajectory: the first month from "
           "which A's cumulative cost stays at or below B's to the horizon",
           S_breakeven_table);
}
