package dev.gitpypi.github;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The GitHub API could not be used: bad credentials, a missing organisation, a rate limit that does not reset within
 * the allowed wait, server errors or time-outs that outlasted the retries, an answer that is not the JSON GitHub
 * documents, a GraphQL {@code errors} array. The message names the request (without credentials) and what to do;
 * it never holds a token.
 */
public final class GitHubApiException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final @Nullable Instant rateLimitReset;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, lower-case, without credentials
     * @param statusCode the HTTP status, or 0 when there was no answer
     * @param rateLimitReset when the exhausted rate limit resets, or null
     */
    public GitHubApiException(String message, int statusCode, @Nullable Instant rateLimitReset) {
        super(message);
        this.statusCode = statusCode;
        this.rateLimitReset = rateLimitReset;
    }

    /** @return the HTTP status of the last answer, or 0 when there was none (a time-out, a refused connection) */
    public int statusCode() {
        return statusCode;
    }

    /** @return when the exhausted rate limit resets, if that was the problem */
    public Optional<Instant> rateLimitReset() {
        return Optional.ofNullable(rateLimitReset);
    }
}
