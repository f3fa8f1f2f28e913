# tornado --metric downtime_hours: the unit printed and written to tornado.csv is the metric's
# own (hours, from the metrics table), not CNY
cd "$TMP" || exit 99
hostsim tornado -S "$OLDPWD/inputs/small" --metric downtime_hours --option saas -n 4 -y 1 -s 3 \
    -o to 2>/dev/null || exit 10
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["unit"] != "hours" { print "tornado.csv: unit " $col["unit"] > "/dev/stderr"; bad = 1; exit }
    END { exit bad || NR < 2 }' to/tornado.csv || exit 11
