package dev.gitpypi.cli;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Progress;
import dev.gitpypi.git.TagPattern;
import dev.gitpypi.github.ApiUsage;
import dev.gitpypi.github.GitHubSource;
import dev.gitpypi.github.Visibility;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The GitHub options of {@code gitpypi build}: thin wrappers over {@link GitHubSource}'s builder. Each
 * {@code --github-org}, {@code --github-user} and the {@code --github-repo} list is one source; the filters apply to
 * the organisations and users.
 */
final class GitHubOptions {
    /** The public index {@code --check-public-index} checks when given without a URL. */
    static final String PYPI = "https://pypi.org/simple/";

    @Option(names = "--github-org", paramLabel = "ORG",
            description = "A GitHub organisation: its repositories (private ones too, if the token sees them)."
                    + " Repeatable.")
    List<String> orgs = new ArrayList<>();

    @Option(names = "--github-user", paramLabel = "USER",
            description = "A GitHub user's public repositories; @me for the token's own account, private ones"
                    + " included. Repeatable.")
    List<String> users = new ArrayList<>();

    @Option(names = "--github-repo", paramLabel = "OWNER/NAME", description = "A GitHub repository. Repeatable.")
    List<String> repos = new ArrayList<>();

    @Option(names = "--github-api-url", paramLabel = "URL",
            description = "GitHub Enterprise Server's API, https://HOST/api/v3 (default: https://api.github.com).")
    @Nullable String apiUrl;

    @Option(names = "--github-topic", paramLabel = "TOPIC",
            description = "Keep repositories with this topic (any of those given). Repeatable.")
    List<String> topics = new ArrayList<>();

    @Option(names = "--github-name", paramLabel = "REGEX",
            description = "Keep repositories whose name matches this regular expression.")
    @Nullable String namePattern;

    @Option(names = "--github-visibility", paramLabel = "WHICH",
            description = "all (default), public or private (private and internal) repositories.")
    @Nullable String visibility;

    @Option(names = "--github-archived", description = "Keep archived repositories (left out by default).")
    boolean archived;

    @Option(names = "--github-forks", description = "Keep forks (left out by default).")
    boolean forks;

    @Option(names = "--github-rest-only",
            description = "Read tags, releases and files through REST only, not GraphQL (more requests).")
    boolean restOnly;

    @Option(names = "--github-max-wait", paramLabel = "SECONDS",
            description = "The longest wait for a GitHub rate limit before the build fails (default: 600).")
    @Nullable Long maxWait;

    @Option(names = "--mirror-assets",
            description = "With --link-style release: copy the assets into the site instead of linking to GitHub"
                    + " (needed for private repositories, with --private-site).")
    boolean mirrorAssets;

    @Option(names = "--private-site",
            description = "The site is readable only by your team: code of private repositories (sdists, mirrored"
                    + " assets) may go into it.")
    boolean privateSite;

    @Option(names = "--check-public-index", paramLabel = "URL", arity = "0..1", fallbackValue = PYPI,
            description = "Report every project from a private repository whose name exists on this public simple"
                    + " index (dependency confusion; default when given without URL: " + PYPI + ").")
    @Nullable String publicIndex;

    /** @return whether any GitHub source is given */
    boolean any() {
        return !orgs.isEmpty() || !users.isEmpty() || !repos.isEmpty();
    }

    /** Takes the {@code gitpypi.toml} values the command line did not set. */
    void merge(BuildConfig c) {
        orgs.addAll(0, c.githubOrgs);
        users.addAll(0, c.githubUsers);
        repos.addAll(0, c.githubRepos);
        topics.addAll(0, c.githubTopics);
        apiUrl = apiUrl != null ? apiUrl : c.githubApiUrl;
        namePattern = namePattern != null ? namePattern : c.githubName;
        visibility = visibility != null ? visibility : c.githubVisibility;
        archived = archived || Boolean.TRUE.equals(c.githubArchived);
        forks = forks || Boolean.TRUE.equals(c.githubForks);
        restOnly = restOnly || Boolean.TRUE.equals(c.githubRestOnly);
        maxWait = maxWait != null ? maxWait : c.githubMaxWait;
        mirrorAssets = mirrorAssets || Boolean.TRUE.equals(c.mirrorAssets);
        privateSite = privateSite || Boolean.TRUE.equals(c.privateSite);
        publicIndex = publicIndex != null ? publicIndex : c.checkPublicIndex;
    }

    /**
     * The sources.
     *
     * @throws UsageException for a value the source refuses
     */
    List<GitHubSource> sources(LinkStyle style, @Nullable Path cache, @Nullable String tagPattern,
            boolean allowVersionMismatch, Progress progress) {
        if (!any() && (apiUrl != null || !topics.isEmpty() || namePattern != null || visibility != null || archived
                || forks || restOnly || mirrorAssets || publicIndex != null)) {
            throw new UsageException("GitHub options need a GitHub source: --github-org, --github-user or"
                    + " --github-repo");
        }
        if (mirrorAssets && style != LinkStyle.RELEASE) {
            throw new UsageException("--mirror-assets copies release assets: it needs --link-style release");
        }
        if (maxWait != null && maxWait < 0) {
            throw new UsageException("--github-max-wait must not be negative: " + maxWait);
        }
        Visibility which = Visibility.ALL;
        if (visibility != null) {
            try {
                which = Visibility.valueOf(visibility.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --github-visibility '" + visibility + "': all, public or private");
            }
        }
        List<GitHubSource.Builder> builders = new ArrayList<>();
        try {
            for (String org : orgs) {
                builders.add(GitHubSource.organization(org));
            }
            for (String user : users) {
                builders.add(user.equals("@me") ? GitHubSource.authenticatedUser() : GitHubSource.user(user));
            }
            if (!repos.isEmpty()) {
                builders.add(GitHubSource.repositories(repos));
            }
            List<GitHubSource> out = new ArrayList<>();
            for (GitHubSource.Builder b : builders) {
                b.linkStyle(style).progress(progress).topics(topics.toArray(String[]::new)).includeArchived(archived)
                        .includeForks(forks).visibility(which).useGraphql(!restOnly).mirrorAssets(mirrorAssets)
                        .privateSite(privateSite).allowVersionMismatch(allowVersionMismatch);
                if (namePattern != null) {
                    b.namePattern(namePattern);
                }
                if (apiUrl != null) {
                    b.apiUrl(apiUrl);
                }
                if (publicIndex != null) {
                    b.checkPublicIndex(publicIndex);
                }
                if (tagPattern != null) {
                    b.tagPattern(TagPattern.regex(tagPattern));
                }
                if (cache != null) {
                    b.cacheDir(cache);
                }
                if (maxWait != null) {
                    b.maxWait(Duration.ofSeconds(maxWait));
                }
                out.add(b.build());
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The {@code github} object of {@code build --json}. */
    static Map<String, Object> json(ApiUsage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", u.requests());
        m.put("not-modified", u.notModified());
        m.put("points", u.points());
        m.put("rest-points", u.restPoints());
        m.put("graphql-points", u.graphqlPoints());
        m.put("downloads", u.downloads());
        m.put("waited-seconds", u.waited().toSeconds());
        return m;
    }
}
