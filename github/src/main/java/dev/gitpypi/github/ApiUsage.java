package dev.gitpypi.github;

import java.time.Duration;
import java.util.Objects;

/**
 * What reading a GitHub source spent. GitHub limits REST requests and GraphQL points separately (5,000 an hour each
 * for a user token); a conditional REST request answered {@code 304 Not Modified} costs nothing, and GraphQL queries
 * cost by GitHub's documented formula (the product of page sizes above each connection, summed, divided by 100,
 * at least 1).
 *
 * @param requests HTTP requests sent to the API (REST and GraphQL, retries included; not asset downloads)
 * @param notModified REST requests answered 304 Not Modified from the cache of earlier builds (free)
 * @param restPoints REST requests that counted against the REST rate limit
 * @param graphqlPoints GraphQL points, as GitHub reported them ({@code rateLimit.cost})
 * @param downloads release assets downloaded (to hash assets without a digest, or to mirror them)
 * @param waited time spent waiting for rate limits and between retries
 */
public record ApiUsage(long requests, long notModified, long restPoints, long graphqlPoints, long downloads,
        Duration waited) {
    /** Nothing spent. */
    public static final ApiUsage NONE = new ApiUsage(0, 0, 0, 0, 0, Duration.ZERO);

    /**
     * Creates a usage.
     *
     * @param requests requests
     * @param notModified 304s
     * @param restPoints REST points
     * @param graphqlPoints GraphQL points
     * @param downloads downloads
     * @param waited waits
     */
    public ApiUsage {
        Objects.requireNonNull(waited, "waited");
    }

    /** @return REST and GraphQL points together */
    public long points() {
        return restPoints + graphqlPoints;
    }

    /**
     * The sum of two usages.
     *
     * @param other another usage
     * @return the sum
     */
    public ApiUsage plus(ApiUsage other) {
        return new ApiUsage(requests + other.requests, notModified + other.notModified,
                restPoints + other.restPoints, graphqlPoints + other.graphqlPoints, downloads + other.downloads,
                waited.plus(other.waited));
    }

    /** Such as {@code 12 requests (10 not modified), 3 points (2 REST, 1 GraphQL), 0 downloads}. */
    @Override
    public String toString() {
        return requests + " request" + (requests == 1 ? "" : "s") + " (" + notModified + " not modified), "
                + points() + " point" + (points() == 1 ? "" : "s") + " (" + restPoints + " REST, " + graphqlPoints
                + " GraphQL), " + downloads + " download" + (downloads == 1 ? "" : "s")
                + (waited.isZero() ? "" : ", waited " + waited.toSeconds() + " s");
    }
}
