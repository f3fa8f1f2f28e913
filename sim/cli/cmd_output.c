/* cmd_output.c — `hostsim plot` and `hostsim report`: charts and the board
 * report from an existing output folder. */
#include <stdio.h>

#include "args.h"
#include "cli.h"
#include "report/plot.h"
#include "report/report.h"
#include "report/xlsx.h"

static const args_command S_plot = {
    "plot", ARGS_PLOT, ARGS_POS_OUTDIR,
    "usage: hostsim plot [OUTDIR] [--gnuplot PROGRAM] [--overwrite] [--quiet]\n"
    "\n"
    "Renders every chart the output folder's data supports into OUTDIR/plots/ as PNG\n"
    "(1200x700) and SVG, with gnuplot (an external program; without it the charts are\n"
    "skipped with a message). OUTDIR defaults to outputs/default. docs/charts.md lists\n"
    "the charts.\n",
    NULL};

static const args_command S_report = {
    "report", ARGS_REPORT, ARGS_POS_OUTDIR,
    "usage: hostsim report [OUTDIR] [--pdf] [--xlsx] [--overwrite]\n"
    "\n"
    "Writes OUTDIR/report.html: one self-contained file (charts inlined, no network)\n"
    "with the headline answer, the summary table, the charts, the assumptions with\n"
    "their sources, the sensitivity results when present, and the run manifest.\n"
    "Run `hostsim plot OUTDIR` first to include the charts. With --xlsx, also\n"
    "OUTDIR/report.xlsx: the tables as numbers and native Excel charts. OUTDIR\n"
    "defaults to outputs/default.\n",
    NULL};

/* plot and report add to the folder's set: they work in its staging folder, which starts with
 * the current set's files, and the commit swaps the set with their files in. */
static unsigned S_add_flags(int overwrite)
{
    return OUTFILE_KEEP | OUTFILE_EXISTING | (overwrite ? OUTFILE_OVERWRITE : 0);
}

hs_status cli_plot(const char *dir, const plot_opts *po, int overwrite, int *skipped, hs_error *e)
{
    outfile_set set = {0};
    HS_FORWARD(outfile_set_begin(&set, dir, S_add_flags(overwrite), e));
    hs_status st = plot_all(outfile_set_stage(&set), po, skipped, e);
    if (st == HS_OK && !*skipped) return outfile_set_commit(&set, e);
    outfile_set_name_errors(&set, e);
    outfile_set_abort(&set);
    return st;
}

int cmd_plot(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_plot, &a);
    if (rc >= 0) return rc;
    plot_opts po = {a.gnuplot, a.quiet};
    hs_error e = {0};
    int skipped = 0;
    if (cli_plot(a.outdir, &po, a.overwrite, &skipped, &e) != HS_OK) return cli_fail(&e);
    if (!po.quiet && !skipped) printf("charts in %s/plots/\n", a.outdir);
    return 0;
}

int cmd_report(int argc, char **argv)
{
    args_values a;
    int rc = args_parse(argc, argv, &S_report, &a);
    if (rc >= 0) return rc;
    hs_error e = {0};
    outfile_set set = {0};
    hs_status st = outfile_set_begin(&set, a.outdir, S_add_flags(a.overwrite), &e);
    if (st == HS_OK) st = report_write(outfile_set_stage(&set), a.pdf, &e);
    if (st == HS_OK && a.xlsx) st = xlsx_write(outfile_set_stage(&set), &e);
    if (st == HS_OK) st = outfile_set_commit(&set, &e);
    outfile_set_name_errors(&set, &e);
    outfile_set_abort(&set);
    if (st != HS_OK) return cli_fail(&e);
    printf("report in %s/report.html%s%s\n", a.outdir, a.pdf ? " and report.pdf" : "",
           a.xlsx ? " and report.xlsx" : "");
    return 0;
}
