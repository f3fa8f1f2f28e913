/* report.c — writes OUTDIR/report.html from the CSV files and charts of a run (see report.h).
 *
 * The headline follows docs/charts.md: the cheapest option is the one with the lowest median
 * tco; how sure that is comes from summary.csv's p_cheapest metric when the run wrote one,
 * else from compare.csv: the smallest of its pairwise P(cheaper) against every other option
 * (an upper bound on the probability of being the cheapest of all). The most available
 * option has the highest mean availability.
 */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/csvtable.h"
#include "base/hs_file.h"
#include "base/hs_fmt.h"
#include "base/hs_path.h"
#include "base/outfile.h"
#include "labels.h"
#include "pbound.h"
#include "plot.h"
#include "report_time.h"
#include "report_voi.h"
#include "spawn.h"

typedef struct {
    const char *outdir;
    csvtable *summary, *compare, *manifest, *params, *tornado, *crossover, *sens, *voi;
    char **opt; /* options in options.csv order */
    char **lab; /* their labels (labels.h), same order */
    size_t nopt;
    double ntraj; /* the run's trajectories, behind every probability (pbound.h); 0: unknown */
    FILE *f;
    char **prov_shown; /* per chart: the provenance line already written, or NULL */
} S_rep;

/* ---------------------------------------------------------------- text */

/* Writes S HTML-escaped. */
static void S_esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

/* V formatted for its unit (from summary.csv's unit column). */
static void S_fmt_unit(char *b, size_t n, double v, const char *unit)
{
    char t[48];
    if (strcmp(unit, "CNY") == 0) {
        hs_fmt_thousands(t, sizeof t, fabs(v), 0);
        snprintf(b, n, "%s\xC2\xA5%s", v < 0 && strcmp(t, "0") != 0 ? "-" : "", t);
    } else if (strncmp(unit, "hours", 5) == 0) {
        hs_fmt_thousands(t, sizeof t, v, 1);
        snprintf(b, n, "%s h", t);
    } else if (strcmp(unit, "share") == 0) {
        snprintf(b, n, "%.3f %%", 100 * v);
    } else if (strcmp(unit, "messages") == 0) {
        hs_fmt_thousands(b, n, v, 0);
    } else if (fabs(v) >= 1000) {
        hs_fmt_thousands(b, n, v, 0);
    } else {
        snprintf(b, n, "%.4g", v);
    }
}

/* " = " before a probability's text, or " " before one that is a bound ("≥ 99.0 %"). */
static const char *S_eq(const char *text)
{
    return strncmp(text, "\xE2\x89\xA5", 3) == 0 || strncmp(text, "\xE2\x89\xA4", 3) == 0 ? " "
                                                                                          : " = ";
}

/* ---------------------------------------------------------------- data */

/* Loads OUTDIR/NAME into *t; a missing file leaves *t NULL and is not an error. */
static hs_status S_load(const char *outdir, const char *name, csvtable **t, hs_error *e)
{
    *t = NULL;
    char *path = hs_path_join(outdir, name);
    if (!path) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    hs_status st = HS_OK;
    if (access(path, F_OK) == 0 && !(*t = csvtable_load(path, e))) st = e ? e->code : HS_ERR_INPUT;
    free(path);
    return st;
}

/* summary.csv: column COL of (option, metric); 1 and *v set when it is a number. */
static int S_sum(const S_rep *r, const char *option, const char *metric, const char *col, double *v)
{
    const csvtable *t = r->summary;
    long row =
        csvtable_find2(t, csvtable_col(t, "option"), option, csvtable_col(t, "metric"), metric);
    return row >= 0 && csvtable_numn(t, (size_t)row, col, v);
}

static const char *S_unit(const S_rep *r, const char *metric)
{
    const csvtable *t = r->summary;
    long row = csvtable_find(t, 0, csvtable_col(t, "metric"), metric);
    return row >= 0 ? csvtable_getn(t, (size_t)row, "unit") : "";
}

static const char *S_manifest(const S_rep *r, const char *key)
{
    if (!r->manifest) return "";
    long row = csvtable_find(r->manifest, 0, csvtable_col(r->manifest, "key"), key);
    return row < 0 ? "" : csvtable_getn(r->manifest, (size_t)row, "value");
}

/* compare.csv: P(metric of A < metric of B); a file without a metric column (an older
 * version's) compares tco only. */
static int S_p_lower(const S_rep *r, const char *metric, const char *a, const char *b, double *p)
{
    const csvtable *t = r->compare;
    if (!t) return 0;
    const int ca = csvtable_col(t, "option_a"), cb = csvtable_col(t, "option_b"),
              cm = csvtable_col(t, "metric");
    if (ca < 0 || cb < 0 || (cm < 0 && strcmp(metric, "tco") != 0)) return 0;
    for (size_t i = 0; i < csvtable_rows(t); i++)
        if (strcmp(csvtable_get(t, i, ca), a) == 0 && strcmp(csvtable_get(t, i, cb), b) == 0 &&
            (cm < 0 || strcmp(csvtable_get(t, i, cm), metric) == 0))
            return csvtable_numn(t, i, "p_a_cheaper", p);
    return 0;
}

static int S_p_cheaper(const S_rep *r, const char *a, const char *b, double *p)
{
    return S_p_lower(r, "tco", a, b, p);
}

static long S_option_index(const S_rep *r, const char *name)
{
    for (size_t i = 0; i < r->nopt; i++)
        if (strcmp(r->opt[i], name) == 0) return (long)i;
    return -1;
}

/* ---------------------------------------------------------------- charts */

/* Newest modification time of the CSV files of OUTDIR (seconds, with nanoseconds). */
static double S_newest_csv(const char *outdir)
{
    double newest = 0;
    DIR *d = opendir(outdir);
    if (!d) return 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".csv") != 0 || de->d_name[0] == '.') continue;
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", outdir, de->d_name);
        if (stat(path, &sb) == 0) {
            double t = (double)sb.st_mtim.tv_sec + 1e-9 * (double)sb.st_mtim.tv_nsec;
            if (t > newest) newest = t;
        }
    }
    closedir(d);
    return newest;
}

static int S_chart_fresh(const char *outdir, const char *name, double newest)
{
    char path[4096];
    struct stat sb;
    snprintf(path, sizeof path, "%s/plots/%s.svg", outdir, name);
    if (stat(path, &sb) != 0) return 0;
    return (double)sb.st_mtim.tv_sec + 1e-9 * (double)sb.st_mtim.tv_nsec >= newest;
}

/* The whole of PATH, checked as every file hostsim reads (a regular file, at most 64 MiB: a
 * chart); NULL if it cannot be read. Caller frees. */
static char *S_slurp(const char *path, size_t *len)
{
    char *b = NULL;
    size_t n = 0;
    hs_error ignore;
    if (hs_file_read(path, NULL, (size_t)64 << 20, HS_ERR_RUNTIME, &b, &n, &ignore) != HS_OK)
        return NULL;
    if (len) *len = n;
    return b;
}

/* Writes N bytes of B as base64 (RFC 4648), in lines of 76 characters. */
static void S_base64(FILE *f, const unsigned char *b, size_t n)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)b[i] << 16;
        if (i + 1 < n) v |= (unsigned)b[i + 1] << 8;
        if (i + 2 < n) v |= b[i + 2];
        char q[4] = {tab[v >> 18 & 63], tab[v >> 12 & 63], i + 1 < n ? tab[v >> 6 & 63] : '=',
                     i + 2 < n ? tab[v & 63] : '='};
        fwrite(q, 1, 4, f);
        if ((i / 3 + 1) % 19 == 0 && i + 3 < n) fputc('\n', f);
    }
}

/* Embeds the chart's SVG as an image, <img src="data:image/svg+xml;base64,...">: a browser
 * runs no script and loads nothing for an SVG shown as an image, so whatever a (tampered)
 * file of plots/ holds cannot act on the reader. 0 when the file is not a chart gnuplot could
 * have written (no <svg element with a viewBox, or no closing </svg>). */
static int S_embed_svg(FILE *f, const char *path, const char *title)
{
    size_t len;
    char *s = S_slurp(path, &len);
    if (!s) return 0;
    char *open = strstr(s, "<svg");
    char *close = open ? strchr(open, '>') : NULL;
    char *vb = open ? strstr(open, "viewBox=\"") : NULL;
    if (!close || !vb || vb > close || !strstr(close, "</svg>")) {
        free(s);
        return 0;
    }
    fputs("<img alt=\"", f);
    S_esc(f, title);
    fputs("\" src=\"data:image/svg+xml;base64,", f);
    S_base64(f, (const unsigned char *)s, len);
    fputs("\">\n", f);
    free(s);
    return 1;
}

/* The provenance of chart K (plot_chart_provenance), once per distinct text: a line in grey,
 * or a warning in red when its data is not part of the folder's set. Charts of the run's own
 * files (ALWAYS 0) show it only when it differs from the summary's. */
static void S_provenance(const S_rep *r, size_t k, int always)
{
    int foreign = 0;
    hs_error e;
    char *p = plot_chart_provenance(r->outdir, k, &foreign, &e);
    const char *text = p ? p : e.msg;
    for (size_t i = 0; i < plot_chart_count(); i++)
        if (r->prov_shown[i] && strcmp(r->prov_shown[i], text) == 0 && (!always || i == k)) {
            free(p);
            return;
        }
    fprintf(r->f, "<p class=\"%s\" data-provenance=\"%s\">", foreign ? "note prov" : "prov",
            plot_chart_get(k)->name);
    S_esc(r->f, text);
    fputs("</p>\n", r->f);
    if (!r->prov_shown[k]) r->prov_shown[k] = strdup(text);
    free(p);
}

static long S_chart_index(const char *name)
{
    for (size_t k = 0; k < plot_chart_count(); k++)
        if (strcmp(plot_chart_get(k)->name, name) == 0) return (long)k;
    return -1;
}

static void S_figure(const S_rep *r, size_t k, int *shown)
{
    const plot_chart *c = plot_chart_get(k);
    char path[4096];
    snprintf(path, sizeof path, "%s/plots/%s.svg", r->outdir, c->name);
    fprintf(r->f, "<figure id=\"chart-%s\">\n", c->name);
    if (!S_embed_svg(r->f, path, c->title)) {
        fprintf(r->f, "<p class=\"missing\">Chart not available (%s.svg was not rendered).</p>\n",
                c->name);
    } else {
        (*shown)++;
    }
    fputs("<figcaption><b>", r->f);
    S_esc(r->f, c->title);
    fputs(".</b> ", r->f);
    S_esc(r->f, c->about);
    fputs("</figcaption>\n", r->f);
    S_provenance(r, k, c->section == PLOT_SECTION_SENSITIVITY);
    fputs("</figure>\n", r->f);
}

/* ---------------------------------------------------------------- sections */

static const char S_css[] =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#222;max-width:1200px;"
    "margin:0 auto;padding:24px;line-height:1.45;background:#fff}\n"
    "h1{font-size:1.7em;margin:0 0 .2em}h2{font-size:1.3em;border-bottom:2px solid #ddd;"
    "padding-bottom:.2em;margin-top:1.8em}\n"
    ".sub{color:#666;margin-top:0}.headline{font-size:1.25em;background:#f3f7fb;"
    "border-left:5px solid #0072B2;padding:.6em 1em}\n"
    "table{border-collapse:collapse;margin:.6em 0;font-size:.92em}"
    "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
    "th{background:#f2f2f2}td.num{text-align:right;white-space:nowrap}\n"
    ".range{color:#666;font-size:.88em}.swatch{display:inline-block;width:.9em;height:.9em;"
    "border-radius:2px;margin-right:.4em;vertical-align:-.1em}\n"
    "tr.best td{background:#f5fbf7}figure{margin:1.2em 0}figure img{width:100%;height:auto;"
    "display:block;border:1px solid #eee}\n.prov{color:#777;font-size:.85em;margin:.2em 0}\n"
    "figcaption{color:#444;font-size:.92em;margin-top:.3em}.missing,.note{color:#a33}\n"
    "footer{color:#888;font-size:.85em;margin-top:2em}\n"
    ".caveat{background:#fff8e6;border-left:5px solid #E69F00;padding:.5em 1em}"
    ".small{font-size:.88em;color:#555}tr.group th{background:#e8eef5;text-align:left}"
    "td.src{font-size:.85em;max-width:34em}td.drives{font-weight:bold;color:#0072B2}\n"

    "@media print{body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}"
    "figure,tr{break-inside:avoid}section{break-inside:auto}"
    "#appendix{break-before:page}#executive h2{margin-top:.8em}"
    "#assumptions-table{font-size:8pt}#assumptions-table td{padding:.15em .4em}"
    "#appendix figure{display:inline-block;width:49%;vertical-align:top;margin:.4em 0}"
    "#appendix figcaption,#appendix .prov{font-size:7.5pt}"
    "#executive figure img{max-width:none;width:82%}"
    "@page{size:A4;margin:12mm}}\n";

static void S_swatch(FILE *f, size_t i)
{
    fprintf(f, "<span class=\"swatch\" style=\"background:%s\"></span>", plot_option_color(i));
}

/* The label of option NAME, HTML-escaped (labels.h: an option the folder does not list gets the
 * readable form of its id). */
static void S_opt_text(const S_rep *r, const char *name)
{
    long i = S_option_index(r, name);
    char b[256];
    S_esc(r->f, i >= 0 ? r->lab[i] : labels_option(b, sizeof b, name, NULL));
}

static void S_option_cell(const S_rep *r, const char *name)
{
    long i = S_option_index(r, name);
    if (i >= 0) S_swatch(r->f, (size_t)i);
    S_opt_text(r, name);
}

static void S_head(const S_rep *r)
{
    FILE *f = r->f;
    const char *scen = S_manifest(r, "scenario"), *years = S_manifest(r, "years");
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>hostsim report",
          f);
    if (*scen) {
        fputs(" \xE2\x80\x94 ", f);
        S_esc(f, scen);
    }
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", S_css);
    fputs("<h1>Which hosting option costs least over ", f);
    if (*years) {
        S_esc(f, years);
        fputs(strcmp(years, "1") == 0 ? " year" : " years", f);
    } else {
        fputs("the horizon", f);
    }
    fputs(", and how much downtime comes with it?</h1>\n<p class=\"sub\">", f);
    fprintf(f, "%zu options compared (", r->nopt);
    for (size_t i = 0; i < r->nopt; i++) {
        if (i) fputs(", ", f);
        S_esc(f, r->lab[i]);
    }
    fputs(")", f);
    if (*scen) {
        fputs(" \xC2\xB7 scenario <b>", f);
        S_esc(f, scen);
        fputs("</b>", f);
    }
    const char *n = S_manifest(r, "trajectories");
    if (*n) {
        char b[64];
        hs_fmt_thousands(b, sizeof b, strtod(n, NULL), 0);
        fprintf(f, " \xC2\xB7 %s trajectories", b);
    }
    if (*S_manifest(r, "seed")) {
        fputs(" \xC2\xB7 seed ", f);
        S_esc(f, S_manifest(r, "seed"));
    }
    if (*S_manifest(r, "version")) {
        fputs(" \xC2\xB7 hostsim ", f);
        S_esc(f, S_manifest(r, "version"));
    }
    fputs("</p>\n</header>\n", f);
}

/* The answer on net cost (cost minus the value lines), when summary.csv has it. */
static void S_answer_net(const S_rep *r)
{
    FILE *f = r->f;
    char b1[96], b2[96], b3[96];
    long best = -1;
    double bestv = 0, v;
    int valued = 0;
    for (size_t i = 0; i < r->nopt; i++) {
        if (S_sum(r, r->opt[i], "net_cost", "p50", &v) && (best < 0 || v < bestv))
            best = (long)i, bestv = v;
        double mean;
        if (S_sum(r, r->opt[i], "value", "mean", &mean) && mean != 0) valued = 1;
    }
    if (best < 0) return;
    if (!valued) {
        fputs("<p id=\"net\">No option has value lines in this scenario: net cost equals "
              "cost.</p>\n",
              f);
        return;
    }
    const char *a = r->opt[best];
    const char *unit = S_unit(r, "net_cost");
    double p5 = NAN, p95 = NAN;
    S_sum(r, a, "net_cost", "p5", &p5);
    S_sum(r, a, "net_cost", "p95", &p95);
    S_fmt_unit(b1, sizeof b1, bestv, unit);
    S_fmt_unit(b2, sizeof b2, p5, unit);
    S_fmt_unit(b3, sizeof b3, p95, unit);
    fputs("<p id=\"net\">Counting the value the study attributes to each option (cost minus "
          "value, the value lines in the summary table), <b>",
          f);
    S_opt_text(r, a);
    fprintf(f, "</b> has the lowest median net cost: %s (90 %% between %s and %s).</p>\n", b1, b2,
            b3);
    int any = 0;
    for (size_t i = 0; i < r->nopt; i++) {
        if ((long)i == best || !S_p_lower(r, "net_cost", a, r->opt[i], &v)) continue;
        if (!any++) fputs("<ul class=\"pairs\" id=\"net-pairs\">\n", f);
        pbound_format(b1, sizeof b1, v, r->ntraj);
        fputs("<li>P(", f);
        S_opt_text(r, a);
        fputs(" better than ", f);
        S_opt_text(r, r->opt[i]);
        fprintf(f, " on net cost)%s%s", S_eq(b1), b1);
        if (S_p_cheaper(r, a, r->opt[i], &v)) {
            pbound_format(b2, sizeof b2, v, r->ntraj);
            fprintf(f, "; on cost alone %s", b2);
        }
        fputs("</li>\n", f);
    }
    if (any) fputs("</ul>\n", f);
}

static void S_answer(const S_rep *r)
{
    FILE *f = r->f;
    char b1[96], b2[96], b3[96];
    fputs("<section id=\"answer\">\n<h2>The answer</h2>\n", f);
    long best = -1;
    double bestv = 0, v;
    for (size_t i = 0; i < r->nopt; i++)
        if (S_sum(r, r->opt[i], "tco", "p50", &v) && (best < 0 || v < bestv))
            best = (long)i, bestv = v;
    if (best < 0) {
        fputs("<p class=\"note\">summary.csv has no tco rows: no answer.</p>\n</section>\n", f);
        return;
    }
    const char *a = r->opt[best];
    double p5 = NAN, p95 = NAN;
    S_sum(r, a, "tco", "p5", &p5);
    S_sum(r, a, "tco", "p95", &p95);
    const char *unit = S_unit(r, "tco");
    S_fmt_unit(b1, sizeof b1, bestv, unit);
    S_fmt_unit(b2, sizeof b2, p5, unit);
    S_fmt_unit(b3, sizeof b3, p95, unit);
    fputs("<p class=\"headline\" id=\"headline\"><b>", f);
    S_opt_text(r, a);
    fprintf(f,
            "</b> is the cheapest option by median total cost: %s (90 %% of trajectories "
            "between %s and %s).",
            b1, b2, b3);

    /* how sure: p_cheapest if the run wrote it, else the weakest pairwise P(cheaper) */
    double pc;
    if (S_sum(r, a, "p_cheapest", "mean", &pc)) {
        pbound_format(b1, sizeof b1, pc, r->ntraj);
        fprintf(f, " It is the cheapest of all options in <b>%s</b> of trajectories.</p>\n", b1);
    } else {
        double pmin = 2;
        long weakest = -1;
        int missing = 0;
        for (size_t i = 0; i < r->nopt; i++) {
            if ((long)i == best) continue;
            if (!S_p_cheaper(r, a, r->opt[i], &v)) {
                missing = 1;
                continue;
            }
            if (v < pmin) pmin = v, weakest = (long)i;
        }
        if (weakest >= 0 && !missing) {
            pbound_format(b1, sizeof b1, pmin, r->ntraj);
            fputs(" The probability that it is cheaper than its closest rival, ", f);
            S_opt_text(r, r->opt[weakest]);
            fprintf(f, ", is <b>%s</b>.</p>\n<ul class=\"pairs\">\n", b1);
            for (size_t i = 0; i < r->nopt; i++) {
                if ((long)i == best || !S_p_cheaper(r, a, r->opt[i], &v)) continue;
                pbound_format(b1, sizeof b1, v, r->ntraj);
                fputs("<li>P(", f);
                S_opt_text(r, a);
                fputs(" cheaper than ", f);
                S_opt_text(r, r->opt[i]);
                fprintf(f, ")%s%s</li>\n", S_eq(b1), b1);
            }
            fputs("</ul>\n", f);
        } else if (r->nopt > 1) {
            fputs("</p>\n<p class=\"note\">compare.csv is missing or incomplete: no probability "
                  "that it is the cheaper.</p>\n",
                  f);
        } else {
            fputs("</p>\n", f);
        }
    }

    S_answer_net(r);

    long avail = -1;
    double av = 0;
    for (size_t i = 0; i < r->nopt; i++)
        if (S_sum(r, r->opt[i], "availability", "mean", &v) && (avail < 0 || v > av))
            avail = (long)i, av = v;
    if (avail >= 0) {
        fputs("<p id=\"available\">The most available option is <b>", f);
        S_opt_text(r, r->opt[avail]);
        S_fmt_unit(b1, sizeof b1, av, S_unit(r, "availability"));
        fprintf(f, "</b>: mean availability %s", b1);
        if (S_sum(r, r->opt[avail], "downtime_hours_per_year", "mean", &v)) {
            S_fmt_unit(b2, sizeof b2, v, S_unit(r, "downtime_hours_per_year"));
            fprintf(f, " (on average %s of downtime per year)", b2);
        }
        fputs(".</p>\n", f);
    }
    fputs("</section>\n", f);
}

static void S_summary_table(const S_rep *r)
{
    static const struct {
        const char *metric, *head;
    } cols[] = {{"tco", "Total cost, nominal"},
                {"net_cost", "Net cost: cost \xE2\x88\x92 value"},
                {"value", "Value lines"},
                {"tco_npv", "Total cost, discounted (NPV)"},
                {"downtime_hours", "Downtime over the horizon"},
                {"messages_lost", "Messages lost"}};
    const size_t ncols = sizeof cols / sizeof cols[0];
    FILE *f = r->f;
    long best = -1;
    double bestv = 0, v;
    for (size_t i = 0; i < r->nopt; i++)
        if (S_sum(r, r->opt[i], "tco", "p50", &v) && (best < 0 || v < bestv))
            best = (long)i, bestv = v;
    fputs("<section id=\"summary\">\n<h2>Summary per option</h2>\n"
          "<p>Each cell: the median across trajectories, and below it the range that holds 90 % "
          "of them (p5 \xE2\x80\x93 p95).</p>\n<table "
          "id=\"summary-table\">\n<thead><tr><th>Option</th>",
          f);
    for (size_t c = 0; c < ncols; c++)
        fprintf(f, "<th>%s</th>", cols[c].head);
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < r->nopt; i++) {
        fprintf(f, "<tr data-option=\"%s\"%s><td>", r->opt[i],
                (long)i == best ? " class=\"best\"" : "");
        S_option_cell(r, r->opt[i]);
        fputs("</td>", f);
        for (size_t c = 0; c < ncols; c++) {
            const char *unit = S_unit(r, cols[c].metric);
            double med, lo, hi;
            char b1[96], b2[96], b3[96];
            if (!S_sum(r, r->opt[i], cols[c].metric, "p50", &med)) {
                fputs("<td class=\"num\">\xE2\x80\x94</td>", f);
                continue;
            }
            S_fmt_unit(b1, sizeof b1, med, unit);
            fprintf(f, "<td class=\"num\"><b>%s</b>", b1);
            if (S_sum(r, r->opt[i], cols[c].metric, "p5", &lo) &&
                S_sum(r, r->opt[i], cols[c].metric, "p95", &hi)) {
                S_fmt_unit(b2, sizeof b2, lo, unit);
                S_fmt_unit(b3, sizeof b3, hi, unit);
                fprintf(f, "<br><span class=\"range\">%s \xE2\x80\x93 %s</span>", b2, b3);
            }
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n", f);
    long k = S_chart_index("cost_breakdown"); /* the chart of summary.csv alone: its provenance */
    if (k >= 0) S_provenance(r, (size_t)k, 1);
    fputs("</section>\n", f);
}

/* The chart of the executive summary: the S-curves, the answer's uncertainty at a glance. The
 * appendix shows the others. */
static const char S_exec_chart[] = "tco_cdf";

static void S_charts(const S_rep *r, const int *want, plot_section sec, int *shown)
{
    for (size_t k = 0; k < plot_chart_count(); k++)
        if (want[k] && plot_chart_get(k)->section == sec &&
            strcmp(plot_chart_get(k)->name, S_exec_chart) != 0)
            S_figure(r, k, shown);
}

static void S_num_cell(FILE *f, const csvtable *t, size_t row, const char *col, const char *unit)
{
    double v;
    char b[96];
    fputs("<td class=\"num\">", f);
    if (csvtable_numn(t, row, col, &v)) {
        S_fmt_unit(b, sizeof b, v, unit);
        fputs(b, f);
    } else {
        fputs("\xE2\x80\x94", f);
    }
    fputs("</td>", f);
}

static void S_tornado_table(const S_rep *r)
{
    const csvtable *t = r->tornado;
    FILE *f = r->f;
    if (!t || csvtable_rows(t) == 0 || csvtable_col(t, "input") < 0) return;
    const char *metric = csvtable_getn(t, 0, "metric");
    const char *unit = csvtable_getn(t, 0, "unit"); /* "" when the file has no unit column */
    fputs("<h3>Tornado: <code>", f);
    S_esc(f, metric);
    fputs("</code></h3>\n<table id=\"tornado-table\">\n<thead><tr><th>Input</th><th>p10 value</th>"
          "<th>p90 value</th><th>Metric at p10</th><th>Metric at p90</th><th>Swing</th></tr>"
          "</thead>\n<tbody>\n",
          f);
    size_t shown = 0;
    for (size_t i = 0; i < csvtable_rows(t) && shown < 15; i++) {
        if (strcmp(csvtable_getn(t, i, "metric"), metric) != 0) continue;
        shown++;
        fputs("<tr><td><code>", f);
        S_esc(f, csvtable_getn(t, i, "input"));
        fputs("</code></td>", f);
        S_num_cell(f, t, i, "p10_value", "");
        S_num_cell(f, t, i, "p90_value", "");
        S_num_cell(f, t, i, "metric_at_p10", unit);
        S_num_cell(f, t, i, "metric_at_p90", unit);
        S_num_cell(f, t, i, "swing", unit);
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n", f);
    long k = S_chart_index("tornado");
    if (k >= 0) S_provenance(r, (size_t)k, 1);
}

static void S_crossover_table(const S_rep *r)
{
    const csvtable *t = r->crossover;
    FILE *f = r->f;
    if (!t || csvtable_rows(t) == 0 || csvtable_col(t, "option_a") < 0) return;
    fputs("<h3>Crossovers</h3>\n<p>Where, as the parameter varies, two options swap places; the "
          "range is where P(first cheaper) passes from 25 % to 75 %.</p>\n"
          "<table id=\"crossover-table\">\n<thead><tr><th>Parameter</th><th>Options</th>"
          "<th>Basis</th><th>Crossover at</th><th>Range</th></tr></thead>\n<tbody>\n",
          f);
    for (size_t i = 0; i < csvtable_rows(t); i++) {
        double v, lo, hi;
        char b[96], bl[96], bh[96];
        fputs("<tr><td><code>", f);
        S_esc(f, csvtable_getn(t, i, "param"));
        fputs("</code></td><td>", f);
        S_option_cell(r, csvtable_getn(t, i, "option_a"));
        fputs(" / ", f);
        S_option_cell(r, csvtable_getn(t, i, "option_b"));
        fputs("</td><td>", f);
        S_esc(f, csvtable_getn(t, i, "basis"));
        fputs("</td><td class=\"num\">", f);
        if (csvtable_numn(t, i, "value", &v)) {
            S_fmt_unit(b, sizeof b, v, "");
            fputs(b, f);
        } else {
            fputs("none in the swept range", f);
        }
        fputs("</td><td class=\"num\">", f);
        int hl = csvtable_numn(t, i, "lo", &lo), hh = csvtable_numn(t, i, "hi", &hi);
        if (hl) S_fmt_unit(bl, sizeof bl, lo, "");
        if (hh) S_fmt_unit(bh, sizeof bh, hi, "");
        if (hl || hh)
            fprintf(f, "%s \xE2\x80\x93 %s", hl ? bl : "not reached", hh ? bh : "not reached");
        else
            fputs("\xE2\x80\x94", f);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody>\n</table>\n", f);
    long k = S_chart_index("sweep");
    if (k >= 0) S_provenance(r, (size_t)k, 1);
}

static void S_plain_table(FILE *f, const csvtable *t, const char *id, const char *rowattr)
{
    fprintf(f, "<table id=\"%s\">\n<thead><tr>", id);
    for (size_t c = 0; c < csvtable_cols(t); c++) {
        fputs("<th>", f);
        S_esc(f, csvtable_header(t, c));
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < csvtable_rows(t); i++) {
        fprintf(f, "<tr %s=\"%zu\">", rowattr, i + 1);
        for (size_t c = 0; c < csvtable_cols(t); c++) {
            double v;
            char b[96];
            /* a "mean" column is a number: give it separators and a sensible precision */
            if (strcmp(csvtable_header(t, c), "mean") == 0 && csvtable_num(t, i, (int)c, &v)) {
                S_fmt_unit(b, sizeof b, v, "");
                fprintf(f, "<td class=\"num\">%s</td>", b);
                continue;
            }
            fputs("<td>", f);
            S_esc(f, csvtable_get(t, i, (int)c));
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n", f);
}

/* The overrides of the run (manifest.csv's `overrides`, ';'-separated --set assignments). */
static void S_overrides(const S_rep *r)
{
    FILE *f = r->f;
    const char *ovr = S_manifest(r, "overrides");
    fputs("<section id=\"overrides\">\n<h2>What this run changed</h2>\n", f);
    if (!r->manifest) {
        fputs("<p class=\"note\">manifest.csv is missing: the overrides of the run are "
              "unknown.</p>\n</section>\n",
              f);
        return;
    }
    if (!*ovr) {
        fputs("<p id=\"no-overrides\">No override: every input is the scenario's own "
              "(<code>",
              f);
        S_esc(f, S_manifest(r, "scenario"));
        fputs("</code>).</p>\n</section>\n", f);
        return;
    }
    fputs("<p>The scenario's inputs, with these overrides (<code>--set</code>):</p>\n"
          "<ul id=\"override-list\">\n",
          f);
    for (const char *p = ovr; *p;) {
        size_t n = strcspn(p, ";");
        char *one = strndup(p, n);
        if (one) {
            fputs("<li><code>", f);
            S_esc(f, one);
            fputs("</code></li>\n", f);
        }
        free(one);
        p += n;
        if (*p) p++;
    }
    fputs("</ul>\n</section>\n", f);
}

/* The source, how probabilities are written, and the calibration caveat (docs/sources.md,
 * docs/calibration.md). */
static void S_source(const S_rep *r)
{
    FILE *f = r->f;
    char b[64];
    fputs("<section id=\"source\">\n<h2>Source and caveats</h2>\n<p id=\"source-study\">The "
          "figures come from one market study (French, written in 2024 or later, amounts in "
          "\xC2\xA5 CNY) comparing self-hosted, cloud, SaaS and pay-per-message WhatsApp "
          "social-CRM; it is a marketing piece, so its ranges are treated as uncertain "
          "assumptions. What it is and where to find it: <a href=\"../docs/sources.md\">"
          "docs/sources.md</a> in the hostsim distribution.</p>\n",
          f);
    fputs("<p id=\"caveat\" class=\"caveat\"><b>Calibration caveat.</b> The study claims a 5-year "
          "cost of \xC2\xA5"
          "550,000\xE2\x80\x93"
          "700,000 for self-hosting and \xC2\xA5"
          "160,000\xE2\x80\x93"
          "200,000 for SaaS at 80,000 messages a month. The simulation is "
          "built from the study's itemised inputs, not tuned to those totals, and its "
          "self-hosted cost is several times the claim: the study's own itemised self-hosted "
          "costs, each at its lowest, already sum to about \xC2\xA5"
          "1.52 million over five "
          "years. The SaaS cost comes close to the claim. Every claim beside the simulation: "
          "<a href=\"../docs/calibration.md\">docs/calibration.md</a>.</p>\n",
          f);
    fputs("<p id=\"prob-rule\" class=\"small\">Probabilities are shares of the ", f);
    if (r->ntraj >= 1) {
        hs_fmt_thousands(b, sizeof b, r->ntraj, 0);
        fprintf(f, "%s simulated trajectories", b);
    } else {
        fputs("simulated trajectories (their number is unknown: no manifest.csv)", f);
    }
    fputs(". When every trajectory (or none) agrees, the report gives the exact one-sided 95 % "
          "bound instead of a certainty: \xE2\x89\xA5 0.05<sup>1/N</sup> for all N of N",
          f);
    if (r->ntraj >= 1) {
        pbound_format(b, sizeof b, 1, r->ntraj);
        fprintf(f, ", here %s", b);
    }
    fputs(".</p>\n</section>\n", f);
}

/* sensitivity.csv: the largest |Spearman| of INPUT against tco over the options; 0 if absent. */
static double S_drive(const S_rep *r, const char *input)
{
    const csvtable *t = r->sens;
    double best = 0, v;
    if (!t) return 0;
    int ci = csvtable_col(t, "input"), cm = csvtable_col(t, "metric");
    if (ci < 0 || cm < 0) return 0;
    for (size_t i = 0; i < csvtable_rows(t); i++)
        if (strcmp(csvtable_get(t, i, ci), input) == 0 &&
            strcmp(csvtable_get(t, i, cm), "tco") == 0 && csvtable_numn(t, i, "spearman", &v) &&
            fabs(v) > best)
            best = fabs(v);
    return best;
}

static int S_word_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
}

/* Writes a source text for a reader: the study's list of figures named as the study, an
 * option's id (a whole word) as its label; HTML-escaped. */
static void S_source_cell(const S_rep *r, const char *src)
{
    static const char key[] = "FIGURES.md";
    char one[2] = {0, 0};
    for (const char *p = src; *p;) {
        if (strncmp(p, key, sizeof key - 1) == 0) {
            fputs("the study", r->f);
            p += sizeof key - 1;
            continue;
        }
        size_t k = 0, n = 0;
        if (p == src || !S_word_char(p[-1]))
            for (; k < r->nopt; k++) {
                n = strlen(r->opt[k]);
                if (strncmp(p, r->opt[k], n) == 0 && !S_word_char(p[n])) break;
            }
        if (k < r->nopt && (p == src || !S_word_char(p[-1]))) {
            S_esc(r->f, r->lab[k]);
            p += n;
        } else {
            one[0] = *p++;
            S_esc(r->f, one);
        }
    }
}

/* The assumptions (params.csv) grouped by option, global inputs first: parameter, value (the
 * SPEC), its mean and unit, the source, and whether it drives the answer (|Spearman| of the
 * sampled input with tco >= 0.3 for some option, from sensitivity.csv). */
static void S_assumptions(const S_rep *r)
{
    FILE *f = r->f;
    const csvtable *t = r->params;
    int co = csvtable_col(t, "option");
    if (co < 0 || csvtable_col(t, "parameter") < 0) {
        S_plain_table(f, t, "assumptions-table", "data-param");
        return;
    }
    fputs("<p>Every input the run used (after overrides), grouped by option: its value as a "
          "distribution, its mean, where the figure comes from, and whether it drives the "
          "answer (rank correlation |\xCF\x81| \xE2\x89\xA5 0.3 between the sampled input and "
          "an option's total cost, from sensitivity.csv).</p>\n",
          f);
    fputs("<table id=\"assumptions-table\">\n<thead><tr><th>Parameter</th><th>Value</th>"
          "<th>Mean</th><th>Unit</th><th>Source</th><th>Drives the answer</th></tr></thead>\n"
          "<tbody>\n",
          f);
    size_t nrow = csvtable_rows(t);
    for (long g = -1; g < (long)r->nopt; g++) {
        const char *owner = g < 0 ? "global" : r->opt[g];
        int head = 0;
        for (size_t i = 0; i < nrow; i++) {
            if (strcmp(csvtable_get(t, i, co), owner) != 0) continue;
            if (!head++) {
                fputs("<tr class=\"group\"><th colspan=\"6\">", f);
                if (g < 0)
                    fputs("All options (market, demand, company)", f);
                else
                    S_option_cell(r, owner);
                fputs("</th></tr>\n", f);
            }
            const char *param = csvtable_getn(t, i, "parameter");
            char input[256];
            double rho;
            snprintf(input, sizeof input, "%s.%s", owner, param);
            rho = S_drive(r, input);
            fprintf(f, "<tr data-param=\"%zu\"><td><code>", i + 1);
            S_esc(f, param);
            fputs("</code></td><td><code>", f);
            S_esc(f, csvtable_getn(t, i, "spec"));
            fputs("</code></td>", f);
            S_num_cell(f, t, i, "mean", "");
            fputs("<td>", f);
            S_esc(f, csvtable_getn(t, i, "unit"));
            fputs("</td><td class=\"src\">", f);
            S_source_cell(r, csvtable_getn(t, i, "source"));
            if (rho >= 0.3)
                fprintf(f, "</td><td class=\"drives\">yes (\xCF\x81 %.2f)</td></tr>\n", rho);
            else
                fputs("</td><td></td></tr>\n", f);
        }
    }
    fputs("</tbody>\n</table>\n", f);
}

/* ---------------------------------------------------------------- PDF */

/* file:// URL of an absolute path, percent-encoded. Caller frees. */
static char *S_file_url(const char *abs)
{
    char *u = malloc(7 + 3 * strlen(abs) + 1);
    if (!u) return NULL;
    char *o = u + sprintf(u, "file://");
    for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    *o = '\0';
    return u;
}

static char *S_chromium(void)
{
    char *p = spawn_find_program("/usr/bin/chromium");
    return p ? p : spawn_find_program("chromium");
}

static hs_status S_pdf(const char *outdir, const char *chromium, hs_error *e)
{
    char cwd[4096], html[8192], tmp[8192 + 16], fin[8192], prof[] = "/tmp/hostsim-chromium-XXXXXX";
    if (outdir[0] == '/')
        snprintf(html, sizeof html, "%s/report.html", outdir);
    else if (getcwd(cwd, sizeof cwd))
        snprintf(html, sizeof html, "%s/%s/report.html", cwd, outdir);
    else
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot write report.pdf: %s", strerror(errno));
    /* chromium prints into a private folder of an unpredictable name (mkdtemp, 0700) beside
     * the final file, never through a predictable path a planted link could redirect */
    char pdir[8192];
    snprintf(pdir, sizeof pdir, "%s/.report.pdf.XXXXXX", outdir);
    if (!mkdtemp(pdir))
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot write report.pdf: temporary folder: %s",
                            strerror(errno));
    snprintf(tmp, sizeof tmp, "%s/report.pdf", pdir);
    snprintf(fin, sizeof fin, "%s/report.pdf", outdir);
    if (!mkdtemp(prof)) {
        rmdir(pdir);
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot write report.pdf: temporary folder: %s",
                            strerror(errno));
    }
    char *url = S_file_url(html);
    char a_prof[4200 + 32], a_pdf[8192 + 32];
    snprintf(a_prof, sizeof a_prof, "--user-data-dir=%s", prof);
    snprintf(a_pdf, sizeof a_pdf, "--print-to-pdf=%s", tmp);
    char *argv[] = {(char *)chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-pdf-header-footer",
                    "--print-to-pdf-no-header",
                    a_prof,
                    a_pdf,
                    url,
                    NULL};
    int status = -1;
    char *out = NULL;
    hs_status st = url ? spawn_run(argv, NULL, &status, &out, e)
                       : hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    struct stat sb;
    if (st == HS_OK && (status != 0 || stat(tmp, &sb) != 0 || sb.st_size == 0))
        st = hs_error_set(e, HS_ERR_RUNTIME,
                          "cannot write report.pdf: chromium exit status %d: %.600s", status,
                          out ? out : "");
    if (st == HS_OK && rename(tmp, fin) != 0)
        st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", fin, strerror(errno));
    if (st != HS_OK) unlink(tmp);
    rmdir(pdir);
    free(out);
    free(url);
    /* remove chromium's throw-away profile */
    char *rm = spawn_find_program("rm");
    if (rm) {
        char *rmv[] = {rm, "-rf", "--", prof, NULL};
        hs_error ignore;
        int rst;
        spawn_run(rmv, NULL, &rst, NULL, &ignore);
        free(rm);
    }
    return st;
}

/* ---------------------------------------------------------------- report_write */

static void S_rep_free(S_rep *r)
{
    csvtable_free(r->summary);
    csvtable_free(r->compare);
    csvtable_free(r->manifest);
    csvtable_free(r->params);
    csvtable_free(r->tornado);
    csvtable_free(r->crossover);
    csvtable_free(r->sens);
    csvtable_free(r->voi);
    plot_options_free(r->opt, r->nopt);
    plot_options_free(r->lab, r->nopt);
    for (size_t k = 0; r->prov_shown && k < plot_chart_count(); k++)
        free(r->prov_shown[k]);
    free(r->prov_shown);
}

hs_status report_write(const char *outdir, int pdf, hs_error *e)
{
    char *chromium = NULL;
    if (pdf && !(chromium = S_chromium()))
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "cannot write report.pdf: chromium is missing (looked for "
                            "/usr/bin/chromium and chromium on PATH); install it, or omit --pdf");
    S_rep r = {.outdir = outdir, .prov_shown = calloc(plot_chart_count(), sizeof(char *))};
    hs_status st = r.prov_shown ? S_load(outdir, "summary.csv", &r.summary, e)
                                : hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (st == HS_OK && !r.summary)
        st = hs_error_set(e, HS_ERR_INPUT, "%s: no summary.csv: not the output folder of a run",
                          outdir);
    if (st == HS_OK &&
        (csvtable_col(r.summary, "option") < 0 || csvtable_col(r.summary, "metric") < 0))
        st = hs_error_set(e, HS_ERR_INPUT, "%s/summary.csv:1:1: expected columns option and metric",
                          outdir);
    if (st == HS_OK) st = S_load(outdir, "compare.csv", &r.compare, e);
    if (st == HS_OK) st = S_load(outdir, "manifest.csv", &r.manifest, e);
    if (st == HS_OK) st = S_load(outdir, "params.csv", &r.params, e);
    if (st == HS_OK) st = S_load(outdir, "tornado.csv", &r.tornado, e);
    if (st == HS_OK) st = S_load(outdir, "crossover.csv", &r.crossover, e);
    if (st == HS_OK) st = S_load(outdir, "sensitivity.csv", &r.sens, e);
    if (st == HS_OK) st = S_load(outdir, "voi.csv", &r.voi, e);
    if (st == HS_OK && r.manifest) r.ntraj = strtod(S_manifest(&r, "trajectories"), NULL);
    if (st == HS_OK) st = plot_options_labelled(outdir, &r.opt, &r.lab, &r.nopt, e);

    /* charts: render those missing or older than the data */
    size_t nc = plot_chart_count();
    int *want = calloc(nc, sizeof *want);
    int skipped = 0;
    if (st == HS_OK && !want) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (st == HS_OK) st = plot_supported(outdir, want, e);
    if (st == HS_OK) {
        double newest = S_newest_csv(outdir);
        int stale = 0;
        for (size_t k = 0; k < nc; k++)
            if (want[k] && !S_chart_fresh(outdir, plot_chart_get(k)->name, newest)) stale = 1;
        plot_opts po = {NULL, 1};
        if (stale) st = plot_all(outdir, &po, &skipped, e);
    }

    outfile *of = st == HS_OK ? outfile_open(outdir, "report.html", e) : NULL;
    if (st == HS_OK && !of) st = e ? e->code : HS_ERR_RUNTIME;
    if (st == HS_OK) {
        r.f = outfile_stream(of);
        FILE *f = r.f;
        int shown = 0, nsens = 0;
        S_head(&r);
        fputs("<div id=\"executive\">\n", f);
        S_answer(&r);
        S_overrides(&r);
        S_source(&r);
        S_summary_table(&r);
        long xk = S_chart_index(S_exec_chart);
        if (xk >= 0 && want[xk]) S_figure(&r, (size_t)xk, &shown);
        fputs("</div>\n<div id=\"appendix\">\n<h2 class=\"appendix\">Appendix</h2>\n"
              "<section id=\"charts\">\n<h2>Charts</h2>\n",
              f);
        if (skipped)
            fputs("<p class=\"note\">The charts were not rendered: gnuplot was not found. Run "
                  "<code>hostsim plot</code> on this folder where gnuplot is installed, then "
                  "<code>hostsim report</code> again.</p>\n",
                  f);
        S_charts(&r, want, PLOT_SECTION_MAIN, &shown);
        fputs("</section>\n", f);
        fputs("<section id=\"over-time\">\n<h2>Over time</h2>\n", f);
        report_time_section(f, outdir);
        S_charts(&r, want, PLOT_SECTION_TIME, &shown);
        fputs("</section>\n", f);
        for (size_t k = 0; k < nc; k++)
            nsens += want[k] && plot_chart_get(k)->section == PLOT_SECTION_SENSITIVITY;
        if (nsens || r.tornado || r.crossover) {
            fputs("<section id=\"sensitivity\">\n<h2>Which assumptions matter</h2>\n", f);
            S_tornado_table(&r);
            S_crossover_table(&r);
            S_charts(&r, want, PLOT_SECTION_SENSITIVITY, &shown);
            fputs("</section>\n", f);
        }
        report_voi_section(f, r.voi, outdir, S_esc);
        fputs("<section id=\"inputs\">\n<h2>Input checks</h2>\n", f);
        S_charts(&r, want, PLOT_SECTION_INPUTS, &shown);
        fputs("</section>\n<section id=\"assumptions\">\n<h2>Assumptions</h2>\n", f);
        if (r.params) {
            S_assumptions(&r);
        } else {
            fputs("<p class=\"note\">params.csv is missing: the assumptions are not listed.</p>\n",
                  f);
        }
        fputs("</section>\n<section id=\"manifest\">\n<h2>The run</h2>\n", f);
        if (r.manifest)
            S_plain_table(f, r.manifest, "manifest-table", "data-row");
        else
            fputs("<p class=\"note\">manifest.csv is missing.</p>\n", f);
        fputs(
            "</section>\n</div>\n<footer>Written by hostsim from the CSV files of this folder; the "
            "charts are the SVG files of its plots/ folder. The page loads nothing from the "
            "network.</footer>\n</body>\n</html>\n",
            f);
        st = outfile_commit(of, e);
        of = NULL;
    }
    outfile_abort(of);
    if (st == HS_OK && pdf) st = S_pdf(outdir, chromium, e);
    free(want);
    free(chromium);
    S_rep_free(&r);
    return st;
}
