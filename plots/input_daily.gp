# input_daily.gp — chart 7b (input check): the first simulated year of trajectory 0, day by day.
# Reads daily.csv (date, option, messages, downtime_hours, overflow_hours).
# Top: messages demanded per day (the same demand for every option), which shows the seasonal
# peaks. Bottom: one row per option; a dot on each day with downtime (area grows with the
# hours), a tick on each day with overflow hours.

t(s) = strptime('%Y-%m-%d', s)
first = word(options, 1)
is_opt(o) = strcol('option') eq o
stats 'daily.csv' using (is_opt(first) ? column('messages') : NaN) nooutput
mmax = STATS_max
mtot = STATS_sum
stats 'daily.csv' using (t(strcol('date'))) nooutput
tlo = STATS_min
thi = STATS_max
stats 'daily.csv' using (column('downtime_hours')) nooutput
hmax = STATS_max > 0 ? STATS_max : 1

set multiplot title 'Input check: the first simulated year, day by day (trajectory 0)' font ',16'
set xdata time
set timefmt '%Y-%m-%d'
set format x '%b'
set xrange [tlo - 86400:thi + 86400]
set xtics 30.4375 * 86400 * 1 scale 0.5

# ---- top: demand ----
# the left margin fits the longest option label of the bottom panel, at least 0.10, at most 0.30
lm = 0.02 + 0.0075 * optlabel_max
lm = lm < 0.10 ? 0.10 : lm > 0.30 ? 0.30 : lm
set lmargin at screen lm
set rmargin at screen 0.97
set tmargin at screen 0.89
set bmargin at screen 0.47
set ylabel 'messages per day'
eval ticks('y', 0, mmax * 1.05, 5)
set grid xtics ytics
set format x ''
set key at graph 0.5, graph 0.97 center top font ',11'
plot 'daily.csv' using (is_opt(first) ? t(strcol('date')) : NaN):(column('messages')) \
        with impulses lw 2 lc rgb '#6B7B8C' \
        title sprintf('messages demanded (%s in the year)', commas(mtot))

# ---- bottom: outages and overflow per option ----
unset label 999
set tmargin at screen 0.44
set bmargin at screen 0.13
set format x '%b'
set xtics 30.4375 * 86400 * 1
set yrange [nopt + 0.6:0.4]
set ytics () scale 0
do for [i = 1:nopt] { set ytics add (optlabel(i - 1) i) }
set ylabel ''
set grid xtics noytics
eval key_bottom
set key font ',11'
plot for [i = 1:nopt] 'daily.csv' \
        using (is_opt(word(options, i)) && column('downtime_hours') > 0 ? t(strcol('date')) : NaN) \
             :(i):(0.6 + 2.4 * sqrt(column('downtime_hours') / hmax)) \
        with points pt 7 ps variable lc rgb optcolor(i - 1) notitle, \
     for [i = 1:nopt] 'daily.csv' \
        using (is_opt(word(options, i)) && column('overflow_hours') > 0 ? t(strcol('date')) : NaN) \
             :(i + 0.32) with points pt 5 ps 0.5 lc rgb '#444444' notitle, \
     NaN with points pt 7 ps 1.5 lc rgb '#777777' \
        title sprintf('day with downtime (max %.1f h)', hmax), \
     NaN with points pt 5 ps 0.5 lc rgb '#444444' title 'day with overflow'
unset multiplot
