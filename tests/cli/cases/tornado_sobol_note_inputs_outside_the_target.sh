# tornado and sobol with the target saas - payg: every input of self_hosted or cloud_hosted is
# reported, not simulated, with swing (S1, ST and their bounds) exactly 0, the base at both
# ends and the note naming its option; every other input has an empty note; the manifest's runs
# count only what was simulated (tornado: the base and two runs per input left in)
cd "$TMP" || exit 99
S="$OLDPWD/inputs/small"
hostsim tornado -S "$S" --diff saas,payg -n 4 -y 1 -s 3 -q -o to || exit 10
hostsim sobol -S "$S" --diff saas,payg --samples 4 -y 1 -s 3 -q -o so || exit 11
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { split($col["input"], p, "."); out = p[1] == "self_hosted" || p[1] == "cloud_hosted" }
    out && ($col["swing"] != "0" || $col["metric_at_p10"] != $col["base"] ||
            $col["metric_at_p90"] != $col["base"] ||
            $col["note"] != "option " p[1] " is not in the target") { print "tornado: " $0 > "/dev/stderr"; bad = 1 }
    out { n_out++ } !out && $col["note"] != "" { print "tornado note: " $0 > "/dev/stderr"; bad = 1 }
    !out { n_in++ }
    END { print n_in; exit bad || n_out < 10 || n_in < 5 }' to/tornado.csv >n_in || exit 12
runs=$(awk -F, '$1 == "runs" { print $2 }' to/manifest.csv)
[ "$runs" = $((2 * $(cat n_in) + 1)) ] || { echo "tornado runs $runs, inputs simulated $(cat n_in)" >&2; exit 13; }
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { split($col["input"], p, "."); out = p[1] == "self_hosted" || p[1] == "cloud_hosted" }
    out { for (k = 3; k <= 8; k++) if ($k != "0") { print "sobol: " $0 > "/dev/stderr"; bad = 1 } }
    out && $col["note"] != "option " p[1] " is not in the target" { print "sobol note: " $0 > "/dev/stderr"; bad = 1 }
    !out && $col["note"] != "" { print "sobol note: " $0 > "/dev/stderr"; bad = 1 }
    END { exit bad }' so/sobol.csv || exit 14
