package dev.gitpypi.github;

import dev.gitpypi.core.SourceResult;
import java.util.Objects;

/**
 * What {@link GitHubSource#readWithUsage()} produced: the projects and problems, and what the API calls cost.
 *
 * @param result the projects and problems (what {@link GitHubSource#read()} returns)
 * @param usage the requests and points spent
 */
public record GitHubResult(SourceResult result, ApiUsage usage) {
    /**
     * Creates a result.
     *
     * @param result the projects and problems
     * @param usage the requests and points spent
     */
    public GitHubResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(usage, "usage");
    }
}
