package dev.gitpypi.github.internal;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Progress;
import dev.gitpypi.git.TagPattern;
import dev.gitpypi.github.Sleeper;
import dev.gitpypi.github.Visibility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one GitHub source, as its builder made it.
 *
 * @param target whose repositories
 * @param topics keep repositories with at least one of these topics (empty: all)
 * @param namePattern keep repositories whose name matches (null: all)
 * @param includeArchived keep archived repositories
 * @param includeForks keep forks
 * @param visibility keep public, private or all repositories
 * @param linkStyle vcs, sdist or release
 * @param tagPattern which tags are versions
 * @param allowVersionMismatch index a tag whose static version disagrees, under the static version
 * @param token the token supplier (returns null or blank for none)
 * @param apiUrl the REST base URL, without a trailing slash
 * @param graphqlUrl the GraphQL URL
 * @param cacheDir the cache folder (the source keeps its files under {@code github/})
 * @param httpClient the client, or null for the default
 * @param customizer applied to every request to GitHub
 * @param progress hears the repositories being read
 * @param mirrorAssets download release assets into the site
 * @param privateSite the site is private: code of private repositories may go into it
 * @param publicIndex a public simple index to check private project names against, or null
 * @param graphql whether to read tags, releases and files through GraphQL (else REST only)
 * @param refreshAfter re-read a repository's tags and releases at least this often, even without a push
 * @param clock the time, for rate-limit resets and cache ages
 * @param sleeper waits
 * @param maxWait the longest single wait for a rate limit
 * @param retries retries after a server error, a time-out or malformed JSON
 * @param timeout the time-out of one request
 * @param maxMetadataBytes the largest metadata file read at a tag
 */
public record Settings(Target target, Set<String> topics, @Nullable Pattern namePattern, boolean includeArchived,
        boolean includeForks, Visibility visibility, LinkStyle linkStyle, TagPattern tagPattern,
        boolean allowVersionMismatch, Supplier<@Nullable String> token, URI apiUrl, URI graphqlUrl, Path cacheDir,
        @Nullable HttpClient httpClient, Consumer<HttpRequest.Builder> customizer, Progress progress,
        boolean mirrorAssets, boolean privateSite, @Nullable URI publicIndex, boolean graphql, Duration refreshAfter,
        Clock clock, Sleeper sleeper, Duration maxWait, int retries, Duration timeout, long maxMetadataBytes) {

    /** Whose repositories a source reads. */
    public enum Kind {
        /** An organisation's. */
        ORGANIZATION,
        /** A user's public repositories. */
        USER,
        /** The token's own account, private repositories included. */
        VIEWER,
        /** A list of {@code owner/name}. */
        REPOSITORIES
    }

    /**
     * Whose repositories.
     *
     * @param kind organisation, user, the token's account or a list
     * @param login the organisation or user login (empty otherwise)
     * @param repositories {@code owner/name} for a list (empty otherwise)
     */
    public record Target(Kind kind, String login, List<String> repositories) {
        /**
         * Creates a target.
         *
         * @param kind the kind
         * @param login the login
         * @param repositories the list
         */
        public Target {
            repositories = List.copyOf(repositories);
        }
    }

    /**
     * Creates settings.
     */
    public Settings {
        topics = Set.copyOf(topics);
    }
}
