# tco_hist.gp — chart 1: distribution of the 5-year total cost of ownership per option.
# Reads hist.csv (metric tco: bins and densities) and summary.csv (tco p50, the median).
# Overlaid translucent histograms, one colour per option; a dashed line marks each median.

set title 'Total cost of ownership over the horizon: distribution across trajectories'
set xlabel 'total cost of ownership, nominal (¥ thousand)'
set ylabel 'share of trajectories (% per ¥1,000)'

is_tco(o) = strcol('option') eq o && strcol('metric') eq 'tco'
stats 'hist.csv' using (strcol('metric') eq 'tco' ? column('bin_lo') / 1000 : NaN) nooutput
xlo = STATS_min
stats 'hist.csv' using (strcol('metric') eq 'tco' ? column('bin_hi') / 1000 : NaN) nooutput
xhi = STATS_max
stats 'hist.csv' using (strcol('metric') eq 'tco' ? column('density') * 1e5 : NaN) nooutput
ymax = STATS_max
array med[nopt]
do for [i = 1:nopt] {
    o = word(options, i)
    stats 'summary.csv' using (is_tco(o) ? column('p50') : NaN) nooutput
    med[i] = STATS_max
}
eval ticks('x', xlo, xhi, 8)
set yrange [0:ymax * (1.12 + 0.07 * nopt)]
set format y '%.1f'

do for [i = 1:nopt] {
    o = word(options, i)
    set arrow i from med[i] / 1000, graph 0 to med[i] / 1000, graph 0.97 - 0.07 * i nohead \
        dt 2 lw 2 lc rgb optcolor(i - 1) front
    # each label runs away from the nearer edge, so none is cut off
    lt = sprintf('%s median %s', optlabel(i - 1), money(med[i]))
    if (med[i] / 1000 - _lo < 0.5 * (_hi - _lo)) {
        set label i lt at med[i] / 1000, graph 0.985 - 0.07 * i left offset -0.5, 0 tc rgb optcolor(i - 1) front
    } else {
        set label i lt at med[i] / 1000, graph 0.985 - 0.07 * i right offset 0.5, 0 tc rgb optcolor(i - 1) front
    }
}
# the legend on its own line below the plot, above the footer: the median labels have the top
eval key_bottom
set bmargin 8
plot for [i = 1:nopt] 'hist.csv' \
    using (is_tco(word(options, i)) ? (column('bin_lo') + column('bin_hi')) / 2000 : NaN) \
         :(column('density') * 1e5):((column('bin_hi') - column('bin_lo')) / 1000) \
    with boxes fs transparent solid 0.35 border lc rgb optcolor(i - 1) \
    lc rgb optcolor(i - 1) title optlabel(i - 1)
