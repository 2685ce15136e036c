#!/usr/bin/env bash
# End-to-end speed of `gitpypi build --package-list` against dumb-pypi on the same list, in the same run.
#
#   DUMB_PYPI=/path/to/dumb-pypi-checkout bench/compare-dumb-pypi.sh [ROUNDS] [LIST] [-- extra gitpypi options]
#
# DUMB_PYPI is a checkout of https://github.com/chriskuehl/dumb-pypi (measured at 2318756444d3, version 1.15.0);
# it runs from source with this machine's python3 (`python3 -m dumb_pypi.main`), which needs jinja2 and packaging
# (pip's, or Debian's python3-jinja2 and python3-packaging). gitpypi runs through the ./gitpypi launcher users run
# (build the jar first: ./mvnw -B -q package -DskipTests). Both write a fresh site into the same folder on the same
# disk; the runs alternate (dumb-pypi, gitpypi, dumb-pypi, …), and before each the previous output is removed,
# `sync` is run and the disk is given a few seconds, so one tool's deletions do not slow the other's writes.
# Prints every run (wall, user, system seconds, peak RSS) and, per tool, the best wall time of the rounds; the
# ratio is dumb-pypi's best over gitpypi's best. LIST defaults to testdata/package-list-huge.txt (71,408 names).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DUMB_PYPI:?set DUMB_PYPI to a checkout of chriskuehl/dumb-pypi}"
rounds=${1:-3}
list=$(realpath "${2:-testdata/package-list-huge.txt}")
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
[ -f cli/target/gitpypi.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/compare-dumb-pypi.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=$work/site
python=${GITPYPI_PYTHON:-python3}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "disk:    $(df -hT "$work" | awk 'NR==2 {print $2, $1}')"
echo "java:    $(java -version 2>&1 | head -n 1); launcher options: ${GITPYPI_JAVA_OPTS:-(default)}"
echo "python:  $("$python" -c 'import sys, jinja2, packaging; print(sys.version.split()[0], "jinja2", jinja2.__version__, "packaging", packaging.__version__)')"
echo "dumb-pypi: $(git -C "$DUMB_PYPI" rev-parse --short HEAD 2>/dev/null || echo "$DUMB_PYPI")"
echo "list:    $list ($(wc -l < "$list") lines)"
echo

run() { # name, command...
    local name=$1
    shift
    rm -rf "$out"
    sync
    sleep 3
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/log" 2>&1 || {
        echo "$name failed:"
        tail -5 "$work/log"
        exit 1
    }
    read -r wall user sys rss < "$work/time"
    printf '%-9s wall %6.2f s  user %6.2f s  sys %6.2f s  peak RSS %5d MB  files %d\n' "$name" "$wall" "$user" \
        "$sys" $((rss / 1024)) "$(find "$out" -type f | wc -l)"
    echo "$name $wall" >> "$work/results"
}

for round in $(seq 1 "$rounds"); do
    run dumb-pypi env PYTHONPATH="$DUMB_PYPI" "$python" -m dumb_pypi.main --package-list "$list" \
        --packages-url https://example.invalid/packages/ --output-dir "$out" --no-generate-timestamp
    run gitpypi ./gitpypi build -q --package-list "$list" --packages-url https://example.invalid/packages/ \
        --out "$out" "$@"
done
echo
awk '{ if (!($1 in best) || $2 < best[$1]) best[$1] = $2 }
     END { printf "best of %d: dumb-pypi %.2f s, gitpypi %.2f s: gitpypi is %.1fx faster\n", '"$rounds"',
           best["dumb-pypi"], best["gitpypi"], best["dumb-pypi"] / best["gitpypi"] }' "$work/results"
