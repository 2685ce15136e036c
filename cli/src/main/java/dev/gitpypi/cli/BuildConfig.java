package dev.gitpypi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gitpypi.validator.internal.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The build options of a {@code gitpypi.toml} file: the same options as {@code gitpypi build}, so CI can keep them
 * in the repository. Keys are the long option names without dashes in front; sources are arrays. Relative paths
 * are relative to the file's folder.
 *
 * <pre>
 * out = "site"
 * link-style = "vcs"
 * base-url = "https://your-org.github.io/python-index/"
 * git = ["https://github.com/your-org/hello.git", { url = "../monorepo", tag-pattern = "(?&lt;project&gt;[^/]+)/v(?&lt;version&gt;.+)" }]
 * files = ["dist"]
 * shared-projects = ["hello"]     # releases of hello may come from several sources
 * github-org = ["your-org"]
 * github-topic = ["python"]
 * check-public-index = true
 * </pre>
 */
final class BuildConfig {
    private static final Set<String> KEYS = Set.of("out", "link-style", "base-url", "cache", "git", "files",
            "from-index", "package-list", "package-list-json", "packages-url", "tag-pattern", "pin-commits",
            "allow-version-mismatch", "discover-projects", "link-url", "title", "json-pages", "shared-projects",
            "yanked", "metadata-from-build", "allow-empty", "github-org", "github-user", "github-repo",
            "github-api-url", "github-topic", "github-name", "github-visibility", "github-archived", "github-forks",
            "github-rest-only", "github-max-wait", "mirror-assets", "private-site", "check-public-index");
    private static final Set<String> GIT_KEYS = Set.of("url", "tag-pattern", "link-url", "subdirectories", "project");

    /**
     * One Git source and its own options.
     *
     * @param location the path or URL
     * @param tagPattern its tag pattern, or null for the global one
     * @param linkUrl the URL to write in its links, or null
     * @param folders its project folders (monorepo), empty for the root
     * @param project the project name where the metadata names none, or null
     */
    record GitEntry(String location, @Nullable String tagPattern, @Nullable String linkUrl, List<String> folders,
            @Nullable String project) {
    }

    @Nullable Path out;
    @Nullable String linkStyle;
    @Nullable String baseUrl;
    @Nullable Path cache;
    final List<GitEntry> git = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
    final List<String> fromIndex = new ArrayList<>();
    final List<Path> packageList = new ArrayList<>();
    final List<Path> packageListJson = new ArrayList<>();
    @Nullable String packagesUrl;
    @Nullable String tagPattern;
    @Nullable Boolean pinCommits;
    @Nullable Boolean metadataFromBuild;
    @Nullable Boolean allowEmpty;
    /** Project name to (version to reason), as written. */
    final Map<String, Map<String, String>> yanked = new java.util.LinkedHashMap<>();
    @Nullable Boolean allowVersionMismatch;
    @Nullable Boolean discoverProjects;
    @Nullable String title;
    @Nullable Boolean jsonPages;
    final List<String> sharedProjects = new ArrayList<>();
    final List<String> githubOrgs = new ArrayList<>();
    final List<String> githubUsers = new ArrayList<>();
    final List<String> githubRepos = new ArrayList<>();
    final List<String> githubTopics = new ArrayList<>();
    @Nullable String githubApiUrl;
    @Nullable String githubName;
    @Nullable String githubVisibility;
    @Nullable Boolean githubArchived;
    @Nullable Boolean githubForks;
    @Nullable Boolean githubRestOnly;
    @Nullable Long githubMaxWait;
    @Nullable Boolean mirrorAssets;
    @Nullable Boolean privateSite;
    @Nullable String checkPublicIndex;

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @return the options it holds
     * @throws UsageException if it is not valid TOML or holds an unknown key or a wrong type
     * @throws IOException if it cannot be read
     */
    static BuildConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UsageException(file + ": not valid TOML: " + e.getOriginalMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        BuildConfig c = new BuildConfig();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (!KEYS.contains(key)) {
                String hint = Suggestions.didYouMean(key, KEYS);
                throw new UsageException(file + ": unknown key '" + key + "'" + (hint.isEmpty() ? " (known: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")" : hint));
            }
            switch (key) {
                case "out" -> c.out = base.resolve(text(file, key, v));
                case "cache" -> c.cache = base.resolve(text(file, key, v));
                case "link-style" -> c.linkStyle = text(file, key, v);
                case "base-url" -> c.baseUrl = text(file, key, v);
                case "packages-url" -> c.packagesUrl = text(file, key, v);
                case "tag-pattern" -> c.tagPattern = text(file, key, v);
                case "title" -> c.title = text(file, key, v);
                case "link-url" -> throw new UsageException(file + ": 'link-url' belongs in a git table: "
                        + "git = [{ url = \"…\", link-url = \"…\" }]");
                case "pin-commits" -> c.pinCommits = bool(file, key, v);
                case "metadata-from-build" -> c.metadataFromBuild = bool(file, key, v);
                case "allow-empty" -> c.allowEmpty = bool(file, key, v);
                case "yanked" -> yanked(file, v, c.yanked);
                case "allow-version-mismatch" -> c.allowVersionMismatch = bool(file, key, v);
                case "discover-projects" -> c.discoverProjects = bool(file, key, v);
                case "json-pages" -> c.jsonPages = bool(file, key, v);
                case "github-org" -> c.githubOrgs.addAll(texts(file, key, v));
                case "github-user" -> c.githubUsers.addAll(texts(file, key, v));
                case "github-repo" -> c.githubRepos.addAll(texts(file, key, v));
                case "github-topic" -> c.githubTopics.addAll(texts(file, key, v));
                case "github-api-url" -> c.githubApiUrl = text(file, key, v);
                case "github-name" -> c.githubName = text(file, key, v);
                case "github-visibility" -> c.githubVisibility = text(file, key, v);
                case "github-archived" -> c.githubArchived = bool(file, key, v);
                case "github-forks" -> c.githubForks = bool(file, key, v);
                case "github-rest-only" -> c.githubRestOnly = bool(file, key, v);
                case "github-max-wait" -> {
                    if (!v.canConvertToLong()) {
                        throw new UsageException(file + ": 'github-max-wait' must be a number of seconds");
                    }
                    c.githubMaxWait = v.asLong();
                }
                case "mirror-assets" -> c.mirrorAssets = bool(file, key, v);
                case "private-site" -> c.privateSite = bool(file, key, v);
                case "check-public-index" -> c.checkPublicIndex = v.isBoolean()
                        ? (v.asBoolean() ? GitHubOptions.PYPI : null) : text(file, key, v);
                case "files" -> texts(file, key, v).forEach(s -> c.files.add(base.resolve(s)));
                case "from-index" -> texts(file, key, v).forEach(s -> c.fromIndex.add(
                        s.contains("://") ? s : base.resolve(s).toString()));
                case "package-list" -> texts(file, key, v).forEach(s -> c.packageList.add(base.resolve(s)));
                case "package-list-json" -> texts(file, key, v).forEach(s -> c.packageListJson.add(base.resolve(s)));
                case "shared-projects" -> c.sharedProjects.addAll(texts(file, key, v));
                case "git" -> {
                    for (JsonNode item : array(file, key, v)) {
                        c.git.add(gitEntry(file, base, item));
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }
        return c;
    }

    private static GitEntry gitEntry(Path file, Path base, JsonNode item) {
        if (item.isTextual()) {
            return new GitEntry(location(base, item.asText()), null, null, List.of(), null);
        }
        if (!item.isObject()) {
            throw new UsageException(file + ": each 'git' entry is a string or a table with url, tag-pattern,"
                    + " link-url, subdirectories, project");
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext();) {
            String k = names.next();
            if (!GIT_KEYS.contains(k)) {
                String hint = Suggestions.didYouMean(k, GIT_KEYS);
                throw new UsageException(file + ": unknown key '" + k + "' in a git entry" + (hint.isEmpty()
                        ? " (known: link-url, project, subdirectories, tag-pattern, url)" : hint));
            }
        }
        JsonNode url = item.get("url");
        if (url == null) {
            throw new UsageException(file + ": a git entry needs 'url'");
        }
        JsonNode tp = item.get("tag-pattern");
        JsonNode lu = item.get("link-url");
        JsonNode sub = item.get("subdirectories");
        JsonNode project = item.get("project");
        return new GitEntry(location(base, text(file, "url", url)), tp == null ? null : text(file, "tag-pattern", tp),
                lu == null ? null : text(file, "link-url", lu),
                sub == null ? List.of() : texts(file, "subdirectories", sub),
                project == null ? null : text(file, "project", project));
    }

    /** {@code yanked = { "name" = { "1.2.0" = "reason" } }}. */
    private static void yanked(Path file, JsonNode v, Map<String, Map<String, String>> out) {
        String form = ": 'yanked' is a table of projects, each a table of version = \"reason\", such as"
                + " yanked = { hello = { \"1.2.0\" = \"broken wheel\" } }";
        if (!v.isObject()) {
            throw new UsageException(file + form);
        }
        for (Map.Entry<String, JsonNode> project : v.properties()) {
            if (!project.getValue().isObject()) {
                throw new UsageException(file + form);
            }
            Map<String, String> versions = out.computeIfAbsent(project.getKey(), k -> new java.util.LinkedHashMap<>());
            for (Map.Entry<String, JsonNode> version : project.getValue().properties()) {
                if (!version.getValue().isTextual()) {
                    throw new UsageException(file + form);
                }
                versions.put(version.getKey(), version.getValue().asText());
            }
        }
    }

    /** A URL stays as it is; a path is resolved against the configuration file's folder. */
    private static String location(Path base, String value) {
        return value.contains("://") || value.matches("[^/]+@[^/:]+:.*") ? value : base.resolve(value).toString();
    }

    private static String text(Path file, String key, JsonNode v) {
        if (!v.isTextual()) {
            throw new UsageException(file + ": '" + key + "' must be a string");
        }
        return v.asText();
    }

    private static boolean bool(Path file, String key, JsonNode v) {
        if (!v.isBoolean()) {
            throw new UsageException(file + ": '" + key + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static List<JsonNode> array(Path file, String key, JsonNode v) {
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        return items;
    }

    private static List<String> texts(Path file, String key, JsonNode v) {
        return array(file, key, v).stream().map(n -> text(file, key, n)).toList();
    }
}
