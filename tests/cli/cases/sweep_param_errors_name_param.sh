hostsim sweep --scenario tests/data/good --param global.volum_month --values 1000:2000:2 -n 10 -q --out "$TMP/x"
