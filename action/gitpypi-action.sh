#!/usr/bin/env bash
# The steps of the gitpypi GitHub Action (action.yml at the repository root), one per subcommand:
#
#   resolve    which gitpypi to run: a release of the action's own version, or (no release: a branch, a fork)
#              one built from the action's source; sets the cache folder and key for actions/cache
#   install    puts gitpypi.jar into the cache folder (download + sha256 check, or build once) and checks it
#   build      gitpypi build with the inputs; outputs projects, versions, files-written
#   validate   gitpypi validate to SARIF; outputs errors, warnings, notes; fails at --fail-on
#   publish    gitpypi publish to a branch; outputs published, commit, versions-added/-removed, pages-url
#   summary    a Markdown summary for the job page (GITHUB_STEP_SUMMARY)
#
# Inputs come as INPUT_* environment variables set by action.yml (never interpolated into this script, so no
# input can inject shell code); outputs go to GITHUB_OUTPUT. Needs bash, curl, sha256sum (or shasum) and python3,
# as GitHub's Linux and macOS runners have them. Everything it runs from gitpypi is `java -jar gitpypi.jar`.
set -euo pipefail

step=${1:?usage: gitpypi-action.sh resolve|install|build|validate|publish|summary}
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
state=${RUNNER_TEMP:?RUNNER_TEMP is not set}/gitpypi-action
mkdir -p "$state"

output() { # NAME VALUE: a step output (single-line values only)
    printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
}

fail() {
    echo "::error title=gitpypi::$*"
    exit 1
}

sha256() {
    if command -v sha256sum > /dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

json() { # FILE PYTHON-EXPRESSION over `d`: prints the value, or nothing
    python3 - "$1" "$2" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    v = eval(sys.argv[2], {"d": d})
except Exception:
    v = None
print("" if v is None else v)
PY
}

lines() { # TEXT: the non-empty, trimmed lines
    printf '%s\n' "$1" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' || true
}

jar() {
    cat "$state/jar"
}

case "$step" in
resolve)
    version=${INPUT_VERSION:-}
    if [ -z "$version" ]; then
        # the action's own version: the parent pom of the checkout GitHub made of the action
        version=$(sed -n '/<artifactId>gitpypi-parent<\/artifactId>/{n;s/.*<version>\([^<]*\)<\/version>.*/\1/p;}' \
            "$action_path/pom.xml" | head -n 1)
        [ -n "$version" ] || fail "cannot read gitpypi's version from $action_path/pom.xml"
    fi
    version=${version#v}
    [[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]] || fail "invalid version '$version'"
    cache_root=${RUNNER_TOOL_CACHE:-$HOME/.cache}/gitpypi
    if [[ "$version" == *-SNAPSHOT ]]; then
        # no release of a development version: build it from the action's source, once per source
        source_hash=$(python3 - "$action_path" <<'PY'
import hashlib, os, sys
root = sys.argv[1]
h = hashlib.sha256()
for folder, dirs, files in os.walk(root):
    dirs[:] = sorted(d for d in dirs if d not in ("target", ".git", "node_modules"))
    rel = os.path.relpath(folder, root)
    for name in sorted(files):
        path = os.path.join(rel, name)
        if name in ("pom.xml", "mvnw") or "/src/main/" in "/" + path + "/" or path.startswith(".mvn"):
            h.update(path.encode() + b"\0")
            with open(os.path.join(root, path), "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())
print(h.hexdigest()[:16])
PY
)
        key="gitpypi-$version-source-$source_hash"
        mode=source
    else
        key="gitpypi-$version-release"
        mode=release
    fi
    dir="$cache_root/$key"
    echo "gitpypi $version ($mode), cached in $dir"
    output version "$version"
    output mode "$mode"
    output cache-dir "$dir"
    output cache-key "$key-${RUNNER_OS:-Linux}"
    ;;

install)
    version=${GITPYPI_VERSION:?} mode=${GITPYPI_MODE:?} dir=${GITPYPI_CACHE_DIR:?}
    mkdir -p "$dir"
    jar="$dir/gitpypi.jar"
    # the repository the action comes from: as GitHub names it, else from where the runner put the action
    # (RUNNER/_actions/OWNER/REPO/REF), else this repository (a local action, uses: ./)
    repo=${GITHUB_ACTION_REPOSITORY:-}
    if [ -z "$repo" ] && [[ "$action_path" =~ /_actions/([^/]+)/([^/]+)/[^/]+/?$ ]]; then
        repo="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
    fi
    if [ "$mode" = release ] && [ ! -f "$jar" ]; then
        if [ -z "$repo" ]; then repo=${GITHUB_REPOSITORY:?}; fi
        base="${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download/v$version"
        echo "downloading gitpypi $version from $base"
        if curl -fsSL --retry 3 -o "$dir/gitpypi.jar.part" "$base/gitpypi.jar" \
                && curl -fsSL --retry 3 -o "$dir/gitpypi.jar.sha256" "$base/gitpypi.jar.sha256"; then
            expected=$(cut -d' ' -f1 < "$dir/gitpypi.jar.sha256")
            actual=$(sha256 "$dir/gitpypi.jar.part")
            if [ "$actual" != "$expected" ]; then
                rm -f "$dir/gitpypi.jar.part" "$dir/gitpypi.jar.sha256"
                fail "gitpypi.jar of release v$version does not match its gitpypi.jar.sha256 ($actual, expected $expected): not running it"
            fi
            # GitHub states the digest of each release asset it stores; when the API answers, it must agree too
            release_json="$state/release.json"
            if curl -fsSL -H "Accept: application/vnd.github+json" ${INPUT_TOKEN:+-H "Authorization: Bearer $INPUT_TOKEN"} \
                    -o "$release_json" "${GITHUB_API_URL:-https://api.github.com}/repos/$repo/releases/tags/v$version" 2> /dev/null; then
                digest=$(json "$release_json" "next((a.get('digest') or '') for a in d.get('assets', []) if a.get('name') == 'gitpypi.jar')")
                if [ -n "$digest" ] && [ "$digest" != "sha256:$expected" ]; then
                    rm -f "$dir/gitpypi.jar.part" "$dir/gitpypi.jar.sha256"
                    fail "gitpypi.jar of release v$version does not match the digest GitHub states for it ($digest): not running it"
                fi
            fi
            mv "$dir/gitpypi.jar.part" "$jar"
        else
            rm -f "$dir/gitpypi.jar.part" "$dir/gitpypi.jar.sha256"
            echo "::notice title=gitpypi::no release v$version of $repo to download; building gitpypi from the action's source"
            mode=source
        fi
    fi
    if [ "$mode" = source ] && [ ! -f "$jar" ]; then
        echo "building gitpypi $version from $action_path (once; the jar is cached)"
        (cd "$action_path" && ./mvnw -B -q package -DskipTests -pl cli -am) || fail "building gitpypi from source failed"
        cp "$action_path/cli/target/gitpypi.jar" "$dir/gitpypi.jar.part"
        sha256 "$dir/gitpypi.jar.part" | sed 's/$/  gitpypi.jar/' > "$dir/gitpypi.jar.sha256"
        mv "$dir/gitpypi.jar.part" "$jar"
    fi
    # a cached jar is checked too: the cache is shared by every workflow of the repository
    [ "$(sha256 "$jar")" = "$(cut -d' ' -f1 < "$dir/gitpypi.jar.sha256")" ] \
        || fail "the cached gitpypi.jar does not match its checksum: not running it (delete the cache entry)"
    java -jar "$jar" --version
    printf '%s' "$jar" > "$state/jar"
    output jar "$jar"
    ;;

build)
    args=(build --json)
    sources=0
    run=${INPUT_BUILD:-auto}
    if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); sources=$((sources + 1)); fi
    while IFS= read -r g; do args+=(--git "$g"); sources=$((sources + 1)); done < <(lines "${INPUT_GIT:-}")
    while IFS= read -r f; do args+=(--files "$f"); sources=$((sources + 1)); done < <(lines "${INPUT_FILES:-}")
    while IFS= read -r a; do args+=("$a"); sources=$((sources + 1)); done < <(lines "${INPUT_BUILD_ARGS:-}")
    if [ -n "${INPUT_LINK_STYLE:-}" ]; then args+=(--link-style "$INPUT_LINK_STYLE"); fi
    if [ -n "${INPUT_BASE_URL:-}" ]; then args+=(--base-url "$INPUT_BASE_URL"); fi
    if [ -n "${INPUT_OUT:-}" ]; then args+=(--out "$INPUT_OUT"); fi
    if [ "$run" = auto ]; then
        if [ $sources -gt 0 ] || [ -f gitpypi.toml ]; then run=true; else run=false; fi
    fi
    if [ "$run" != true ]; then
        echo "no build (no sources, config or gitpypi.toml given)"
        exit 0
    fi
    summary="$state/build.json"
    status=0
    GITHUB_TOKEN=${INPUT_TOKEN:-} java -jar "$(jar)" "${args[@]}" > "$summary" || status=$?
    if [ $status -ne 0 ] && [ $status -ne 1 ]; then
        fail "gitpypi build failed (exit $status): nothing was written"
    fi
    if [ $status -eq 1 ]; then
        echo "::warning title=gitpypi::the build finished with errors; the site was written without the releases named above"
    fi
    output projects "$(json "$summary" "d['projects']")"
    output versions "$(json "$summary" "d['versions']")"
    output files-written "$(json "$summary" "d['files-written']")"
    output build-errors "$(json "$summary" "d['errors']")"
    output out "$(json "$summary" "d['out']")"
    ;;

validate)
    if [ "${INPUT_VALIDATE:-true}" != true ]; then
        echo "no validation (validate: ${INPUT_VALIDATE:-})"
        exit 0
    fi
    target=${INPUT_OUT:-site}
    [ -d "$target" ] || fail "no site folder '$target' to validate (build: false needs out: naming a folder)"
    sarif=${INPUT_SARIF:-}
    [ -n "$sarif" ] || sarif="$state/gitpypi.sarif"
    status=0
    # the target as typed, relative to the workspace: the findings then name files as the repository does
    # (index/simple/foo/index.html), so code scanning shows a finding in a committed index on its line
    java -jar "$(jar)" validate "$target" --format sarif --output "$sarif" --fail-on "${INPUT_FAIL_ON:-error}" \
        || status=$?
    [ $status -le 1 ] || fail "gitpypi validate could not check $target (exit $status)"
    count() { json "$sarif" "sum(1 for run in d.get('runs', []) for r in run.get('results', []) if r.get('level', 'warning') == '$1')"; }
    errors=$(count error) warnings=$(count warning) notes=$(count note)
    echo "validation of $target: $errors errors, $warnings warnings, $notes notes"
    output errors "$errors"
    output warnings "$warnings"
    output notes "$notes"
    if [ -n "${INPUT_SARIF:-}" ]; then output sarif "$sarif"; fi
    printf '%s %s %s\n' "$errors" "$warnings" "$notes" > "$state/validation"
    [ $status -eq 0 ] || fail "the index has findings at or above '${INPUT_FAIL_ON:-error}' ($errors errors, $warnings warnings): not published"
    ;;

publish)
    branch=${INPUT_PUBLISH:-}
    if [ -z "$branch" ]; then
        echo "no publish (publish: names no branch)"
        exit 0
    fi
    target=${INPUT_OUT:-site}
    args=(publish "$target" --repo "${INPUT_PUBLISH_REPO:?}" --branch "$branch" --json
        --author "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>")
    if [ -n "${INPUT_PUBLISH_MESSAGE:-}" ]; then args+=(--message "$INPUT_PUBLISH_MESSAGE"); fi
    if [ -n "${INPUT_GITHUB_API_URL:-}" ]; then args+=(--github-api-url "$INPUT_GITHUB_API_URL"); fi
    result="$state/publish.json"
    GITHUB_TOKEN=${INPUT_TOKEN:-} java -jar "$(jar)" "${args[@]}" > "$result"
    outcome=$(json "$result" "d['outcome']")
    if [ "$outcome" = unchanged ]; then output published false; else output published true; fi
    output commit "$(json "$result" "d['commit']")"
    output versions-added "$(json "$result" "d['changes']['versions-added']")"
    output versions-removed "$(json "$result" "d['changes']['versions-removed']")"
    output pages-url "$(json "$result" "d['pages-url']")"
    ;;

summary)
    [ "${INPUT_SUMMARY:-true}" = true ] || exit 0
    python3 - "$state" "${INPUT_BASE_URL:-}" "${INPUT_PUBLISH:-}" >> "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}" <<'PY'
import json, os, sys

state, base_url, branch = sys.argv[1], sys.argv[2], sys.argv[3]

def load(name):
    try:
        with open(os.path.join(state, name), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def md(text):
    # table cells and inline text: no markup from names (they are valid project names already)
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")

build, published = load("build.json"), load("publish.json")
rows = []
if build:
    rows.append(("Projects", build["projects"]))
    rows.append(("Versions", build["versions"]))
    rows.append(("Files written", "%s (%s unchanged, %s deleted)" % (
        build["files-written"], build["files-unchanged"], build["files-deleted"])))
    if build["errors"] or build["warnings"]:
        rows.append(("Build problems", "%s errors, %s warnings (see the log)" % (build["errors"], build["warnings"])))
if published:
    c = published["changes"]
    rows.append(("Versions added", c["versions-added"]))
    rows.append(("Versions removed", c["versions-removed"]))
try:
    with open(os.path.join(state, "validation"), encoding="utf-8") as f:
        e, w, n = f.read().split()
    rows.append(("Validation", "%s errors, %s warnings, %s notes" % (e, w, n)))
except (OSError, ValueError):
    pass
if published:
    if published["outcome"] == "unchanged":
        rows.append(("Published", "`%s` already held this index: no commit" % md(published["branch"])))
    else:
        rows.append(("Published", "commit `%s` to `%s`" % (published["commit"][:12], md(published["branch"]))))

print("### gitpypi")
print()
if rows:
    print("| | |")
    print("|---|---|")
    for k, v in rows:
        print("| %s | %s |" % (k, md(v)))
    print()
if published:
    c = published["changes"]
    lines = []
    for p in c["projects-added"]:
        lines.append("- added project **%s** %s" % (md(p["name"]), md(", ".join(p["versions"][-10:]))))
    for p in c["project-versions-added"]:
        lines.append("- **%s**: added %s" % (md(p["name"]), md(", ".join(p["versions"][-10:]))))
    for p in c["project-versions-removed"]:
        lines.append("- **%s**: removed %s" % (md(p["name"]), md(", ".join(p["versions"][-10:]))))
    for p in c["projects-removed"]:
        lines.append("- removed project **%s**" % md(p["name"]))
    for y in c["yanked"]:
        lines.append("- yanked `%s`" % md(y["filename"]))
    if lines:
        print("\n".join(lines[:50]))
        if len(lines) > 50:
            print("- ... and %d more" % (len(lines) - 50))
        print()
url = (published or {}).get("pages-url") or base_url
if url:
    url = url if url.endswith("/") else url + "/"
    names = [p["name"] for p in (build or {}).get("project-list", [])]
    name = names[0] if names else "NAME"
    print("Install from it:")
    print()
    print("```sh")
    print("pip install --index-url %ssimple/ %s" % (url, name))
    print("uv pip install --index-url %ssimple/ %s" % (url, name))
    print("```")
PY
    ;;

*)
    fail "unknown step '$step'"
    ;;
esac
