# common.gp — the preamble every chart script runs after; hostsim passes it first:
#   cd OUTDIR && gnuplot -e "fmt='png'" -e "out='plots/x.png'" -e "options='a b c'" \
#                        -e "footer='...'" plots/common.gp plots/CHART.gp
# Variables (all optional when run by hand):
#   fmt      'png' (pngcairo 1200x700) or 'svg' (1200x700, white background)
#   out      output file name
#   options  option names, space-separated, in options.csv order (index 0 first)
#   labels   their human labels, each in double quotes, same order (default: the names)
#   footer   one line of small grey text at the bottom (scenario, N, seed, version)
#   footer_color  its colour ('#777777'; hostsim passes red for data of unknown provenance)
# Every script reads the CSV files of the current folder by column name.

if (!exists("fmt")) fmt = 'png'
if (!exists("out")) out = 'chart.' . fmt
if (!exists("options")) options = ''
if (!exists("labels")) labels = options
if (!exists("footer")) footer = ''
if (!exists("footer_color")) footer_color = '#777777'

set encoding utf8
if (fmt eq 'svg') {
    set terminal svg size 1200,700 font 'DejaVu Sans,11' fontscale 1.3333 background rgb 'white' noenhanced
} else {
    set terminal pngcairo size 1200,700 font 'DejaVu Sans,11' background rgb 'white' noenhanced
}
set output out

set datafile separator ','
set datafile columnheaders

# ---- colours: one per option, by its index in options.csv (same on every chart) ----
palette_opt = '#0072B2 #E69F00 #009E73 #D55E00 #CC79A7 #56B4E9 #8C564B #5F5F5F'
optcolor(i) = word(palette_opt, (i % 8) + 1)
# the same colours as 0xRRGGBB integers, for `lc rgb variable` (add alpha << 24 to fade)
palette_int = '29362 15113984 40563 13983232 13400487 5682409 9197131 6250335'
optrgb(i) = int(word(palette_int, (i % 8) + 1))
nopt = words(options)
optname(i) = word(options, i + 1)
_oi(s, i) = (i > nopt) ? -1 : (word(options, i) eq s ? i - 1 : _oi(s, i + 1))
optindex(s) = _oi(s, 1)
# what a reader sees: the label of the option with index i (from 0), or of the option named s
optlabel(i) = word(labels, i + 1)
labelof(s) = optindex(s) < 0 ? s : optlabel(optindex(s))
# the length of the longest label, for margins that make room for it (about 0.0075 of a
# 1200-pixel width per character at the default font)
optlabel_max = 0
do for [_i = 1:nopt] { optlabel_max = strlen(optlabel(_i - 1)) > optlabel_max ? strlen(optlabel(_i - 1)) : optlabel_max }
# a name for people from an identifier: underscores become spaces ("it_labour" -> "it labour")
readable(s) = strstrt(s, '_') ? s[1:strstrt(s, '_') - 1] . ' ' . readable(s[strstrt(s, '_') + 1:]) : s
# colours for things that are not options (cost categories): 10 strong, then 10 light
palette_cat = '#1F77B4 #FF7F0E #2CA02C #D62728 #9467BD #8C564B #E377C2 #7F7F7F #BCBD22 #17BECF \
#AEC7E8 #FFBB78 #98DF8A #FF9896 #C5B0D5 #C49C94 #F7B6D2 #C7C7C7 #DBDB8D #9EDAE5'
catcolor(j) = word(palette_cat, (j % 20) + 1)

# ---- numbers with thousands separators (the C locale has none) ----
_c3(n) = (n < 1000) ? sprintf("%d", n) : _c3(n / 1000) . sprintf(",%03d", n % 1000)
commas(x) = (x != x) ? '' : (abs(x) >= 1e15) ? sprintf('%.3g', x) : \
            (x < 0 && int(abs(x) + 0.5) > 0 ? "-" : "") . _c3(int(abs(x) + 0.5))
money(x) = (x < 0 ? "-¥" : "¥") . commas(abs(x))
pct(p) = sprintf("%.0f %%", 100 * p)
# a probability estimated from n trajectories (mc_n; 0 = unknown), as the report writes it
# (sim/report/pbound.h): all n -> the one-sided 95 % lower bound 0.05^(1/n), "≥ 99.0 %"; none ->
# "≤" the upper bound; never 0 % or 100 % for an estimate strictly between
if (!exists("mc_n")) mc_n = 0
_pb(n) = 0.05 ** (1.0 / n)
pctb(p, n) = (n >= 1 && p * n >= n - 0.5) ? sprintf("≥ %.1f %%", floor(1000 * _pb(n)) / 10) : \
             (n >= 1 && p * n <= 0.5) ? sprintf("≤ %.1f %%", ceil(1000 * (1 - _pb(n))) / 10) : \
             (p >= 0.995 && p < 1) ? sprintf("%.1f %%", floor(1000 * p) / 10) : \
             (p > 0 && p < 0.005) ? sprintf("%.1f %%", ceil(1000 * p) / 10) : pct(p)
# a "nice" tic step for a span cut in about n pieces
nice_step(span, n) = (span <= 0 ? 1 : (_r = span / n, _m = 10**floor(log10(_r)), _f = _r / _m, \
                      (_f < 1.5 ? 1 : _f < 3 ? 2 : _f < 7 ? 5 : 10) * _m))
# a tic label for value v on a step st: separators, and as many decimals as the step needs
# (a step of 0.05 gives 0.05, 0.10, ...; never two tics with the same text)
tic_dec(st) = st >= 1 ? 0 : int(ceil(-log10(st) - 1e-9))
ticfmt(v, st) = st >= 1 ? commas(v) : sprintf(sprintf('%%.%df', tic_dec(st)), v)
# eval ticks('y', lo, hi, n): range rounded out to whole steps, tic labels with separators
# (no labels while tic_labels = 0)
tic_labels = 1
ticks(ax, lo, hi, n) = sprintf("_st = nice_step(%.17g, %d); _lo = floor(%.17g / _st + 1e-9) * _st; \
_hi = ceil(%.17g / _st - 1e-9) * _st; if (_hi <= _lo) { _hi = _lo + _st }; \
set %srange [_lo:_hi]; set %stics (); \
do for [_k = int(floor(_lo / _st + 0.5)):int(floor(_hi / _st + 0.5))] { set %stics add ((tic_labels ? ticfmt(_k * _st, _st) : '') _k * _st) }", \
    hi - lo, n, lo, hi, ax, ax, ax)
# eval logticks('x', lo, hi): logarithmic axis with 1-2-5 tics labelled with separators
logticks(ax, lo, hi) = sprintf("set logscale %s; set %srange [%.17g:%.17g]; set %stics (); \
do for [_e = int(floor(log10(%.17g))):int(ceil(log10(%.17g)))] { do for [_m in '1 2 5'] { \
_v = real(_m) * 10**_e; if (_v >= %.17g * 0.999 && _v <= %.17g * 1.001) { set %stics add ((tic_labels ? commas(_v) : '') _v) } } }", \
    ax, ax, lo, hi, ax, lo, hi, lo, hi, ax)

# ---- row selection ----
# eval select('$db', 'file.csv', 'condition', 'col1 col2 ~col3'): copies the rows of a CSV file
# that satisfy the condition into datablock $db, with a header and the listed columns (numbers at
# full precision; a name starting with ~ is copied as text). Lines and bands need one option's
# rows together, whatever the order of the file; selecting first gives that.
_j(s, i) = i > words(s) ? '' : (i > 1 ? ',' : '') . (word(s, i)[1:1] eq '~' ? word(s, i)[2:] : word(s, i)) . _j(s, i + 1)
_u(s, i) = i > words(s) ? '' : (i > 1 ? ':' : '') . (word(s, i)[1:1] eq '~' \
    ? sprintf("(strcol('%s'))", word(s, i)[2:]) \
    : sprintf("(sprintf('%%.10g', column('%s')))", word(s, i))) . _u(s, i + 1)
select(db, file, cond, cols) = sprintf("set print %s; print '%s'; unset print; \
set table %s append separator comma; plot '%s' using %s with table if (%s); unset table", \
    db, _j(cols, 1), db, file, _u(cols, 1), cond)

# ---- one look for every chart ----
set border 3 lc rgb '#555555'
set tics nomirror out
set grid lc rgb '#e4e4e4' lw 1 dt 1
set key top right opaque box lc rgb '#cccccc' samplen 2.5 spacing 1.2
set title font ',16'
set style fill solid 1.0 noborder
set style textbox opaque fillcolor rgb 'white' noborder margins 2, 1
set bmargin 6
# footer: call `eval footer_on` in the (first) plot of a chart
# a legend below the plot sits on its own line above the footer, never across it (with bmargin 8)
key_bottom = "set key at screen 0.02, screen 0.045 left bottom horizontal nobox noopaque"
footer_on = "set label 999 footer at screen 0.99, screen 0.02 right font ',9' tc rgb footer_color front"
eval footer_on
