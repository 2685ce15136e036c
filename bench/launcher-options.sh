#!/usr/bin/env bash
# Which JVM options and writer threads make `gitpypi build --package-list` fastest on this machine: every
# combination of collector, compiler and --threads, run through the ./gitpypi launcher (GITPYPI_JAVA_OPTS replaces
# its defaults) on the same list, ROUNDS times each, in rotation (so a busy moment of the machine spreads over all
# of them), each into a new folder after `sync` and a pause; nothing is deleted before the end (see
# compare-dumb-pypi.sh: ext4 creates entries slowly right after many were deleted). Prints the best wall time, its
# user and system CPU and the largest peak RSS of each combination, fastest first.
#
#   bench/launcher-options.sh [ROUNDS] [LIST] [OUT_PARENT]
#
# OUT_PARENT defaults to a temporary folder on the disk ($TMPDIR or /tmp); give /dev/shm to see the CPU cost alone.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
list=$(realpath "${2:-testdata/package-list-huge.txt}")
parent=${3:-${TMPDIR:-/tmp}}
[ -f cli/target/gitpypi.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d "$parent/launcher-options.XXXXXX")
trap 'rm -rf "$work"' EXIT
n=0

collectors=("-XX:+UseSerialGC" "-XX:+UseParallelGC" "-XX:+UseG1GC")
compilers=("-XX:TieredStopAtLevel=1" "")
threads=(1 2 3)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -n 1)"
echo "output under: $(df -hT "$work" | awk 'NR==2 {print $2, $1}')"
for round in $(seq 1 "$rounds"); do
    for gc in "${collectors[@]}"; do
        for jit in "${compilers[@]}"; do
            for t in "${threads[@]}"; do
                n=$((n + 1))
                sync
                sleep 2
                GITPYPI_JAVA_OPTS="$gc $jit" /usr/bin/time -f "%e %U %S %M" -o "$work/time" ./gitpypi build -q \
                    --threads "$t" --package-list "$list" --packages-url https://example.invalid/packages/ \
                    --out "$work/site-$n" > /dev/null 2>&1
                echo "$gc ${jit:-tiered} threads=$t $(cat "$work/time")" >> "$work/results"
            done
        done
    done
done
awk '{ key = $1 " " $2 " " $3
       if (!(key in best) || $4 < best[key]) { best[key] = $4; user[key] = $5; sys[key] = $6 }
       if ($7 > rss[key]) rss[key] = $7 }
     END { for (k in best) printf "%6.2f s  user %5.2f  sys %5.2f  RSS %4d MB  %s\n", best[k], user[k], sys[k],
           rss[k] / 1024, k }' "$work/results" | sort -n
