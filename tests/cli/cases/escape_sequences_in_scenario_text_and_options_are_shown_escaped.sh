# an ESC sequence in a scenario's source text (hostsim params) and in an unknown option
# (the one usage message) reaches the terminal escaped, as \x1b, never raw
cd "$TMP" || exit 99
cp -r "$OLDPWD/tests/data/model_fixed" scen
sed -i '0,/^global,/s/^\(global,[^,]*,[^,]*,[^,]*\),.*$/\1,"evil \x1b[2J text"/' scen/params.csv
out=$(hostsim params scen) || exit 1
err=$(hostsim sobol "--bad$(printf '\033')[2J" 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "FAILED: exit $rc" >&2; exit 1; }
case "$out$err" in *"$(printf '\033')"*) echo "FAILED: a raw ESC reached the terminal" >&2; exit 1 ;; esac
case "$out" in *'evil \x1b[2J text'*) ;; *) echo "FAILED: params does not show the escaped text" >&2; exit 1 ;; esac
case "$err" in *"unknown option '--bad\\x1b[2J'"*) ;; *) echo "FAILED: $err" >&2; exit 1 ;; esac
exit 0
