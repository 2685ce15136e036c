#!/usr/bin/env bash
# End-to-end speed of `gitpypi build --package-list` against dumb-pypi on the same list, in the same run.
#
#   DUMB_PYPI=/path/to/dumb-pypi-checkout bench/compare-dumb-pypi.sh [ROUNDS] [LIST] [-- extra gitpypi options]
#
# DUMB_PYPI is a checkout or an unpacked source release of https://github.com/chriskuehl/dumb-pypi (measured:
# version 1.15.0); it runs from source with this machine's python3 (`python3 -m dumb_pypi.main`), which needs
# jinja2 and packaging (pip's, or Debian's python3-jinja2 and python3-packaging). gitpypi runs through the
# ./gitpypi launcher users run (build the jar first: ./mvnw -B -q package -DskipTests). Both write a new site into
# a new folder on the same disk; the runs alternate (dumb-pypi, gitpypi, dumb-pypi, …), each after `sync` and a
# pause. Nothing is deleted until the end: ext4 does not reuse an inode for a minute (five with its table block
# dirty) after it was freed, and creating tens of thousands of entries right after deleting as many scans past
# every recently freed inode (`recently_deleted` in the kernel's inode allocator), which made either tool several
# times slower than on a clean disk and made the runs meaningless. For the same reason, wait five minutes after
# this script (or launcher-options.sh) deleted its sites before running it again: dumb-pypi, which creates three
# times as many files, took 54 s instead of 12 s right after such a deletion. Any large deletion on the same file
# system counts, not only this script's: a test suite that creates and deletes sites in /tmp (ours does) slows
# both tools for minutes afterwards, so set TMPDIR to a folder on the same disk that nothing deletes in, and do
# not run tests meanwhile.
# KEEP=1 leaves the sites where they are (and says where) instead of deleting them when the script ends, so that
# sessions can follow one another without a large deletion in between; delete them when no session is due.
# DUMB_PYPI_OPTS adds options to dumb-pypi's command (such as --no-per-release-json, which leaves out the JSON file
# per release that dumb-pypi writes by default and gitpypi does not).
# Prints every run (wall, user, system seconds, peak RSS, files written, load average just before) and, per tool,
# the best wall time of the rounds; the ratio is dumb-pypi's best over gitpypi's best. LIST defaults to testdata/package-list-huge.txt (71,408 names).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DUMB_PYPI:?set DUMB_PYPI to a checkout or unpacked source of chriskuehl/dumb-pypi}"
rounds=${1:-3}
list=$(realpath "${2:-testdata/package-list-huge.txt}")
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
[ -f cli/target/gitpypi.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/compare-dumb-pypi.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    trap 'echo "sites kept in $work"' EXIT
else
    trap 'rm -rf "$work"' EXIT
fi
n=0
python=${GITPYPI_PYTHON:-python3}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "disk:    $(df -hT "$work" | awk 'NR==2 {print $2, $1}')"
echo "java:    $(java -version 2>&1 | head -n 1); launcher options: ${GITPYPI_JAVA_OPTS:-(default)}"
echo "python:  $("$python" -c 'import sys, jinja2, packaging; print(sys.version.split()[0], "jinja2", jinja2.__version__, "packaging", packaging.__version__)')"
dumb_version=$(sed -n 's/^version *= *//p' "$DUMB_PYPI/setup.cfg" 2>/dev/null || true)
dumb_commit=$(git -C "$DUMB_PYPI" rev-parse --show-toplevel 2>/dev/null | grep -qxF "$(realpath "$DUMB_PYPI")" \
    && git -C "$DUMB_PYPI" rev-parse --short HEAD || echo "not a git checkout")
echo "dumb-pypi: ${dumb_version:-unknown version} ($dumb_commit); options: ${DUMB_PYPI_OPTS:-(default)}"
echo "list:    $list ($(wc -l < "$list") lines)"
echo

run() { # name, command...
    local name=$1
    shift
    n=$((n + 1))
    out=$work/site-$n
    sync
    sleep 3
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/log" 2>&1 || {
        echo "$name failed:"
        tail -5 "$work/log"
        exit 1
    }
    read -r wall user sys rss < "$work/time"
    printf '%-9s wall %6.2f s  user %6.2f s  sys %6.2f s  peak RSS %5d MB  files %d  load before %s\n' "$name" \
        "$wall" "$user" "$sys" $((rss / 1024)) "$(find "$out" -type f | wc -l)" "$load"
    echo "$name $wall" >> "$work/results"
}

for _ in $(seq 1 "$rounds"); do
    # shellcheck disable=SC2086 # DUMB_PYPI_OPTS is a list of options
    run dumb-pypi env PYTHONPATH="$DUMB_PYPI" "$python" -m dumb_pypi.main --package-list "$list" \
        --packages-url https://example.invalid/packages/ --output-dir "$work/site-$((n + 1))" \
        --no-generate-timestamp ${DUMB_PYPI_OPTS:-}
    run gitpypi ./gitpypi build -q --package-list "$list" --packages-url https://example.invalid/packages/ \
        --out "$work/site-$((n + 1))" "$@"
done
echo
awk '{ if (!($1 in best) || $2 < best[$1]) best[$1] = $2 }
     END { printf "best of %d: dumb-pypi %.2f s, gitpypi %.2f s: gitpypi is %.1fx faster\n", '"$rounds"',
           best["dumb-pypi"], best["gitpypi"], best["dumb-pypi"] / best["gitpypi"] }' "$work/results"
