# tests/e2e/lib.sh — what every end-to-end script starts with (sourced, not run): a temporary
# folder $tmp removed on exit, the ok/ko tally, and tally_end, its last line and exit status.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
# "N passed, M failed" (plus $1, e.g. the skipped cases), and fails when one did
tally_end() {
  echo "$pass passed, $fail failed${1:+, $1}"
  [ "$fail" -eq 0 ]
}
