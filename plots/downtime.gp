# downtime.gp — chart 5: hours of downtime per year, one box per option.
# Reads summary.csv (metric downtime_hours_per_year: p5, p25, p50, p75, p95, mean) and
# options.csv (sla_downtime_hours_per_year; empty when the option has no SLA).
# Box p25-p75, whiskers p5-p95, bar the median, diamond the mean, dashed red line the SLA.
# Variable `have_sla` (default 1): 0 when options.csv is absent or no option has an SLA.
if (!exists("have_sla")) have_sla = 1

set title 'Downtime per year: spread across trajectories, and the SLA where there is one'
set ylabel 'downtime (hours per year)'

is_dt(o) = strcol('option') eq o && strcol('metric') eq 'downtime_hours_per_year'
set print $box
print 'i,p5,p25,p50,p75,p95,mean'
ymax = 0
do for [i = 1:nopt] {
    o = word(options, i)
    stats 'summary.csv' using (is_dt(o) ? column('p5') : 0) nooutput
    p5 = STATS_sum
    stats 'summary.csv' using (is_dt(o) ? column('p25') : 0) nooutput
    p25 = STATS_sum
    stats 'summary.csv' using (is_dt(o) ? column('p50') : 0) nooutput
    p50 = STATS_sum
    stats 'summary.csv' using (is_dt(o) ? column('p75') : 0) nooutput
    p75 = STATS_sum
    stats 'summary.csv' using (is_dt(o) ? column('p95') : 0) nooutput
    p95 = STATS_sum
    stats 'summary.csv' using (is_dt(o) ? column('mean') : 0) nooutput
    mean = STATS_sum
    print sprintf('%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g', i, p5, p25, p50, p75, p95, mean)
    ymax = p95 > ymax ? p95 : ymax
    set label i sprintf('median %.1f h', p50) at i, p50 offset 7, 0 left font ',11' \
        tc rgb optcolor(i - 1)
    set label 100 + i optlabel(i - 1) at i, graph 0 offset 0, -1.2 center tc rgb optcolor(i - 1) font ',13'
}
unset print
if (have_sla) {
    stats 'options.csv' using (column('sla_downtime_hours_per_year')) nooutput
    ymax = STATS_max > ymax ? STATS_max : ymax
}
sla = 'column("sla_downtime_hours_per_year")'
sla_plot = !have_sla ? '' : \
    ", 'options.csv' using (column('index') + 0.62):(@sla):(0.76):(0) \
        with vectors nohead dt 2 lw 2.5 lc rgb '#C00000' title 'SLA limit', \
     'options.csv' using (column('index') + 1):(@sla):(sprintf('SLA %.1f h', @sla)) \
        with labels boxed offset 0, 0.9 tc rgb '#C00000' notitle"
eval ticks('y', 0, ymax * 1.05, 6)
set xrange [0.4:nopt + 0.75]
set xtics 1 format '' scale 0
set grid noxtics ytics
set boxwidth 0.45
set key top right
plot for [i = 1:nopt] $box using ($1 == i ? $1 : NaN):3:2:6:5 with candlesticks whiskerbars 0.5 \
        fs solid 0.35 border lc rgb optcolor(i - 1) lw 1.5 fc rgb optcolor(i - 1) notitle, \
     for [i = 1:nopt] $box using ($1 == i ? $1 : NaN):4:4:4:4 with candlesticks \
        lc rgb optcolor(i - 1) lw 3 notitle, \
     $box using 1:7 with points pt 12 ps 1.6 lc rgb '#333333' title 'mean', \
     NaN with boxes fs solid 0.35 lc rgb '#888888' title 'p25-p75 (box), p5-p95 (whiskers)' \
     @sla_plot
