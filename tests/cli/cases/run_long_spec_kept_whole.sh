# A 455-character SPEC reaches params.csv of the outputs whole (it was cut at 159).
spec="discrete($(for i in $(seq 0 15); do printf '%s%d.000000000000001:0.0625' "$([ $i -gt 0 ] && echo ,)" $((800 + 100 * i)); done))"
hostsim run --scenario tests/data/good --set "saas_plan.plan_fee=$spec" -n 10 --years 1 -q --out "$TMP/o" && grep -qF "$spec" "$TMP/o/params.csv" && echo "${#spec}"
