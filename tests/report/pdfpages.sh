#!/usr/bin/env bash
# pdfpages.sh — the report as a board reads it on paper: the executive part (everything before
# the appendix) prints on at most MAX pages (default 2), and the whole PDF, with the appendix,
# stays short. Prints the executive part alone through headless chromium (a copy of the page
# with the appendix hidden), counts the pages of both PDFs, and keeps exec.png, a screenshot of
# the executive part, beside the report for a look by eye.
#
# Usage: tests/report/pdfpages.sh REPORT_HTML [MAX_EXEC] [MAX_ALL]
# Without /usr/bin/chromium it prints "skipped: chromium not installed" and exits 0.
set -u
chromium=/usr/bin/chromium
[ -x "$chromium" ] || { echo "skipped: chromium not installed"; exit 0; }
html=${1:?usage: pdfpages.sh REPORT_HTML [MAX_EXEC] [MAX_ALL]}
max_exec=${2:-2}
max_all=${3:-16}
[ -s "$html" ] || { echo "FAIL: no report at $html"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=$(cd "$(dirname "$html")" && pwd)
grep -q '<div id="appendix">' "$html" || { echo "FAIL: the report has no appendix part"; exit 1; }
sed 's#</style>#\#appendix{display:none}</style>#' "$html" >"$work/exec.html"
cr() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --no-pdf-header-footer "$@" >>"$work/log" 2>&1
}
cr --print-to-pdf="$work/exec.pdf" "file://$work/exec.html"
cr --print-to-pdf="$work/all.pdf" "file://$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$dir/$(basename "$html")")"
cr --screenshot="$dir/exec.png" --window-size=1280,1900 "file://$work/exec.html"
pages() { python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1], "rb").read())))' "$1"; }
[ -s "$work/exec.pdf" ] && [ -s "$work/all.pdf" ] || { echo "FAIL: chromium printed no PDF"; tail -3 "$work/log"; exit 1; }
ne=$(pages "$work/exec.pdf"); na=$(pages "$work/all.pdf")
[ "$ne" -ge 1 ] && [ "$ne" -le "$max_exec" ] || { echo "FAIL: the executive part prints on $ne pages (at most $max_exec)"; exit 1; }
[ "$na" -gt "$ne" ] && [ "$na" -le "$max_all" ] || { echo "FAIL: the whole report prints on $na pages (executive $ne, at most $max_all in all)"; exit 1; }
echo "report pdf ok: executive part $ne page(s) of $na"
