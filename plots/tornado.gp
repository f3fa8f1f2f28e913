# tornado.gp — sensitivity: how far the metric moves when one input goes to its p10 or p90
# (the others at their base). Reads tornado.csv (sorted by swing, largest first).
# Variables: `metric` (the tornado.csv metric to show; default: the first row's) and `unit`
# (its unit, from tornado.csv's unit column; 'CNY' is shown in ¥ thousand). At most 15 inputs
# are shown.

if (!exists("metric")) metric = ''
if (!exists("unit")) unit = 'CNY'
money_axis = (unit eq 'CNY')
sc = money_axis ? 1000.0 : 1.0
fmtnum(x) = abs(x) >= 1000 ? commas(x) : sprintf('%.3g', x)
set title sprintf('What moves %s: one input at a time at its p10 and p90', metric) offset -8, 0
set xlabel money_axis ? sprintf('%s (¥ thousand)', metric) : sprintf('%s (%s)', metric, unit)

is_m = 'strcol("metric") eq metric'
stats 'tornado.csv' using (@is_m ? 1 : 0) nooutput
n = int(STATS_sum)
n = n > 15 ? 15 : n
# the file row holding the n-th row of the metric: rows after it are not read, so that
# ytic() never labels a row that is not drawn
stats 'tornado.csv' using (_c = ($0 == 0 ? 0 : _c) + (@is_m ? 1 : 0), (@is_m && _c == n) ? $0 : NaN) nooutput
last = int(STATS_max)
stats 'tornado.csv' using (@is_m ? column('base') : NaN) nooutput
base = STATS_max
stats 'tornado.csv' using (@is_m ? column('metric_at_p10') / sc : NaN) nooutput
lo1 = STATS_min
hi1 = STATS_max
stats 'tornado.csv' using (@is_m ? column('metric_at_p90') / sc : NaN) nooutput
lo = STATS_min < lo1 ? STATS_min : lo1
hi = STATS_max > hi1 ? STATS_max : hi1
pad = (hi - lo) * 0.18 + (hi == lo ? 1 : 0)
eval ticks('x', lo - pad, hi + pad, 8)
set yrange [n + 0.7:0.3]
set ytics scale 0 font ',11'
set grid xtics noytics
set arrow 1 from base / sc, graph 0 to base / sc, graph 1 nohead lw 1.5 lc rgb '#333333' front
set label 1 sprintf('base %s', money_axis ? money(base) : fmtnum(base)) at base / sc, graph 1 \
    offset 0, 0.6 center font ',11'
set lmargin 30
eval key_bottom
set bmargin 8
rank = '(_r = ($0 == 0 ? 0 : _r) + (@is_m ? 1 : 0), @is_m && _r <= n ? _r : NaN)'
bar(c) = sprintf('((column("%s") / sc + base / sc) / 2):(@rank):(column("%s") < base ? column("%s") / sc : base / sc):(column("%s") < base ? base / sc : column("%s") / sc):(_r - 0.36):(_r + 0.36)', c, c, c, c, c)
b10 = bar('metric_at_p10')
b90 = bar('metric_at_p90')
# value labels at the outer end of each bar: the input's p10 / p90 value
# the rank is taken first, on every row: inside the ?: it would count only the rows shown
lab(c, v, side) = sprintf("(column('%s') / sc):(_rk = @rank, column('%s') %s base ? _rk : NaN):(' ' . fmtnum(column('%s')) . ' ')", c, c, side, v)
l10l = lab('metric_at_p10', 'p10_value', '<=')
l10r = lab('metric_at_p10', 'p10_value', '>')
l90l = lab('metric_at_p90', 'p90_value', '<')
l90r = lab('metric_at_p90', 'p90_value', '>=')
plot 'tornado.csv' every ::0::last using @b10:ytic(strcol('input')) with boxxyerror fs solid 0.85 \
        fc rgb '#4E79A7' title 'input at its p10', \
     'tornado.csv' every ::0::last using @b90 with boxxyerror fs solid 0.85 fc rgb '#F28E2B' \
        title 'input at its p90', \
     'tornado.csv' every ::0::last using @l10l with labels right font ',9' tc rgb '#2C4A6B' notitle, \
     'tornado.csv' every ::0::last using @l10r with labels left font ',9' tc rgb '#2C4A6B' notitle, \
     'tornado.csv' every ::0::last using @l90l with labels right font ',9' tc rgb '#A65A12' notitle, \
     'tornado.csv' every ::0::last using @l90r with labels left font ',9' tc rgb '#A65A12' notitle
