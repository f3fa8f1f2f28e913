#!/usr/bin/env bash
# screenshot.sh — renders report.html in headless chromium and checks the picture is not blank.
#
# Usage: tests/report/screenshot.sh [REPORT_HTML]
# Without an argument it writes an output folder with tests/report/outdir.sh into a temporary
# folder and its report with `./hostsim report` (run from the repository root, after `make`).
# Without /usr/bin/chromium it prints "skipped: chromium not installed" and exits 0.
# The screenshot (1280x2000) is kept as report.png beside the report for a look by eye.
set -u
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  echo "skipped: chromium not installed"
  exit 0
fi
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to decode the PNG"; exit 1; }

html=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$html" ]; then
  [ -x ./hostsim ] || { echo "FAIL: no ./hostsim (run make first, from the repository root)"; exit 1; }
  tests/report/outdir.sh ./hostsim "$work/out" || { echo "FAIL: tests/report/outdir.sh failed"; exit 1; }
  HOSTSIM_PLOTS=${HOSTSIM_PLOTS:-$PWD/plots} ./hostsim report "$work/out" >/dev/null \
    || { echo "FAIL: hostsim report failed"; exit 1; }
  html=$work/out/report.html
fi
[ -s "$html" ] || { echo "FAIL: no report at $html"; exit 1; }
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png=$(dirname "$abs")/report.png
url=$(python3 -c 'import sys, urllib.parse; print("file://" + urllib.parse.quote(sys.argv[1]))' "$abs")

"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars \
  --screenshot="$png" --window-size=1280,2000 "$url" >"$work/chromium.log" 2>&1
[ -s "$png" ] || { echo "FAIL: chromium wrote no screenshot"; tail -5 "$work/chromium.log"; exit 1; }

# Decode the PNG (zlib, filters) and count distinct colours: a blank or failed page has a
# handful, a page with tables and charts has hundreds.
python3 - "$png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ctype]
        assert depth == 8, 'unexpected bit depth'
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours, pos = set(), 0
for y in range(h):
    f = raw[pos]; line = bytearray(raw[pos + 1:pos + 1 + stride]); pos += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        for x in range(0, stride, bpp * 2):
            colours.add(bytes(line[x:x + 3]))
    prev = line
n = len(colours)
if n < 50:
    sys.exit(f"FAIL: the screenshot has only {n} distinct colours: a blank page?")
print(f"report screenshot ok: {w}x{h}, {n} distinct colours ({sys.argv[1]})")
PY
