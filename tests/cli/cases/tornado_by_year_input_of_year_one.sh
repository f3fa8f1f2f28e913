# tornado --by-year: an input that acts only in the first month (saas.migration_cost, a one-off
# charge in month 1) swings the target by p90 - p10 = 14,000 - 6,000 = 8,000 over the horizon and
# in year 1, and by nothing in years 2 and 3 (the same seeds: the runs differ only through it)
cd "$TMP" || exit 99
hostsim tornado -S "$OLDPWD/inputs/small" --set 'saas.migration_cost=uniform(5000,15000)' \
    --option saas --by-year -n 3 -y 3 -s 5 -o to -q || exit 10
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["input"] != "saas.migration_cost" { next }
    { seen[$col["year"]] = 1; sw = $col["swing"] + 0; base = $col["base"] + 0
      if ($col["year"] == "" || $col["year"] == 1) ok = sw > 8000 - 1e-6 && sw < 8000 + 1e-6
      else ok = sw <= 1e-9 * base
      if (!ok) { print "year " $col["year"] ": swing " sw > "/dev/stderr"; bad = 1 } }
    END { exit bad || !(("" in seen) && (1 in seen) && (2 in seen) && (3 in seen)) }' \
    to/tornado.csv || exit 11
# the years' rows carry the year in the metric label and the year column
grep -q '^saas.migration_cost,tco(saas) in year 2,CNY,.*,2,[^,]*$' to/tornado.csv || exit 12
