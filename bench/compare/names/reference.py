"""Python side of `bench/compare-with-python.sh names`: packaging.utils.canonicalize_name over the JMH corpus.

Reads the corpus file given as the first argument (one project name per line, '#' comments), forms the same
three sets as ProjectNameBenchmark (already normalized, needing work, all; in file order, cut to the same
sizes), and times in-process with time.perf_counter: one warm-up pass, then REPS passes; prints
"<jmh benchmark> <ns per name>" lines, the median pass (compare-with-python.sh compares medians: on a shared
machine a preempted pass measures the other load, not canonicalize_name).
"""
import statistics
import sys
import time

from packaging.utils import canonicalize_name

REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 50


def load(path):
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    return [line for line in lines if line and not line.startswith("#")]


def per_name(names):
    def run():
        for n in names:
            canonicalize_name(n)

    run()  # warm-up
    passes = []
    for _ in range(REPS):
        start = time.perf_counter()
        run()
        passes.append(time.perf_counter() - start)
    return statistics.median(passes) / len(names) * 1e9


names = load(sys.argv[1])
done = [n for n in names if canonicalize_name(n) == n]
todo = [n for n in names if canonicalize_name(n) != n]
sets = {
    "ProjectNameBenchmark.normalizeAlreadyNormalized": done[:6800],
    "ProjectNameBenchmark.normalizeNeedsWork": todo[:1600],
    "ProjectNameBenchmark.normalizeAll": names[:8400],
}
for benchmark, subset in sets.items():
    print(f"{benchmark} {per_name(subset):.1f}")
