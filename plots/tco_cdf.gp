# tco_cdf.gp — chart 2: S-curves of the 5-year total cost of ownership per option.
# Reads cdf.csv (metric tco: the quantile function at p = 0, 0.01, ..., 1).
# Each curve gives, for a cost x, the probability that the option costs at most x;
# dots mark p5, p50 and p95, labelled with the cost at p50.

set title 'Probability that the total cost of ownership stays below a given amount (S-curves)'
set xlabel 'total cost of ownership, nominal (¥ thousand)'
set ylabel 'probability that the cost is at most x'

is_tco(o) = strcol('option') eq o && strcol('metric') eq 'tco'
near(p, q) = abs(p - q) < 1e-6
marked(p) = near(p, 0.05) || near(p, 0.5) || near(p, 0.95)
stats 'cdf.csv' using (strcol('metric') eq 'tco' ? column('value') / 1000 : NaN) nooutput
xlo = STATS_min
xhi = STATS_max
array med[nopt]
do for [i = 1:nopt] {
    o = word(options, i)
    eval select('$c' . i, 'cdf.csv', "is_tco(o)", 'p value')
}
do for [i = 1:nopt] {
    stats 'cdf.csv' using (is_tco(word(options, i)) && near(column('p'), 0.5) ? column('value') : NaN) nooutput
    med[i] = STATS_max
}
eval ticks('x', xlo, xhi, 8)
set yrange [0:1]
set ytics ('0 %%' 0, '5 %%' 0.05, '25 %%' 0.25, '50 %%' 0.5, '75 %%' 0.75, '95 %%' 0.95, '100 %%' 1)
set grid ytics xtics
do for [i = 1:nopt] {
    set label i sprintf('%s  p50 %s', optlabel(i - 1), money(med[i])) at med[i] / 1000, 0.5 \
        offset 1, -1.2 - 1.3 * ((i - 1) % 2) left boxed tc rgb optcolor(i - 1) front
}
set key bottom right
plot for [i = 1:nopt] '$c' . i using (column('value') / 1000):(column('p')) \
        with lines lw 2.5 lc rgb optcolor(i - 1) title optlabel(i - 1), \
     for [i = 1:nopt] 'cdf.csv' \
        using (is_tco(word(options, i)) && marked(column('p')) ? column('value') / 1000 : NaN) \
             :(column('p')) \
        with points pt 7 ps 1.3 lc rgb optcolor(i - 1) notitle, \
     NaN with points pt 7 ps 1.3 lc rgb '#555555' title 'p5, p50, p95'
