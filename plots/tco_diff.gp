# tco_diff.gp — chart 6: distribution of the paired cost difference between the two options with
# the lowest median tco. Variables `diff_a`, `diff_b`: the pair (hist.csv rows with metric
# tco_diff, option = diff_a, other = diff_b). Reads hist.csv and compare.csv (p_a_cheaper,
# mean_diff of the pair's tco row). Bins left of 0 (A cheaper) in A's colour, right of 0 in B's.

if (!exists("diff_a")) diff_a = word(options, 1)
if (!exists("diff_b")) diff_b = word(options, 2)
ia = optindex(diff_a)
ib = optindex(diff_b)
la = labelof(diff_a)
lb = labelof(diff_b)
set title sprintf('Paired difference in total cost: %s minus %s, same demand in each trajectory', \
                  la, lb)
set xlabel sprintf('tco(%s) - tco(%s), nominal (¥ thousand); negative: %s is cheaper', \
                   la, lb, la)
set ylabel 'share of trajectories (% per ¥1,000)'

is_d = 'strcol("metric") eq "tco_diff" && strcol("option") eq diff_a && strcol("other") eq diff_b'
is_pair = 'strcol("option_a") eq diff_a && strcol("option_b") eq diff_b && strcol("metric") eq "tco"'
stats 'compare.csv' using (@is_pair ? column('p_a_cheaper') : 0) nooutput
p = STATS_sum
stats 'compare.csv' using (@is_pair ? column('mean_diff') : 0) nooutput
mdiff = STATS_sum
stats 'hist.csv' using (@is_d ? column('bin_lo') / 1000 : NaN) nooutput
xlo = STATS_min
stats 'hist.csv' using (@is_d ? column('bin_hi') / 1000 : NaN) nooutput
xhi = STATS_max
stats 'hist.csv' using (@is_d ? column('density') * 1e5 : NaN) nooutput
ymax = STATS_max
xlo = xlo > 0 ? 0 : xlo
xhi = xhi < 0 ? 0 : xhi
eval ticks('x', xlo, xhi, 8)
eval ticks('y', 0, ymax * 1.3, 6)
# the two vertical lines are labelled on opposite sides, so their labels never cross
ms = mdiff < 0 ? 'right' : 'left'
zs = mdiff < 0 ? 'left' : 'right'
set arrow 1 from 0, graph 0 to 0, graph 0.80 nohead lw 2 lc rgb '#333333' front
set label 1 ' no difference ' at 0, graph 0.82 @zs font ',10' tc rgb '#333333' boxed front
set arrow 2 from mdiff / 1000, graph 0 to mdiff / 1000, graph 0.80 nohead dt 2 lw 2 \
    lc rgb '#333333' front
set label 2 sprintf(' mean %s ', money(mdiff)) at mdiff / 1000, graph 0.82 @ms font ',10' boxed front
set label 3 sprintf('P(%s cheaper than %s) = %s', la, lb, pctb(p, mc_n)) \
    at graph 0.02, graph 0.95 left font ',15' tc rgb optcolor(ia)
set label 4 sprintf('P(%s cheaper than %s) = %s', lb, la, pctb(1 - p, mc_n)) \
    at graph 0.98, graph 0.95 right font ',15' tc rgb optcolor(ib)
set key top left at graph 0.02, graph 0.88
mid = '((column("bin_lo") + column("bin_hi")) / 2000)'
wid = '((column("bin_hi") - column("bin_lo")) / 1000)'
plot 'hist.csv' using (@is_d && @mid < 0 ? @mid : NaN):(column('density') * 1e5):@wid \
        with boxes fs solid 0.55 border lc rgb optcolor(ia) lc rgb optcolor(ia) \
        title sprintf('%s cheaper', la), \
     'hist.csv' using (@is_d && @mid >= 0 ? @mid : NaN):(column('density') * 1e5):@wid \
        with boxes fs solid 0.55 border lc rgb optcolor(ib) lc rgb optcolor(ib) \
        title sprintf('%s cheaper', lb)
