# input_profile.gp — chart 7a (input check): the weekday x hour traffic profile the run used.
# Reads profile.csv (weekday 1 = Monday ... 7 = Sunday, hour 0-23, share; shares sum to 1).
# Heat map of each hour's share of the week's messages; the box outlines Mon-Fri 09:00-18:00
# and its total share is printed (the study's figure is 72 %).

set title "Input check: when in the week the messages arrive (share of the week's messages)"
set xlabel 'hour of the day (local time)'
set ylabel ''
stats 'profile.csv' using (column('weekday') <= 5 && column('hour') >= 9 && column('hour') < 18 \
                           ? column('share') : 0) nooutput
office = STATS_sum
stats 'profile.csv' using (column('share') * 100) nooutput
smax = STATS_max
set xrange [-0.5:23.5]
set yrange [7.5:0.5]
set xtics 0, 1, 23 scale 0
set ytics ('Mon' 1, 'Tue' 2, 'Wed' 3, 'Thu' 4, 'Fri' 5, 'Sat' 6, 'Sun' 7) scale 0
set grid noxtics noytics
set border 0
set cbrange [0:smax]
set cblabel "share of the week's messages (%)"
set cbtics format '%.1f'
set palette defined (0 '#FFFFFF', 0.35 '#9ECAE1', 0.7 '#3182BD', 1 '#08306B')
set object 1 rect from 8.5, 0.5 to 17.5, 5.5 fs empty border lc rgb '#D55E00' lw 3 front
eval key_bottom
set key font ',13'
set bmargin 8
plot 'profile.csv' using (column('hour')):(column('weekday')):(column('share') * 100) \
        with image notitle, \
     '' using (column('hour')):(column('weekday')):(sprintf('%.1f', column('share') * 100)) \
        :(column('share') * 100 > 0.55 * smax ? 0xFFFFFF : 0x333333) \
        with labels font ',8' tc rgb variable notitle, \
     NaN with lines lc rgb '#D55E00' lw 3 \
        title sprintf('Mon-Fri 09:00-18:00: %.1f %% of all messages', 100 * office)
