# drivers_by_year.gp — how the top drivers change year by year: the swing of each of the
# inputs with the largest swings, in every year of the horizon. Reads tornado.csv written
# with --by-year (rows with a year). Variables: `inputs` (the inputs to draw,
# space-separated; hostsim passes the largest by any year's swing), `years`, `unit`.

if (!exists("inputs")) inputs = ''
if (!exists("years")) years = 5
if (!exists("unit")) unit = 'CNY'
money_axis = (unit eq 'CNY')
sc = money_axis ? 1000.0 : 1.0
nin = words(inputs)
set title 'What moves the target, year by year (tornado swing p10 to p90)'
set xlabel 'year of the horizon'
set ylabel money_axis ? 'swing (¥ thousand)' : sprintf('swing (%s)', unit)
set xrange [0.8:years + 0.2]
set xtics 1
set grid xtics ytics
set key outside right top noopaque nobox font ',10'
is_cell(j, y) = strcol('input') eq word(inputs, j) && strcol('year') ne '' && column('year') == y
set print $sw
do for [j = 1:nin] {
    do for [y = 1:years] {
        stats 'tornado.csv' using (is_cell(j, y) ? column('swing') / sc : 0) nooutput
        print sprintf('%d,%d,%.17g', j, y, STATS_sum)
    }
    print ''
    print ''
}
unset print
set datafile nocolumnheaders
plot for [j = 1:nin] $sw index (j - 1) using 2:3 with linespoints lw 2 pt 7 \
    lc rgb catcolor(j - 1) title word(inputs, j)
