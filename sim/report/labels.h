/* labels.h — the human label of an option: the one place the charts and the report get it.
 *
 * A label comes from the output folder's options.csv (its `label` column, when the scenario
 * gave one); without it, a readable form of the option's id. Every chart, table and the
 * report shows labels; ids (`self_hosted`) appear only where a reader must type them
 * (`--set self_hosted.salary=...`, the assumptions' parameter names).
 */
#ifndef HS_LABELS_H
#define HS_LABELS_H

#include <stddef.h>

/* Writes into B (N bytes, N > 0, always terminated) the label of option ID: LABEL when it holds
 * a visible character (LABEL may be NULL), its control characters made spaces and its double
 * quotes made single ones (a label is passed to gnuplot inside double quotes); else the id with
 * its underscores made spaces and its first letter capitalised ("self_hosted" ->
 * "Self hosted"). Returns B. */
char *labels_option(char *b, size_t n, const char *id, const char *label);

/* The label of result ID (an option or a strategy) of output folder OUTDIR: the `label` of its
 * row in the folder's options.csv or strategies.csv, else labels_option's fallback. Reads the
 * two files at each call (they are a few rows). Returns B. */
char *labels_lookup(char *b, size_t n, const char *outdir, const char *id);

#endif
