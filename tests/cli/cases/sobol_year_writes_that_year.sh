# (the year is the last column but one: the note closes the row)
# sobol --year 2: every row is of year 2 (year column, metric label); --by-year: the horizon's
# rows, then one block per year, each with every input once
cd "$TMP" || exit 99
hostsim sobol -S "$OLDPWD/inputs/small" --option saas --year 2 --samples 8 -y 2 -s 3 -o so -q || exit 10
awk -F, 'NR > 1 && ($(NF - 1) != 2 || $2 != "tco(saas) in year 2") { bad = 1 }
    END { exit bad || NR < 2 }' so/sobol.csv || exit 11
hostsim sobol -S "$OLDPWD/inputs/small" --option saas --by-year --samples 8 -y 2 -s 3 -o sb -q || exit 12
awk -F, 'NR > 1 { n[$(NF - 1)]++ }
    END { exit !(n[""] > 0 && n[""] == n[1] && n[1] == n[2]) }' sb/sobol.csv || exit 13
