# -s 7 gives the same files as --seed 7 and others than -s 8, in each simulating command
S="-S tests/data/good -y 1 -q"
S_files() { # command, output folder: the result files the command writes
    case $1 in
    run) echo "$2/summary.csv" ;;
    sweep) echo "$2/sweep.csv" ;;
    tornado) echo "$2/tornado.csv" ;;
    sobol) echo "$2/sobol.csv" ;;
    esac
}
for c in run sweep tornado sobol; do
    case $c in
    run | tornado) extra="-n 40" ;;
    sweep) extra="-n 40 --param global.volume_month --values 1000,2000" ;;
    sobol) extra="--samples 4" ;;
    esac
    # shellcheck disable=SC2086
    { hostsim $c $S $extra -s 7 -o "$TMP/$c-s7" &&
        hostsim $c $S $extra --seed 7 -o "$TMP/$c-seed7" &&
        hostsim $c $S $extra -s 8 -o "$TMP/$c-s8"; } >/dev/null || { echo "$c failed"; continue; }
    same=no differs=no
    cmp -s "$(S_files $c "$TMP/$c-s7")" "$(S_files $c "$TMP/$c-seed7")" && same=yes
    cmp -s "$(S_files $c "$TMP/$c-s7")" "$(S_files $c "$TMP/$c-s8")" || differs=yes
    echo "$c: -s 7 as --seed 7: $same; -s 8 differs: $differs"
done
grep '^seed,' "$TMP/run-s7/manifest.csv"
