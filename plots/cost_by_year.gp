# cost_by_year.gp — mean cost of each year by ledger category, stacked, one panel per option
# (and strategy): how the spending shifts over the horizon (up-front purchases, then running
# costs). Reads yearly.csv (metrics cost.<category>, column mean). Variables: `categories`
# (names without "cost.", space-separated, in ledger order; hostsim passes those with a
# non-zero mean) and `years` (the horizon in years).

if (!exists("categories")) categories = ''
if (!exists("years")) years = 5
ncat = words(categories)
is_cell(o, y, c) = strcol('option') eq o && column('year') == y && strcol('metric') eq 'cost.' . c
set print $stack
print 'i,y,j,lo,hi'
ymax = 0
do for [i = 1:nopt] {
    do for [y = 1:years] {
        base = 0
        do for [j = 1:ncat] {
            stats 'yearly.csv' using (is_cell(word(options, i), y, word(categories, j)) \
                ? column('mean') / 1000 : 0) nooutput
            v = STATS_sum
            print sprintf('%d,%d,%d,%.17g,%.17g', i, y, j, base, base + v)
            base = base + v
        }
        ymax = base > ymax ? base : ymax
    }
}
unset print
cols = nopt <= 2 ? nopt : (nopt == 4 ? 2 : 3)
rows = int((nopt + cols - 1) / cols)
set multiplot layout rows, cols title 'Mean cost of each year by category (¥ thousand)' \
    margins 0.06, 0.64, 0.10, 0.90 spacing 0.07, 0.10
set xrange [0.4:years + 0.6]
set xtics 1 scale 0 font ',10'
set yrange [0:ymax * 1.05]
set grid noxtics ytics
set ytics font ',10'
do for [i = 1:nopt] {
    set title optlabel(i - 1) tc rgb optcolor(i - 1) font ',13'
    if (i == 1) {
        set key at screen 0.995, screen 0.90 right top reverse Left title 'category' noopaque \
            nobox font ',10' maxrows 14
    } else {
        unset key
    }
    plot for [j = 1:ncat] $stack using (($1 == i && $3 == j) ? $2 : NaN):(($4 + $5) / 2): \
        ($2 - 0.4):($2 + 0.4):4:5 with boxxyerror fs solid 1.0 border rgb 'white' \
        fc rgb catcolor(j - 1) title readable(word(categories, j))
}
unset multiplot
