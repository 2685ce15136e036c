#!/usr/bin/env bash
# Side-by-side speed comparison with the Python reference implementation.
#
#   bench/compare-with-python.sh CASE [JMH options, default: -f 1 -wi 3 -i 5 -w 1s -r 1s]
#
# A case is a directory bench/compare/CASE/ holding
#   corpus        one line: the repository-relative path of the input file both sides read
#   reference.py  the Python side: `python3 reference.py CORPUS` times the reference in-process
#                 (time.perf_counter, many passes) and prints "<JMH benchmark> <ns per op>" lines
# The Java side is the JMH benchmarks named by those lines, run on the same corpus (passed to the forked JVM
# as -Dgitpypi.bench.CASE=PATH). Prints ns/op for both and the ratio (Python / Java = how many times faster),
# computed from medians (of the Python passes, of the JMH iterations) because a shared machine's preemption
# spikes distort means; the JMH mean and its 99.9% interval are printed too.
# Build the jar first if missing: ./mvnw -B -q -pl bench -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."

case_name=${1:?usage: bench/compare-with-python.sh CASE [JMH options]}
shift
if [ $# -eq 0 ]; then
    set -- -f 1 -wi 3 -i 5 -w 1s -r 1s
fi
dir=bench/compare/$case_name
[ -d "$dir" ] || { echo "no such case: $dir" >&2; exit 2; }
jar=bench/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -B -q -pl bench -am package -DskipTests
corpus=$(head -n 1 "$dir/corpus")
python=${GITPYPI_PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -n 1)"
echo "python:  $("$python" -c 'import sys, packaging; print(sys.version.split()[0], "packaging", packaging.__version__)')"
echo "corpus:  $corpus"
echo

"$python" "$dir/reference.py" "$corpus" > "$tmp/python.txt"
regex=$(awk '{print $1}' "$tmp/python.txt" | sed 's/\./\\./g' | paste -sd'|')
java -jar "$jar" "($regex)\$" \
    -jvmArgsAppend "-Dgitpypi.bench.$case_name=$PWD/$corpus" -rf json -rff "$tmp/jmh.json" "$@" > "$tmp/jmh.log" \
    || { cat "$tmp/jmh.log" >&2; exit 1; }

"$python" - "$tmp/python.txt" "$tmp/jmh.json" <<'PY'
import json, sys
python = dict((line.split()[0], float(line.split()[1])) for line in open(sys.argv[1]))
import statistics
java = {}
for result in json.load(open(sys.argv[2])):
    name = ".".join(result["benchmark"].split(".")[-2:])
    metric = result["primaryMetric"]
    iterations = [x for fork in metric["rawData"] for x in fork]
    java[name] = (statistics.median(iterations), metric["score"], metric["scoreError"])
print("| benchmark | Python ns/op (median) | Java ns/op (median) | Java mean ± 99.9% CI | ratio (Python / Java) |")
print("|---|---:|---:|---:|---:|")
for name, p in python.items():
    if name in java:
        median, mean, err = java[name]
        print(f"| {name} | {p:.1f} | {median:.1f} | {mean:.1f} ± {err:.1f} | {p / median:.1f}x |")
    else:
        print(f"| {name} | {p:.1f} | (not run) | | |")
PY
