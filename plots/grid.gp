# grid.gp — what-if over two parameters: which option is cheapest in each cell of the grid.
# Reads grid.csv (param, value, param2, value2, cheapest, p_cheapest). Variables: `param`,
# `param2` (names), `gx`, `gy` (their distinct values, space-separated, ascending; the cells are
# drawn on an even grid in that order). Cell colour: the cheapest option's colour, paler when
# p_cheapest is lower; the cell's text is p_cheapest.

if (!exists("param")) param = ''
if (!exists("param2")) param2 = ''
nx = words(gx)
ny = words(gy)
_wi(list, v, i) = i > words(list) ? NaN : \
    (abs(real(word(list, i)) - v) <= 1e-9 * abs(v) + 1e-12 ? i : _wi(list, v, i + 1))
ix(v) = _wi(gx, v, 1)
iy(v) = _wi(gy, v, 1)
set title 'Cheapest option over two parameters (text: probability it is the cheapest)'
set xlabel param
set ylabel param2
set xrange [0.5:nx + 0.5]
set yrange [0.5:ny + 0.5]
set xtics () scale 0
set ytics () scale 0
fmtv(s) = abs(real(s)) >= 1000 ? commas(real(s)) : sprintf('%g', real(s))
do for [k = 1:nx] { set xtics add (fmtv(word(gx, k)) k) }
do for [k = 1:ny] { set ytics add (fmtv(word(gy, k)) k) }
set grid noxtics noytics
set border 0
set key outside right top title 'cheapest' noopaque nobox
cell = "(iy(column('value2'))):(ix(column('value')) - 0.5):(ix(column('value')) + 0.5):(iy(column('value2')) - 0.5):(iy(column('value2')) + 0.5)"
alpha(p) = int((1 - (p > 1 ? 1 : p < 0 ? 0 : p)) * 170) * 16777216
plot for [i = 1:nopt] 'grid.csv' \
        using (strcol('cheapest') eq optname(i - 1) ? ix(column('value')) : NaN):@cell \
        :(optrgb(i - 1) + alpha(column('p_cheapest'))) \
        with boxxyerror fs solid 1.0 border rgb 'white' lc rgb variable notitle, \
     for [i = 1:nopt] NaN with boxes fs solid 1.0 lc rgb optcolor(i - 1) title optlabel(i - 1), \
     'grid.csv' using (ix(column('value'))):(iy(column('value2'))) \
        :(pctb(column('p_cheapest'), mc_n)) with labels font ',12' notitle
