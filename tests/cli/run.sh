#!/usr/bin/env bash
# tests/cli/run.sh BINARY — end-to-end tests of the hostsim command line.
#
# 1. Every case in tests/cli/cases/:
#      NAME.cmd          the arguments, one per line (no shell: spaces and quotes are literal), or
#      NAME.sh           a bash command line; `hostsim` in it runs BINARY, $TMP is a scratch
#                        folder of the case, the working folder is the repository root
#      NAME.exit         the expected exit code (required)
#      NAME.stdout.glob  optional: a bash glob the whole stdout must match
#      NAME.stderr.glob  optional: a bash glob the whole stderr must match
#    (trailing newlines of outputs and globs are ignored; `*` matches across lines)
# 2. Every scenario of the bad-input corpus, tests/data/bad/<case>/: `BINARY validate DIR` must
#    exit with the code in <case>/exit, print nothing on stdout, and each line of
#    <case>/expected must match part of stderr (a bash glob: escape * ? [ ] with '\').
#    `BINARY run` on the same folder (2 trajectories of 1 year) must fail the same way and write
#    nothing: a case that validate let through would reach the models (make asan runs this
#    script under AddressSanitizer, so the corpus runs under it in CI).
# 3. The bad inputs generated here rather than committed: a 10 MB line, 100,000 rows, a FIFO
#    named params.csv (it must not block) and a 2 GB sparse profile.csv (refused unread).
# Prints a line per failure and closes with "N passed, M failed"; exits 1 when M > 0.
set -u

if [ $# -ne 1 ]; then
    echo "usage: tests/cli/run.sh BINARY" >&2
    exit 2
fi
BIN=$1
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
if [ ! -x "$BIN" ]; then
    echo "tests/cli/run.sh: $BIN is not an executable (build it with 'make hostsim')" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hostsim-cli.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
TIMEOUT=""
command -v timeout >/dev/null && TIMEOUT="timeout 120"

pass=0 fail=0

S_fail() { # name, what, details...
    fail=$((fail + 1))
    printf 'FAIL %s: %s\n' "$1" "$2"
    shift 2
    for d in "$@"; do printf '%s\n' "$d" | sed 's/^/    | /' | head -20; done
}

# ------------------------------------------------------------------ 1. cases
for f in tests/cli/cases/*; do
    case $f in
    *.cmd | *.sh | *.exit | *.stdout.glob | *.stderr.glob) ;;
    *) S_fail "${f##*/}" "not a case file (.cmd, .sh, .exit, .stdout.glob, .stderr.glob)" ;;
    esac
done
for spec in tests/cli/cases/*.cmd tests/cli/cases/*.sh; do
    [ -e "$spec" ] || continue
    base=${spec%.*}
    name=${base##*/}
    if [ ! -f "$base.exit" ]; then
        S_fail "$name" "no $name.exit file"
        continue
    fi
    export TMP="$WORK/$name"
    mkdir -p "$TMP"
    if [ "${spec##*.}" = cmd ]; then
        args=()
        while IFS= read -r line || [ -n "$line" ]; do args+=("$line"); done <"$spec"
        $TIMEOUT "$BIN" "${args[@]}" >"$TMP/.stdout" 2>"$TMP/.stderr" </dev/null
        rc=$?
    else
        HOSTSIM_BIN=$BIN $TIMEOUT bash -c 'hostsim() { "$HOSTSIM_BIN" "$@"; }; '"$(cat "$spec")" \
            >"$TMP/.stdout" 2>"$TMP/.stderr" </dev/null
        rc=$?
    fi
    out=$(cat "$TMP/.stdout")
    err=$(cat "$TMP/.stderr")
    want=$(tr -d ' \n' <"$base.exit")
    ok=1
    if [ "$rc" != "$want" ]; then
        S_fail "$name" "exit code $rc, expected $want" "stderr: $err"
        ok=0
    fi
    if [ $ok = 1 ] && [ -f "$base.stdout.glob" ]; then
        pat=$(cat "$base.stdout.glob")
        # shellcheck disable=SC2053
        if [[ $out != $pat ]]; then
            S_fail "$name" "stdout does not match $name.stdout.glob" "stdout: $out" "glob:   $pat"
            ok=0
        fi
    fi
    if [ $ok = 1 ] && [ -f "$base.stderr.glob" ]; then
        pat=$(cat "$base.stderr.glob")
        # shellcheck disable=SC2053
        if [[ $err != $pat ]]; then
            S_fail "$name" "stderr does not match $name.stderr.glob" "stderr: $err" "glob:   $pat"
            ok=0
        fi
    fi
    [ $ok = 1 ] && pass=$((pass + 1))
done

# ------------------------------------------------------- 2. the bad corpus
# S_bad NAME DIR EXIT EXPECTED_FILE
S_bad() {
    local name=$1 dir=$2 want=$3 expected=$4 cmd
    for cmd in validate run; do
        S_bad_cmd "$name" "$dir" "$want" "$expected" "$cmd" || return
    done
    pass=$((pass + 1))
}

# S_bad_cmd NAME DIR EXIT EXPECTED_FILE COMMAND: 0 when COMMAND fails as expected.
S_bad_cmd() {
    local name=$1 dir=$2 want=$3 expected=$4 cmd=$5 rc
    rm -rf "$WORK/run-out"
    if [ "$cmd" = validate ]; then
        $TIMEOUT "$BIN" validate "$dir" >"$WORK/.out" 2>"$WORK/.err" </dev/null
        rc=$?
    else
        $TIMEOUT "$BIN" run --scenario "$dir" --trajectories 2 --years 1 --threads 1 --quiet \
            --out "$WORK/run-out" >"$WORK/.out" 2>"$WORK/.err" </dev/null
        rc=$?
        name="$name (run)"
    fi
    local out err
    out=$(cat "$WORK/.out")
    err=$(cat "$WORK/.err")
    if [ "$rc" != "$want" ]; then
        S_fail "bad/$name" "exit code $rc, expected $want" "stderr: $err"
        return 1
    fi
    if [ -e "$WORK/run-out" ] && [ -n "$(ls -A "$WORK/run-out")" ]; then
        S_fail "bad/$name" "wrote into the output folder on an input error" "$(ls -A "$WORK/run-out")"
        return 1
    fi
    if [ -n "$out" ]; then
        S_fail "bad/$name" "wrote to stdout on an input error" "stdout: $out"
        return
    fi
    local line
    while IFS= read -r line || [ -n "$line" ]; do
        [ -n "$line" ] || continue
        # shellcheck disable=SC2053
        if [[ $err != *$line* ]]; then
            S_fail "bad/$name" "stderr lacks an expected line" "stderr:   $err" "expected: $line"
            return 1
        fi
    done <"$expected"
    return 0
}

ncorpus=0
for dir in tests/data/bad/*/; do
    dir=${dir%/}
    name=${dir##*/}
    if [ ! -f "$dir/exit" ] || [ ! -f "$dir/expected" ]; then
        S_fail "bad/$name" "needs both an 'exit' and an 'expected' file"
        continue
    fi
    ncorpus=$((ncorpus + 1))
    S_bad "$name" "$dir" "$(tr -d ' \n' <"$dir/exit")" "$dir/expected"
done
if [ "$ncorpus" -lt 40 ]; then
    S_fail "bad corpus" "only $ncorpus cases under tests/data/bad (at least 40 expected)"
fi

# ------------------------------------------- 3. large inputs, generated here
big="$WORK/long_line"
cp -r tests/data/good "$big"
{
    printf 'on_prem,energy,1800,CNY/month,'
    head -c 10000000 /dev/zero | tr '\0' x
    printf '\n'
} >>"$big/params.csv"
printf '*/params.csv:21:1: expected a line of at most 1048576 bytes, got one of 10000030 bytes\n  > on_prem,energy,1800,CNY/month,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ...\n' \
    >"$WORK/long_line.expected"
S_bad long_line_10mb "$big" 2 "$WORK/long_line.expected"

many="$WORK/many_rows"
cp -r tests/data/good "$many"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "sale_%d,2027-03-01,2027-03-02,1.5,generated\n", i }' \
    >>"$many/calendar.csv"
printf '*/calendar.csv:10001:1: expected at most 10000 rows in a file, got more (is this the right file?)\n  > sale_9996,2027-03-01,2027-03-02,1.5,generated\n' \
    >"$WORK/many_rows.expected"
S_bad many_rows_100000 "$many" 2 "$WORK/many_rows.expected"

fifo="$WORK/fifo"
cp -r tests/data/good "$fifo"
rm "$fifo/params.csv"
mkfifo "$fifo/params.csv"
printf '*/params.csv: expected a regular file, got a FIFO (named pipe)\n' >"$WORK/fifo.expected"
S_bad fifo_params "$fifo" 2 "$WORK/fifo.expected"

sparse="$WORK/sparse"
cp -r tests/data/good "$sparse"
rm "$sparse/profile.csv"
truncate -s 2G "$sparse/profile.csv"
printf '*/profile.csv: expected a file of at most 16 MiB, got one of 2147483648 bytes\n' \
    >"$WORK/sparse.expected"
S_bad sparse_2gb_profile "$sparse" 2 "$WORK/sparse.expected"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
