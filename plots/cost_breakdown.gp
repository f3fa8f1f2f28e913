# cost_breakdown.gp — chart 4: mean cost over the horizon by ledger category, one bar per option.
# Reads summary.csv (metrics cost.<category>, column mean). Variable `categories`: the category
# names (without "cost."), space-separated, in ledger order; hostsim passes the ones it finds.
# Bars are stacked in that order; the total (= mean tco) is printed above each bar.

if (!exists("categories")) categories = ''
ncat = words(categories)
set title 'Mean cost over the horizon by category'
set ylabel 'mean nominal cost (¥ thousand)'

is_cost(o, c) = strcol('option') eq o && strcol('metric') eq 'cost.' . c
array tot[nopt]
array cattot[ncat > 0 ? ncat : 1]
cattot[1] = 0
set print $stack
print 'i,j,lo,hi'
do for [i = 1:nopt] {
    base = 0
    do for [j = 1:ncat] {
        stats 'summary.csv' using (is_cost(word(options, i), word(categories, j)) \
            ? column('mean') / 1000 : 0) nooutput
        v = STATS_sum
        print sprintf('%d,%d,%.17g,%.17g', i, j, base, base + v)
        base = base + v
        cattot[j] = (i == 1 ? 0 : cattot[j]) + v
    }
    tot[i] = base
}
unset print
ymax = 0
do for [i = 1:nopt] { ymax = tot[i] > ymax ? tot[i] : ymax }
eval ticks('y', 0, ymax * 1.08, 6)
set xrange [0.4:nopt + 0.6]
set xtics 1 format '' scale 0
set grid noxtics ytics
do for [i = 1:nopt] {
    set label i sprintf('%s', money(tot[i] * 1000)) at i, tot[i] offset 0, 0.8 center font ',12'
    set label 100 + i optlabel(i - 1) at i, graph 0 offset 0, -1.2 center \
        tc rgb optcolor(i - 1) font ',13'
}
set key outside right top reverse Left invert title 'category' noopaque nobox
plot for [j = 1:ncat] $stack using ($2 == j ? $1 : NaN):(($3 + $4) / 2):($1 - 0.32):($1 + 0.32):3:4 \
    with boxxyerror fs solid 1.0 border rgb 'white' fc rgb catcolor(j - 1) \
    title (cattot[j] > 0 ? readable(word(categories, j)) : '')
