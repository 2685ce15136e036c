#!/usr/bin/env bash
# Side-by-side timing of `gitpypi publish` and the git-program steps a hand-written CI job runs for the same
# result (shallow clone of gh-pages or a new branch, replace the files keeping CNAME, add .nojekyll, commit if
# anything changed, push), on the same site, to local bare repositories, in the same run.
#
#   bench/publish-vs-git.sh [ROUNDS, default 3]
#
# The site is built from testdata/package-list-huge.txt (dumb-pypi's 71,408-line list: about 5,900 projects and
# 15,700 files, pages only). Three cases per round, each tool in turn: a first publish to an empty repository, a
# publish of the unchanged site, a publish after one project gained a version. Prints the median wall time of each
# tool per case and the ratio (git / gitpypi = how many times faster gitpypi is). Wall times on a shared machine
# vary with its load, which is printed; compare the two sides of one run, not runs with each other.
# Needs cli/target/gitpypi.jar (./mvnw -B -q package -DskipTests) and git.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-3}
jar=cli/target/gitpypi.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -n 1)"
echo "git:     $(git --version)"

build() { # OUT [extra package-list lines]
    cp testdata/package-list-huge.txt "$tmp/list.txt"
    if [ $# -gt 1 ]; then printf '%s\n' "${@:2}" >> "$tmp/list.txt"; fi
    java -jar "$jar" build --package-list "$tmp/list.txt" --packages-url https://files.example.org/ \
        --out "$1" -q > /dev/null 2>&1 || [ $? -eq 1 ] # the list has invalid names: exit 1, site written
}
build "$tmp/site"
build "$tmp/site2" "zzz-bench-9.9.tar.gz"
echo "site:    $(find "$tmp/site" -type f | wc -l) files, $(du -sh "$tmp/site" | cut -f1)"
echo

publish_git() { # REPO SITE
    local w
    w=$(mktemp -d "$tmp/work.XXXX")
    if git ls-remote --exit-code --heads "$1" gh-pages > /dev/null 2>&1; then
        git clone -q --depth 1 --branch gh-pages "$1" "$w"
    else
        git init -q -b gh-pages "$w"
    fi
    (
        cd "$w"
        find . -mindepth 1 -maxdepth 1 ! -name .git ! -name CNAME -exec rm -rf {} +
        cp -a "$2"/. .
        touch .nojekyll
        git add -A
        if ! git rev-parse -q --verify HEAD > /dev/null || ! git diff --cached --quiet; then
            git commit -q -m publish
            git push -q "$1" HEAD:gh-pages
        fi
    )
    rm -rf "$w"
}

publish_gitpypi() { # REPO SITE
    java -jar "$root/$jar" publish "$2" --repo "$1" -q
}

seconds() { # COMMAND...: prints the wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

declare -A times
for ((r = 1; r <= rounds; r++)); do
    for tool in gitpypi git; do
        repo="$tmp/$tool-$r.git"
        git init -q --bare "$repo"
        times[$tool,first]+="$(seconds "publish_$tool" "$repo" "$tmp/site") "
        times[$tool,unchanged]+="$(seconds "publish_$tool" "$repo" "$tmp/site") "
        times[$tool,one-change]+="$(seconds "publish_$tool" "$repo" "$tmp/site2") "
        [ "$(git --git-dir "$repo" rev-list --count gh-pages)" = 2 ] || { echo "$tool: expected 2 commits" >&2; exit 1; }
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf '%-12s %12s %12s %8s\n' case gitpypi git ratio
for c in first unchanged one-change; do
    g=$(echo "${times[gitpypi,$c]}" | median)
    n=$(echo "${times[git,$c]}" | median)
    printf '%-12s %11.2fs %11.2fs %7.1fx\n' "$c" "$g" "$n" "$(echo "$n / $g" | bc -l)"
done
echo "(medians of $rounds rounds; load after: $(cut -d' ' -f1-3 /proc/loadavg))"
