/* cmd_output.c — `hostsim plot` and `hostsim report`: charts and the board
 * report from an existing output folder. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report/plot.h"
#include "report/report.h"

static const char S_plot_usage[] =
    "usage: hostsim plot [OUTDIR] [--gnuplot PROGRAM] [--quiet]\n"
    "\n"
    "Renders every chart the output folder's data supports into OUTDIR/plots/ as PNG\n"
    "(1200x700) and SVG, with gnuplot (an external program; without it the charts are\n"
    "skipped with a message). OUTDIR defaults to outputs/default. docs/charts.md lists\n"
    "the charts.\n"
    "\n"
    "      --gnuplot PROGRAM     the gnuplot to run (default: gnuplot on PATH)\n"
    "  -q, --quiet               no progress messages\n"
    "  -h, --help                this help\n";

static const char S_report_usage[] =
    "usage: hostsim report [OUTDIR] [--pdf]\n"
    "\n"
    "Writes OUTDIR/report.html: one self-contained file (charts inlined, no network)\n"
    "with the headline answer, the summary table, the charts, the assumptions with\n"
    "their sources, the sensitivity results when present, and the run manifest.\n"
    "Run `hostsim plot OUTDIR` first to include the charts. OUTDIR defaults to\n"
    "outputs/default.\n"
    "\n"
    "      --pdf                 also print it to report.pdf with headless Chromium\n"
    "  -h, --help                this help\n";

int cmd_plot(int argc, char **argv)
{
    static const struct option longopts[] = {{"gnuplot", required_argument, NULL, 'g'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    plot_opts po = {NULL, 0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'g':
            po.gnuplot = optarg;
            break;
        case 'q':
            po.quiet = 1;
            break;
        case 'h':
            fputs(S_plot_usage, stdout);
            return 0;
        default:
            fprintf(stderr, "hostsim plot: unknown or incomplete option '%s'\n%s", argv[optind - 1],
                    S_plot_usage);
            return 2;
        }
    }
    const char *dir = optind < argc ? argv[optind++] : "outputs/default";
    if (optind < argc) {
        fprintf(stderr, "hostsim plot: unexpected argument '%s'\n%s", argv[optind], S_plot_usage);
        return 2;
    }
    hs_error e = {0};
    int skipped = 0;
    if (plot_all(dir, &po, &skipped, &e) != HS_OK) return cli_fail(&e);
    if (!po.quiet && !skipped) printf("charts in %s/plots/\n", dir);
    return 0;
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"pdf", no_argument, NULL, 'p'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int pdf = 0;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'p':
            pdf = 1;
            break;
        case 'h':
            fputs(S_report_usage, stdout);
            return 0;
        default:
            fprintf(stderr, "hostsim report: unknown or incomplete option '%s'\n%s",
                    argv[optind - 1], S_report_usage);
            return 2;
        }
    }
    const char *dir = optind < argc ? argv[optind++] : "outputs/default";
    if (optind < argc) {
        fprintf(stderr, "hostsim report: unexpected argument '%s'\n%s", argv[optind],
                S_report_usage);
        return 2;
    }
    hs_error e = {0};
    if (report_write(dir, pdf, &e) != HS_OK) return cli_fail(&e);
    printf("report in %s/report.html%s\n", dir, pdf ? " and report.pdf" : "");
    return 0;
}
