# cost_fan.gp — chart 3: fan chart of the cumulative cost, month by month, one panel per option.
# Reads monthly.csv: per option and month, the cumulative nominal cost (p5, p25, p50, p75, p95).
# Light band p5-p95, darker band p25-p75, line the median; every panel has the same y scale.

t(s) = strptime('%Y-%m-%d', s)
do for [i = 1:nopt] {
    o = word(options, i)
    eval select('$m' . i, 'monthly.csv', "strcol('option') eq o", '~date p5 p25 p50 p75 p95')
}
stats 'monthly.csv' using (column('p95') / 1000) nooutput
ymax = STATS_max
stats 'monthly.csv' using (t(strcol('date'))) nooutput
tlo = STATS_min
thi = STATS_max

ncol = nopt <= 3 ? nopt : (nopt <= 4 ? 2 : 3)
nrow = int(ceil(real(nopt) / ncol))
set bmargin
set multiplot layout nrow, ncol \
    title 'Cumulative cost month by month: median, 50 % and 90 % bands' font ',16' \
    margins 0.08, 0.98, 0.12, 0.88 spacing 0.07, 0.12
set xdata time
set timefmt '%Y-%m-%d'
set format x '%Y'
set xrange [tlo:thi + 15 * 86400]
set xtics 365.25 * 86400 font ',10'
eval ticks('y', 0, ymax, 4)
set ytics font ',10'
set grid xtics ytics
set key top left font ',10' samplen 2 spacing 1.0
do for [i = 1:nopt] {
    o = word(options, i)
    c = optcolor(i - 1)
    set title optlabel(i - 1) tc rgb c font ',13'
    set ylabel (i - 1) % ncol == 0 ? 'cumulative cost (¥ thousand)' : '' font ',10'
    if (i == 2) { unset label 999; unset key }
    tl = (i == 1)
    plot '$m' . i using (t(strcol('date'))):(column('p5') / 1000):(column('p95') / 1000) \
            with filledcurves fs transparent solid 0.18 lc rgb c title (tl ? 'p5-p95 (90 %)' : ''), \
         '$m' . i using (t(strcol('date'))):(column('p25') / 1000):(column('p75') / 1000) \
            with filledcurves fs transparent solid 0.40 lc rgb c title (tl ? 'p25-p75 (50 %)' : ''), \
         '$m' . i using (t(strcol('date'))):(column('p50') / 1000) \
            with lines lw 2.5 lc rgb c title (tl ? 'median' : '')
}
unset multiplot
