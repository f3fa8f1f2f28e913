#!/bin/sh
# layers.sh — checks the include rules of docs/architecture.md ("Layers").
#
# A file of a layer folder may include, besides its own folder (bare name) and
# system headers, only "LAYER/name.h" of the layers listed for it below; nothing
# outside sim/cli/ includes the command line. Prints every violation as
# file:line: and exits 1 if there is one. Run from the repository root.
set -eu

allowed() {
    case $1 in
    base) echo "" ;;
    scenario) echo "base" ;;
    engine) echo "base scenario" ;;
    models) echo "base scenario engine" ;;
    run) echo "base scenario engine" ;;
    analysis) echo "base scenario engine run" ;;
    report) echo "base" ;;
    cli) echo "base scenario engine run analysis report" ;;
    tests) echo "base scenario engine models run analysis report" ;;
    esac
}

bad=0
flag=$(mktemp)
trap 'rm -f "$flag"' EXIT
for f in $(find sim models tests -name '*.[ch]' | sort); do
    case $f in
    sim/*/*) layer=$(echo "$f" | cut -d/ -f2) ;;
    models/*) layer=models ;;
    tests/*) layer=tests ;;
    *) echo "$f: a source file outside the layer folders"; bad=1; continue ;;
    esac
    ok=$(allowed "$layer")
    # every quoted include: line number and the included path
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r line; do
        n=${line%%:*}
        inc=$(echo "$line" | sed 's/.*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/')
        case $inc in
        */*) dep=${inc%%/*} ;;
        *) [ "$layer" = tests ] || continue; dep=tests ;;
        esac
        case $dep in ..|.) continue ;; esac
        [ "$dep" = "$layer" ] && [ "$layer" != tests ] && {
            echo "$f:$n: includes \"$inc\": a header of its own folder is included by its bare name"
            echo x >>"$flag"; continue; }
        [ "$dep" = tests ] && continue
        for a in $ok; do [ "$a" = "$dep" ] && continue 2; done
        echo "$f:$n: $layer may not include \"$inc\" (allowed: ${ok:-nothing of the project}; docs/architecture.md)"
        echo x >>"$flag"
    done
done
[ -s "$flag" ] && bad=1
if [ $bad -ne 0 ]; then
    echo "lint: include rules violated (docs/architecture.md, \"Layers\")" >&2
    exit 1
fi
echo "lint: include rules hold"
