# sobol.gp — sensitivity: Sobol indices per input. S1 = share of the metric's variance due to
# the input alone; ST = share including its interactions. Reads sobol.csv; bars with 95 %
# confidence intervals (S1_lo..S1_hi, ST_lo..ST_hi). Variable `metric` (default: first row's).
# Inputs in file order (at most 15).

if (!exists("metric")) metric = ''
set title sprintf('Which inputs drive the variance of %s (Sobol indices)', metric) offset -8, 0
set xlabel 'share of the variance of the metric'
is_m = 'strcol("metric") eq metric'
stats 'sobol.csv' using (@is_m ? 1 : 0) nooutput
n = int(STATS_sum)
n = n > 15 ? 15 : n
# the file row holding the n-th row of the metric: rows after it are not read, so that
# ytic() never labels a row that is not drawn
stats 'sobol.csv' using (_c = ($0 == 0 ? 0 : _c) + (@is_m ? 1 : 0), (@is_m && _c == n) ? $0 : NaN) nooutput
last = int(STATS_max)
stats 'sobol.csv' using (@is_m ? column('ST_hi') : NaN) nooutput
xmax = STATS_max
stats 'sobol.csv' using (@is_m ? column('S1_hi') : NaN) nooutput
xmax = STATS_max > xmax ? STATS_max : xmax
xmax = xmax > 1 ? 1 : (xmax <= 0 ? 1 : xmax)
set xrange [0:xmax * 1.1]
set format x '%.1f'
set yrange [n + 0.7:0.3]
set ytics scale 0 font ',11'
set grid xtics noytics
set lmargin 30
eval key_bottom
set bmargin 8
rank = '(_r = ($0 == 0 ? 0 : _r) + (@is_m ? 1 : 0), @is_m && _r <= n ? _r : NaN)'
plot 'sobol.csv' every ::0::last using (column('S1') / 2):(@rank - 0.19):(0):(column('S1')):(_r - 0.35):(_r - 0.03) \
        :ytic(strcol('input')) with boxxyerror fs solid 0.85 fc rgb '#4E79A7' \
        title 'S1 (input alone)', \
     'sobol.csv' every ::0::last using (column('ST') / 2):(@rank + 0.19):(0):(column('ST')):(_r + 0.03):(_r + 0.35) \
        with boxxyerror fs solid 0.85 fc rgb '#E15759' title 'ST (with interactions)', \
     'sobol.csv' every ::0::last using (column('S1')):(@rank - 0.19):(column('S1_lo')):(column('S1_hi')) \
        with xerrorbars pt -1 lw 1.5 lc rgb '#222222' title '95 % confidence interval', \
     'sobol.csv' every ::0::last using (column('ST')):(@rank + 0.19):(column('ST_lo')):(column('ST_hi')) \
        with xerrorbars pt -1 lw 1.5 lc rgb '#222222' notitle
