#!/usr/bin/python3
"""tests/e2e/xlsx_check.py OUTDIR: report.xlsx holds the folder's CSV values.

Reads OUTDIR/report.xlsx back with openpyxl and checks every cell of the sheets that copy a
CSV file (Summary, Compare, Monthly, Assumptions, Manifest, Cost by year when yearly.csv is
there) against the file: a number must be stored as a number equal to the CSV's (relative
1e-12), text as the same text; Cost by category must hold summary.csv's cost.<category> means;
the Charts sheet must carry two native charts (a line chart and a stacked column chart).
Prints "N passed, M failed" and exits 1 on a failure.
"""
import csv
import math
import os
import sys
import zipfile

import openpyxl

out = sys.argv[1]
book = os.path.join(out, 'report.xlsx')
wb = openpyxl.load_workbook(book)
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL', what)


def number(s):
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) and s.strip().lower() not in ('nan', 'inf') else None


def same(cell, text, where):
    v = number(text)
    if v is not None:
        return isinstance(cell, (int, float)) and not isinstance(cell, bool) and \
            abs(cell - v) <= 1e-12 * max(1.0, abs(v))
    return (cell if cell is not None else '') == text


def rows(name):
    with open(os.path.join(out, name), newline='') as f:
        return list(csv.reader(f))


sheets = {'Summary': 'summary.csv', 'Compare': 'compare.csv', 'Monthly': 'monthly.csv',
          'Assumptions': 'params.csv', 'Manifest': 'manifest.csv', 'Cost by year': 'yearly.csv'}
for sheet, name in sheets.items():
    if not os.path.exists(os.path.join(out, name)):
        check(sheet not in wb.sheetnames, f'{sheet}: no {name}, yet the sheet is there')
        continue
    check(sheet in wb.sheetnames, f'{sheet}: missing')
    if sheet not in wb.sheetnames:
        continue
    ws, table = wb[sheet], rows(name)
    if sheet == 'Manifest':  # the set's files: the commit that adds report.xlsx rewrites it
        table = [row for row in table if row[0] != 'files']
    bad = 0
    for r, row in enumerate(table, start=1):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c).value
            if not same(cell, text, (sheet, r, c)):
                bad += 1
                if bad <= 3:
                    print(f'  {sheet}!R{r}C{c}: {cell!r}, {name} has {text!r}')
    check(bad == 0, f'{sheet}: {bad} cells differ from {name}')
    check(ws.max_row == len(table), f'{sheet}: {ws.max_row} rows, {name} has {len(table)}')

summary = rows('summary.csv')
head = summary[0]
ws = wb['Cost by category']
opts = [ws.cell(row=1, column=c).value for c in range(2, ws.max_column + 1)]
cats = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
want = {(row[0], row[1][5:]): float(row[head.index('mean')]) for row in summary[1:]
        if row[1].startswith('cost.')}
bad = sum(1 for i, cat in enumerate(cats) for k, o in enumerate(opts)
          if (o, cat) in want and abs(ws.cell(row=i + 2, column=k + 2).value - want[(o, cat)])
          > 1e-9 * max(1.0, abs(want[(o, cat)])))
check(len(cats) * len(opts) >= len(want) and bad == 0, f'Cost by category: {bad} means differ')
money = wb['Summary'].cell(row=2, column=head.index('mean') + 1).number_format
check(money == '#,##0', f'Summary: a CNY mean formatted {money!r}, expected #,##0')

with zipfile.ZipFile(book) as z:
    charts = [n for n in z.namelist() if n.startswith('xl/charts/chart')]
    kinds = ''.join(z.read(n).decode() for n in charts)
check(len(charts) == 2, f'Charts: {len(charts)} charts, expected 2')
check('<c:lineChart>' in kinds, 'Charts: no line chart (the S-curves)')
check('<c:grouping val="stacked"/>' in kinds, 'Charts: no stacked column chart (the breakdown)')
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
