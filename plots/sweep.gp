# sweep.gp — what-if: the metric and the chance of being cheapest as one parameter varies.
# Reads sweep.csv (param, value, option, metric, unit, p5, p50, p95, p_cheapest) and, when
# Variables: `param` (the swept parameter), `metric` (default 'tco'), `unit` (the metric's, from
# sweep.csv; 'CNY' shown in ¥ thousand), `logx` (1 when the values span more than two decades),
# `xo_v` and `xo_t`: the crossovers on the median basis (values ascending; each pair's text, by
# label, in double quotes), from crossover.csv. Each is a dotted line labelled once, the labels
# staggered on three rows so that neighbours never overlap; every basis is in the report's table.
# Top: median per option with its p5-p95 band (log y when medians span more than 10x).
# Bottom: probability that each option is the cheapest.

if (!exists("param")) param = ''
if (!exists("metric")) metric = 'tco'
if (!exists("unit")) unit = 'CNY'
if (!exists("logx")) logx = 0
if (!exists("xo_v")) xo_v = ''
if (!exists("xo_t")) xo_t = ''
nxo = words(xo_v)
sc = (unit eq 'CNY') ? 1000.0 : 1.0
is_pm(o) = strcol('param') eq param && strcol('metric') eq metric && strcol('option') eq o
is_p = 'strcol("param") eq param && strcol("metric") eq metric'
stats 'sweep.csv' using (@is_p ? column('value') : NaN) nooutput
xlo = STATS_min
xhi = STATS_max
stats 'sweep.csv' using (@is_p ? column('p5') / sc : NaN) nooutput
ylo = STATS_min
stats 'sweep.csv' using (@is_p ? column('p95') / sc : NaN) nooutput
yhi = STATS_max
logy = (ylo > 0 && yhi / ylo > 10)
do for [i = 1:nopt] {
    o = word(options, i)
    eval select('$s' . i, 'sweep.csv', "is_pm(o)", 'value p5 p50 p95 p_cheapest')
}

set multiplot title sprintf('What if %s changes: %s of each option and the chance it is cheapest', \
                            param, metric) font ',16'
set lmargin at screen 0.10
# the legend (right) fits the longest label: the plot ends before it, at most at 0.80
rm = 0.985 - 0.0075 * optlabel_max - 0.075
rm = rm > 0.80 ? 0.80 : rm < 0.55 ? 0.55 : rm
set rmargin at screen rm
set grid xtics ytics
tic_labels = 0
if (logx) { eval logticks('x', xlo, xhi) } else { eval ticks('x', xlo, xhi, 8) }
tic_labels = 1

# ---- top: the metric ----
set tmargin at screen 0.90
set bmargin at screen 0.435
set ylabel (unit eq 'CNY') ? sprintf('%s (¥ thousand)', metric) : sprintf('%s (%s)', metric, unit)
if (logy) {
    y0 = ylo * 0.9
    y1 = yhi * 1.1
    eval logticks('y', y0, y1)
} else {
    eval ticks('y', ylo > 0 ? 0 : ylo, yhi * 1.05, 6)
    y0 = _lo
    y1 = _hi
}
set key at screen 0.99, screen 0.90 right top font ',11'
do for [k = 1:nxo] {
    xv = real(word(xo_v, k))
    set arrow 100 + k from xv, y0 to xv, y1 nohead dt 3 lw 1.5 lc rgb '#555555' back
    right = logx ? (log(xv / xlo) > 0.6 * log(xhi / xlo)) : (xv - xlo > 0.6 * (xhi - xlo))
    xt = sprintf('%s at %s', word(xo_t, k), commas(xv))
    yt = 0.97 - 0.085 * ((k - 1) % 3)
    if (right) {
        set label 100 + k xt at xv, graph yt right offset -0.5, 0 font ',10' tc rgb '#333333' boxed front
    } else {
        set label 100 + k xt at xv, graph yt left offset 0.5, 0 font ',10' tc rgb '#333333' boxed front
    }
}
plot for [i = 1:nopt] '$s' . i using (column('value')):(column('p5') / sc):(column('p95') / sc) \
        with filledcurves fs transparent solid 0.15 lc rgb optcolor(i - 1) notitle, \
     for [i = 1:nopt] '$s' . i using (column('value')):(column('p50') / sc) \
        with linespoints lw 2.5 pt 7 ps 0.9 lc rgb optcolor(i - 1) title optlabel(i - 1), \
     NaN with filledcurves fs solid 0.3 lc rgb '#999999' title 'p5-p95', \
     (nxo ? NaN : 1/0) with lines dt 3 lw 1.5 lc rgb '#555555' title (nxo ? 'crossover (median)' : '')

# ---- bottom: P(cheapest) ----
unset label 999
do for [k = 1:nxo] { unset arrow 100 + k; unset label 100 + k }
unset logscale y
set tmargin at screen 0.395
set bmargin at screen 0.14
if (logx) { eval logticks('x', xlo, xhi) } else { eval ticks('x', xlo, xhi, 8) }
set xlabel param
set ylabel 'P(cheapest option)'
set yrange [0:1]
set ytics ('0 %%' 0, '25 %%' 0.25, '50 %%' 0.5, '75 %%' 0.75, '100 %%' 1)
unset key
plot for [i = 1:nopt] '$s' . i using (column('value')):(column('p_cheapest')) \
        with linespoints lw 2.5 pt 7 ps 0.9 lc rgb optcolor(i - 1) notitle
unset multiplot
