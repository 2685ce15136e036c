"""Python side of `bench/compare-with-python.sh versions`: packaging.version.Version over the JMH corpus.

Reads the corpus file given as the first argument (one version per line, '#' comments), shuffles it with a
fixed seed as VersionBenchmark does, and times in-process with time.perf_counter: one warm-up pass, then
REPS passes; prints "<jmh benchmark> <ns per op>" lines, the median over the timed passes (robust against
the preemption spikes of a shared machine).
"""
import random
import statistics
import sys
import time

from packaging.version import InvalidVersion, Version

REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def load(path):
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    return [line for line in lines if line and not line.startswith("#")]


def valid(s):
    try:
        Version(s)
        return True
    except InvalidVersion:
        return False


def timed(fn):
    fn()  # warm-up
    passes = []
    for _ in range(REPS):
        start = time.perf_counter()
        fn()
        passes.append(time.perf_counter() - start)
    return statistics.median(passes)


lines = load(sys.argv[1])
random.Random(42).shuffle(lines)
good = [s for s in lines if valid(s)]


def parse_all():
    for s in good:
        Version(s)


def is_valid_all():
    for s in lines:
        try:
            Version(s)
        except InvalidVersion:
            pass


rng = random.Random(7)
left = [Version(s) for s in good]
right = [Version(good[rng.randrange(len(good))]) for _ in good]
pairs = list(zip(left, right))


def compare_all():
    # packaging caches each version's comparison key on first use, so after the warm-up pass this is its
    # steady state: a tuple comparison (the figure most favourable to Python)
    for a, b in pairs:
        a < b


print("VersionBenchmark.parse %.1f" % (timed(parse_all) / len(good) * 1e9))
print("VersionBenchmark.isValid %.1f" % (timed(is_valid_all) / len(lines) * 1e9))
print("VersionBenchmark.compareTo %.1f" % (timed(compare_all) / len(pairs) * 1e9))
