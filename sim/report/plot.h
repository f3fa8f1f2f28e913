/* plot.h — the charts: runs gnuplot on the scripts in plots/ over an output folder's CSV files.
 *
 * Each chart is one script, plots/NAME.gp, run after plots/common.gp, in the output folder
 * (the scripts read its CSV files by name), once for OUTDIR/plots/NAME.png (pngcairo
 * 1200x700) and once for NAME.svg. gnuplot runs without a shell (fork/exec with an argument
 * vector, `-d`: no init file), its output captured. The charts are one set: every file is
 * written into a fresh folder beside plots/ (mkdtemp), checked (a PNG that ends with its IEND
 * chunk, an SVG that closes </svg>) and made durable; only when every chart succeeded does that
 * folder replace plots/ in one step, so a failed chart or a full disk leaves the previous
 * charts as they were, and a chart the data no longer supports does not survive. What a script
 * needs that is not in a CSV (the option list in options.csv order and their labels, the footer
 * text with the chart's own provenance, the pair for the difference chart, ...) is passed as -e
 * variables.
 *
 * The scripts are found in $HOSTSIM_PLOTS, else <dir of the executable>/plots, else
 * <dir of the executable>/../share/hostsim/plots. docs/charts.md describes every chart.
 */
#ifndef HS_PLOT_H
#define HS_PLOT_H

#include <stddef.h>

#include "base/hs_error.h"

typedef struct {
    const char *gnuplot; /* program name or path; NULL = "gnuplot" */
    int quiet;           /* no progress or gnuplot warnings on stderr */
} plot_opts;

/* Renders every chart the folder's data supports into OUTDIR/plots/ as PNG and SVG.
 * Returns HS_OK; if gnuplot is absent, prints "hostsim: gnuplot not found; charts skipped" to
 * stderr and returns HS_OK with *skipped=1 (skipped may be NULL). A failed chart (gnuplot exit
 * status != 0, or a file that is not whole) is an HS_ERR_RUNTIME naming every failed chart,
 * and no chart is replaced; a folder with nothing to draw, or a malformed CSV file (naming
 * file:line:column), is an HS_ERR_INPUT. */
hs_status plot_all(const char *outdir, const plot_opts *o, int *skipped, hs_error *e);

/* What plot_run did. */
typedef struct {
    int rendered;      /* charts written (PNG and SVG) */
    int failed;        /* charts whose gnuplot run failed */
    int warnings;      /* lines of gnuplot output containing "warning:" */
    char warning[512]; /* the first of them, prefixed with the chart name */
} plot_result;

/* plot_all, reporting what happened in *r (may be NULL). */
hs_status plot_run(const char *outdir, const plot_opts *o, int *skipped, plot_result *r,
                   hs_error *e);

/* The provenance of chart I of OUTDIR, as its footer gives it (scenario, the command and its N,
 * seed, version, overrides, from manifest.csv); *foreign (may be NULL) is set to 1 when its
 * data is not part of the set manifest.csv describes (a file the command that wrote the
 * manifest does not write, or no manifest): the text then says so. Caller frees; NULL and e
 * set on failure (a malformed manifest.csv). */
char *plot_chart_provenance(const char *outdir, size_t i, int *foreign, hs_error *e);

/* The charts hostsim knows, in the order the report shows them. */
typedef enum {
    PLOT_SECTION_MAIN,
    PLOT_SECTION_TIME, /* results over time: the report's "Over time" section */
    PLOT_SECTION_SENSITIVITY,
    PLOT_SECTION_INPUTS
} plot_section;
typedef struct {
    const char *name;     /* plots/NAME.gp -> OUTDIR/plots/NAME.png and NAME.svg */
    const char *title;    /* short title, for the report */
    const char *about;    /* one sentence: what it shows and how to read it */
    plot_section section; /* where the report puts it */
} plot_chart;

size_t plot_chart_count(void);
const plot_chart *plot_chart_get(size_t i);

/* Sets want[i] = 1 for each chart i (want has plot_chart_count() entries) that OUTDIR's data
 * supports, 0 for the others. HS_ERR_INPUT if a CSV file it reads is malformed. */
hs_status plot_supported(const char *outdir, int *want, hs_error *e);

/* The option names of OUTDIR in options.csv order (by index), else in order of first
 * appearance in summary.csv. Free with plot_options_free. HS_ERR_INPUT for a malformed file
 * or a name that is not [a-z][a-z0-9_]*. */
hs_status plot_options(const char *outdir, char ***names, size_t *n, hs_error *e);
void plot_options_free(char **names, size_t n);

/* plot_options, and in *labels (when not NULL) each option's label (labels_option: options.csv's
 * label column, else a readable form of the id), in the same order; free both with
 * plot_options_free. */
hs_status plot_options_labelled(const char *outdir, char ***names, char ***labels, size_t *n,
                                hs_error *e);

/* The scripts folder (see above), absolute. Caller frees. NULL and e set when none exists. */
char *plot_scripts_dir(hs_error *e);

/* The colour of the option with index I in options.csv, "#RRGGBB" (the palette of
 * plots/common.gp, repeating after 8). */
const char *plot_option_color(size_t i);

#endif
