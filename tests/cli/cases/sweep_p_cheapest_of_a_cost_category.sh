# sweep --metric cost.outage_losses (a metric the aggregate keeps only as a histogram for
# summary.csv; saas and payg compete on it): p_cheapest is the share of trajectories in which each
# option has the lowest value, as counted from the trajectories of a run of the same point and
# seed, and the star of the printed table marks the option most often cheapest.
cd "$TMP" || exit 99
S="$OLDPWD/inputs/small"
hostsim sweep -S "$S" --param global.volume_month --values 5000,50000 -n 40 -y 2 -s 3 \
    --metric cost.outage_losses -o sw >sweep.out 2>/dev/null || { echo "sweep failed" >&2; exit 10; }
hostsim run -S "$S" --set global.volume_month=5000 -n 40 -y 2 -s 3 -q --trajectories-out -o run \
    || { echo "run failed" >&2; exit 11; }
# P(cheapest) per option from the trajectories
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "cost.outage_losses") c = i; t = -1; next }
    $1 != t { if (NR > 2) n[best]++; t = $1; best = $2; min = $c; nt++; next }
    $c + 0 < min + 0 { best = $2; min = $c }
    END { n[best]++; for (o in n) printf "%s %.10f\n", o, n[o] / nt }' run/trajectories.csv |
    sort >want
# ... and as sweep.csv has them at volume_month = 5000 (options with none: 0)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["value"] == 5000 && $col["p_cheapest"] > 0 { printf "%s %.10f\n", $col["option"], $col["p_cheapest"] }' \
    sw/sweep.csv | sort >got
diff want got >&2 || { echo "p_cheapest differs from the trajectories' count" >&2; exit 12; }
# the starred option of the 5,000 row is the most often cheapest
starred=$(awk '$1 == "value" { for (i = 2; i <= NF && $i !~ /^\(/; i++) name[i] = $i }
    $1 == "5,000" { for (i = 2; i <= NF; i++) if ($i ~ /\*$/) print name[i] }' sweep.out)
top=$(sort -k2,2gr -k1,1 want | head -1 | cut -d' ' -f1)
[ -n "$starred" ] && [ "$starred" = "$top" ] || { echo "starred '$starred', most often cheapest '$top'" >&2; exit 13; }
exit 0
