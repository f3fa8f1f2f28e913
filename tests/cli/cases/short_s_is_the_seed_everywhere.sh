# -s is --seed in every command that takes a seed (its value is checked as a seed), and the
# commands without a seed reject -s as --seed
for c in run sweep tornado sobol; do
    hostsim "$c" -s abc >/dev/null 2>"$TMP/err"; echo "$c $? $(cat "$TMP/err")"
done
for c in validate params plot report; do
    hostsim "$c" -s x >/dev/null 2>"$TMP/err"; echo "$c $? $(cat "$TMP/err")"
done
