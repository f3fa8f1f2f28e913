#!/usr/bin/env bash
# sens.sh — the sensitivity commands against a plain run, measured side by side in one
# invocation (part of make bench): each repetition times, one after the other,
#   run -n 3000 | tornado (300 trajectories) | tornado --exhaustive
#   run -n 2000 | sobol --samples 256       | sobol --samples 256 --exhaustive
# on inputs/default with the same threads, and prints each ratio's min-max over the
# repetitions against the targets (tornado <= 1.5 x run 3000, sobol <= 1.5 x run 2000).
# Usage: tests/bench/sens.sh [HOSTSIM [REPEATS]]; THREADS in the environment (default: all).
set -eu
HS=${1:-./hostsim}
REPS=${2:-3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
T=()
if [ -n "${THREADS:-}" ]; then T=(--threads "$THREADS"); fi

# wall seconds of one command (its outputs in a fresh folder); its CPU seconds (user + system,
# all threads) appended to $OUT/cpu
secs() {
    local d="$OUT/$RANDOM$RANDOM" t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$OUT/t" "$HS" "$@" "${T[@]}" -q -o "$d" >/dev/null
    t1=$(date +%s.%N)
    rm -rf "$d"
    awk '{ printf "%s ", $1 + $2 }' "$OUT/t" >>"$OUT/cpu"
    awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}

printf 'hostsim sensitivity bench: inputs/default, %s repetitions, threads %s\n\n' "$REPS" \
    "${THREADS:-all}"
printf '%-4s %9s %9s %9s %9s %9s %9s\n' rep run3000 tornado tor_exh run2000 sobol sob_exh
R=()
for ((i = 1; i <= REPS; i++)); do
    a=$(secs run -n 3000)
    b=$(secs tornado)
    c=$(secs tornado --exhaustive)
    d=$(secs run -n 2000)
    e=$(secs sobol --samples 256)
    f=$(secs sobol --samples 256 --exhaustive)
    printf '%-4s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f  wall s\n' "$i" "$a" "$b" "$c" "$d" "$e" "$f"
    # shellcheck disable=SC2046 # six numbers
    printf '%-4s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f  cpu s\n' "" $(cat "$OUT/cpu")
    echo >>"$OUT/cpu"
    mv "$OUT/cpu" "$OUT/cpu.$i"
    R+=("$(awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" -v e="$e" -v f="$f" \
        'BEGIN { print b / a, c / a, e / d, f / d }')")
done
cat "$OUT"/cpu.* | awk '{ print $2 / $1, $3 / $1, $5 / $4, $6 / $4 }' >"$OUT/cpu.ratios"
printf '%s\n' "${R[@]}" | awk -v cpufile="$OUT/cpu.ratios" '
    { for (k = 1; k <= 4; k++) { if (NR == 1 || $k < lo[k]) lo[k] = $k; if (NR == 1 || $k > hi[k]) hi[k] = $k } }
    END {
        printf "\nratios over %d repetitions (min-max):\n", NR
        printf "  tornado / run 3000:              %.2f-%.2f (target <= 1.5: %s)\n", lo[1], hi[1], hi[1] <= 1.5 ? "met" : "not met"
        printf "  tornado --exhaustive / run 3000: %.2f-%.2f\n", lo[2], hi[2]
        printf "  sobol 256 / run 2000:            %.2f-%.2f (target <= 1.5: %s)\n", lo[3], hi[3], hi[3] <= 1.5 ? "met" : "not met"
        printf "  sobol 256 --exhaustive / run 2000: %.2f-%.2f\n", lo[4], hi[4]
        n = 0
        while ((getline line < cpufile) > 0) {
            split(line, v, " ")
            for (k = 1; k <= 4; k++) { if (n == 0 || v[k] < clo[k]) clo[k] = v[k]; if (n == 0 || v[k] > chi[k]) chi[k] = v[k] }
            n++
        }
        printf "same in CPU seconds (all threads): tornado %.2f-%.2f, --exhaustive %.2f-%.2f; sobol %.2f-%.2f, --exhaustive %.2f-%.2f\n", clo[1], chi[1], clo[2], chi[2], clo[3], chi[3], clo[4], chi[4]
    }'
