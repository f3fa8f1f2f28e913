# validate and params on a bad scenario print nothing on stdout and create no file
cd "$TMP" || exit 99
cp -r "$OLDPWD/tests/data/bad/negative_cost" scen
before=$(ls -R . | md5sum)
hostsim validate scen; a=$?
hostsim params scen; b=$?
after=$(ls -R . | md5sum)
[ "$before" = "$after" ] || echo "FAILED: files changed" >&2
exit $((a + b))
