/* xlsx.h — the Excel workbook of an output folder: OUTDIR/report.xlsx (libxlsxwriter).
 *
 * Sheets, each a table of the folder with numbers as numbers (money with thousands
 * separators), the header frozen: Summary (summary.csv), Compare (compare.csv), Cost by
 * category (the mean of each cost.<category> metric, option by option, from summary.csv),
 * Cost by year (yearly.csv, when the folder has one), Monthly (monthly.csv), Assumptions
 * (params.csv: value, unit and source of every parameter), Manifest (manifest.csv); and
 * Charts: native Excel charts of the cumulative cost's median by month per option (the TCO
 * S-curves) and of the cost breakdown per option (stacked columns). A sheet whose file is
 * absent is left out; summary.csv is required. docs/outputs.md lists the sheets.
 */
#ifndef HS_XLSX_H
#define HS_XLSX_H

#include "base/hs_error.h"

/* Writes OUTDIR/report.xlsx: to a private temporary name in OUTDIR, renamed on success (a
 * failure leaves nothing). No summary.csv: HS_ERR_INPUT; a malformed CSV file: HS_ERR_INPUT
 * naming file:line:column; libxlsxwriter failing: HS_ERR_RUNTIME. */
hs_status xlsx_write(const char *outdir, hs_error *e);

#endif
