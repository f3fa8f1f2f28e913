/* xlsx.c — the Excel workbook of an output folder (xlsx.h). */
#define _XOPEN_SOURCE 700 /* mkstemp */
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/calendar.h"
#include "base/csvtable.h"
#include "base/hs_path.h"

typedef struct {
    lxw_workbook *wb;
    lxw_format *bold, *money, *plain, *share;
} S_book;

/* The table OUTDIR/NAME, or NULL when absent (required: an input error) or malformed (e set,
 * *bad = 1). */
static csvtable *S_load(const char *outdir, const char *name, int required, int *bad, hs_error *e)
{
    char *path = hs_path_join(outdir, name);
    if (!path) {
        *bad = 1;
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    csvtable *t = NULL;
    if (access(path, F_OK) == 0) {
        t = csvtable_load(path, e);
        if (!t) *bad = 1;
    } else if (required) {
        *bad = 1;
        hs_error_set(e, HS_ERR_INPUT, "%s: expected an output folder with summary.csv, got none",
                     outdir);
    }
    free(path);
    return t;
}

/* Row r of T as row `at` of the sheet: a number (money formatted when the row's unit is CNY or
 * the value is large), else the text. */
static void S_cell(S_book *b, lxw_worksheet *ws, const csvtable *t, size_t r, size_t at, size_t c,
                   int money)
{
    double v;
    if (csvtable_num(t, r, (int)c, &v)) {
        lxw_format *f = money || fabs(v) >= 1000 ? b->money : b->plain;
        if (strncmp(csvtable_header(t, c), "p_", 2) == 0) f = b->share;
        worksheet_write_number(ws, (lxw_row_t)at, (lxw_col_t)c, v, f);
    } else {
        worksheet_write_string(ws, (lxw_row_t)at, (lxw_col_t)c, csvtable_get(t, r, (int)c), NULL);
    }
}

/* The table T as sheet NAME: its header in bold and frozen; a row whose `unit` column is CNY
 * formatted as money. The manifest's `files` row is left out: it lists the set before the
 * workbook joined it, and would make the workbook differ each time it is written. */
static lxw_worksheet *S_sheet(S_book *b, const char *name, const csvtable *t)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (!ws) return NULL;
    int unit = csvtable_col(t, "unit");
    for (size_t c = 0; c < csvtable_cols(t); c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, csvtable_header(t, c), b->bold);
    size_t at = 1;
    for (size_t r = 0; r < csvtable_rows(t); r++) {
        if (strcmp(name, "Manifest") == 0 && strcmp(csvtable_get(t, r, 0), "files") == 0) continue;
        int money = unit >= 0 && strcmp(csvtable_get(t, r, unit), "CNY") == 0;
        for (size_t c = 0; c < csvtable_cols(t); c++)
            S_cell(b, ws, t, r, at, c, money);
        at++;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, (lxw_col_t)(csvtable_cols(t) ? csvtable_cols(t) - 1 : 0), 14, NULL);
    return ws;
}

/* Cost by category: the mean of each cost.<category> of summary.csv, a row per category and a
 * column per option (in the order they first appear); *nopt, *ncat: its size. */
static lxw_worksheet *S_costs(S_book *b, const csvtable *sum, int *nopt, int *ncat)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Cost by category");
    if (!ws) return NULL;
    int co = csvtable_col(sum, "option"), cm = csvtable_col(sum, "metric");
    const char *opts[64], *cats[128];
    *nopt = *ncat = 0;
    for (size_t r = 0; r < csvtable_rows(sum); r++) {
        const char *o = csvtable_get(sum, r, co), *m = csvtable_get(sum, r, cm);
        if (strncmp(m, "cost.", 5) != 0) continue;
        int k = 0;
        while (k < *nopt && strcmp(opts[k], o) != 0)
            k++;
        if (k == *nopt && *nopt < 64) opts[(*nopt)++] = o;
        k = 0;
        while (k < *ncat && strcmp(cats[k], m + 5) != 0)
            k++;
        if (k == *ncat && *ncat < 128) cats[(*ncat)++] = m + 5;
    }
    worksheet_write_string(ws, 0, 0, "category (mean, CNY)", b->bold);
    for (int k = 0; k < *nopt; k++)
        worksheet_write_string(ws, 0, (lxw_col_t)(k + 1), opts[k], b->bold);
    for (int i = 0; i < *ncat; i++) {
        char metric[160];
        snprintf(metric, sizeof metric, "cost.%s", cats[i]);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, cats[i], NULL);
        for (int k = 0; k < *nopt; k++) {
            long r = csvtable_find2(sum, co, opts[k], cm, metric);
            double v;
            if (r >= 0 && csvtable_numn(sum, (size_t)r, "mean", &v))
                worksheet_write_number(ws, (lxw_row_t)(i + 1), (lxw_col_t)(k + 1), v, b->money);
        }
    }
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, (lxw_col_t)(*nopt > 0 ? *nopt : 1), 16, NULL);
    return ws;
}

/* The S-curves: per option, the median cumulative cost by month (monthly.csv, an option's
 * months in consecutive rows as the run writes them). */
static void S_scurves(S_book *b, lxw_worksheet *charts, const csvtable *mon)
{
    int co = csvtable_col(mon, "option"), cp = csvtable_col(mon, "p50"),
        cmo = csvtable_col(mon, "month");
    if (co < 0 || cp < 0 || cmo < 0 || csvtable_rows(mon) == 0) return;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
    if (!ch) return;
    size_t n = csvtable_rows(mon);
    for (size_t r0 = 0; r0 < n;) {
        size_t r1 = r0;
        while (r1 + 1 < n && strcmp(csvtable_get(mon, r1 + 1, co), csvtable_get(mon, r0, co)) == 0)
            r1++;
        lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(s, "Monthly", (lxw_row_t)(r0 + 1), (lxw_col_t)cmo,
                                    (lxw_row_t)(r1 + 1), (lxw_col_t)cmo);
        chart_series_set_values(s, "Monthly", (lxw_row_t)(r0 + 1), (lxw_col_t)cp,
                                (lxw_row_t)(r1 + 1), (lxw_col_t)cp);
        chart_series_set_name_range(s, "Monthly", (lxw_row_t)(r0 + 1), (lxw_col_t)co);
        r0 = r1 + 1;
    }
    chart_title_set_name(ch, "Cumulative cost, median (CNY)");
    chart_axis_set_name(ch->x_axis, "month of the horizon");
    chart_axis_set_name(ch->y_axis, "CNY");
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {.x_scale = 2, .y_scale = 1.5};
    worksheet_insert_chart_opt(charts, 0, 0, ch, &opt);
}

/* The cost breakdown: a stacked column per option, a series per category. */
static void S_breakdown(S_book *b, lxw_worksheet *charts, int nopt, int ncat)
{
    if (nopt == 0 || ncat == 0) return;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN_STACKED);
    if (!ch) return;
    for (int i = 0; i < ncat; i++) {
        lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(s, "Cost by category", 0, 1, 0, (lxw_col_t)nopt);
        chart_series_set_values(s, "Cost by category", (lxw_row_t)(i + 1), 1, (lxw_row_t)(i + 1),
                                (lxw_col_t)nopt);
        chart_series_set_name_range(s, "Cost by category", (lxw_row_t)(i + 1), 0);
    }
    chart_title_set_name(ch, "Mean cost by category over the horizon (CNY)");
    chart_axis_set_name(ch->y_axis, "CNY");
    chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
    lxw_chart_options opt = {.x_scale = 2, .y_scale = 2};
    worksheet_insert_chart_opt(charts, 23, 0, ch, &opt);
}

/* The run's time (manifest.csv created_utc, YYYY-MM-DDTHH:MM:SSZ) as the workbook's creation
 * time, so that the workbook of a folder is the same bytes whenever it is written; 0 without. */
static time_t S_created(const csvtable *man)
{
    int y, mo, d, h, mi, s;
    long r = man ? csvtable_find(man, 0, 0, "created_utc") : -1;
    if (r < 0 || sscanf(csvtable_get(man, (size_t)r, 1), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d,
                        &h, &mi, &s) != 6)
        return 0;
    return (time_t)(cal_days_from_civil(y, mo, d) * 86400L + h * 3600L + mi * 60L + s);
}

hs_status xlsx_write(const char *outdir, hs_error *e)
{
    static const struct {
        const char *file, *sheet;
    } tables[] = {{"compare.csv", "Compare"},
                  {"yearly.csv", "Cost by year"},
                  {"monthly.csv", "Monthly"},
                  {"params.csv", "Assumptions"},
                  {"manifest.csv", "Manifest"}};
    enum { NT = sizeof tables / sizeof *tables };
    int bad = 0;
    csvtable *sum = S_load(outdir, "summary.csv", 1, &bad, e), *t[NT] = {0};
    for (int i = 0; i < NT && !bad; i++)
        t[i] = S_load(outdir, tables[i].file, 0, &bad, e);
    char *tmp = bad ? NULL : hs_path_join(outdir, ".report.xlsx.XXXXXX");
    char *dst = bad ? NULL : hs_path_join(outdir, "report.xlsx");
    int fd = -1;
    if (!bad && (!tmp || !dst)) {
        bad = 1;
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    }
    if (!bad && (fd = mkstemp(tmp)) < 0) {
        bad = 1;
        hs_error_set(e, HS_ERR_RUNTIME, "%s: cannot create a temporary file", outdir);
    }
    if (!bad) {
        close(fd);
        S_book b = {0};
        lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
        b.wb = workbook_new_opt(tmp, &wo);
        if (b.wb) {
            lxw_doc_properties props = {.title = "hostsim: cost of hosting options",
                                        .created = S_created(t[4])};
            workbook_set_properties(b.wb, &props);
            b.bold = workbook_add_format(b.wb);
            format_set_bold(b.bold);
            b.money = workbook_add_format(b.wb);
            format_set_num_format(b.money, "#,##0");
            b.plain = workbook_add_format(b.wb);
            format_set_num_format(b.plain, "General");
            b.share = workbook_add_format(b.wb);
            format_set_num_format(b.share, "0.0%");
            lxw_worksheet *charts = workbook_add_worksheet(b.wb, "Charts");
            S_sheet(&b, "Summary", sum);
            int nopt = 0, ncat = 0;
            S_costs(&b, sum, &nopt, &ncat);
            for (int i = 0; i < NT; i++)
                if (t[i]) S_sheet(&b, tables[i].sheet, t[i]);
            int mi = 2; /* monthly.csv */
            if (charts && t[mi]) S_scurves(&b, charts, t[mi]);
            if (charts) S_breakdown(&b, charts, nopt, ncat);
        }
        lxw_error xe = b.wb ? workbook_close(b.wb) : LXW_ERROR_MEMORY_MALLOC_FAILED;
        if (xe != LXW_NO_ERROR) {
            bad = 1;
            hs_error_set(e, HS_ERR_RUNTIME, "%s/report.xlsx: the workbook was not written (%s)",
                         outdir, lxw_strerror(xe));
        } else if (chmod(tmp, 0644) != 0 || rename(tmp, dst) != 0) {
            bad = 1;
            hs_error_set(e, HS_ERR_RUNTIME, "%s/report.xlsx: cannot rename the finished file",
                         outdir);
        }
        if (bad) unlink(tmp);
    }
    free(tmp);
    free(dst);
    for (int i = 0; i < NT; i++)
        csvtable_free(t[i]);
    csvtable_free(sum);
    return bad ? (e->code ? e->code : HS_ERR_RUNTIME) : HS_OK;
}
