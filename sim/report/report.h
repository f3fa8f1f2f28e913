/* report.h — the one-file report of an output folder: OUTDIR/report.html.
 *
 * Self-contained (the charts' SVGs embedded as images, data:image/svg+xml;base64, so that no
 * file of the folder can run script in the reader's browser; no script, no external resource,
 * print CSS):
 * the question, the headline answer (cheapest option by median tco and how sure that is,
 * most available option), a summary table per option, the charts, the sensitivity results
 * (tornado, crossovers) when present, the value of information (voi.csv: report_voi.c), the
 * input checks, the assumptions (params.csv) with
 * their sources, and the manifest. Every text taken from a CSV file is HTML-escaped. Every
 * table and chart is labelled with its own provenance (plot_chart_provenance: the command, its
 * N, seed and overrides), and one whose data is not part of the set manifest.csv describes is
 * flagged in red as not from this run.
 * Charts missing or older than the CSV files are rendered first (plot_run, gnuplot on PATH);
 * without gnuplot the report says the charts were skipped.
 */
#ifndef HS_REPORT_H
#define HS_REPORT_H

#include "base/hs_error.h"

/* Writes OUTDIR/report.html (atomically), and with pdf=1 also OUTDIR/report.pdf printed by
 * headless chromium (/usr/bin/chromium, else chromium on PATH). With pdf=1 and no chromium:
 * HS_ERR_RUNTIME saying chromium is missing, and nothing is written. No summary.csv in OUTDIR:
 * HS_ERR_INPUT. A malformed CSV file: HS_ERR_INPUT naming file:line:column. */
hs_status report_write(const char *outdir, int pdf, hs_error *e);

#endif
