package dev.gitpypi.testing.github;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One misbehaviour of the GitHub stand-in, answered instead of the real response to the next {@code times}
 * requests whose method and path (with query) match. The kinds are what GitHub is documented or known to send:
 * server errors, slow answers, the primary rate limit (403 with {@code x-ratelimit-remaining: 0} and a reset
 * time), the secondary rate limit (429 with {@code retry-after}, or 403 with only the message in the body),
 * malformed JSON, and a GraphQL {@code errors} array with HTTP 200.
 */
public final class Fault {
    /** What the stand-in answers. */
    public enum Kind {
        /** An HTTP status with a JSON error body, such as 500 or 502. */
        STATUS,
        /** The real answer, after a delay (longer than the client's time-out). */
        DELAY,
        /** 403, {@code x-ratelimit-remaining: 0}, {@code x-ratelimit-reset} some seconds ahead. */
        PRIMARY_RATE_LIMIT,
        /** 429 with {@code retry-after: N}. */
        RETRY_AFTER,
        /** 403 whose only sign is the body: "You have exceeded a secondary rate limit". */
        SECONDARY_BODY,
        /** 200 with a JSON body cut in the middle. */
        MALFORMED_JSON,
        /** 200 with {@code {"errors":[...]}} (GraphQL), of the given type such as {@code RATE_LIMITED}. */
        GRAPHQL_ERRORS
    }

    final String method;
    final Pattern path;
    final Kind kind;
    final int status;
    final long seconds;
    final String type;
    int times;

    private Fault(String method, String pathRegex, Kind kind, int status, long seconds, String type, int times) {
        this.method = method;
        this.path = Pattern.compile(pathRegex);
        this.kind = kind;
        this.status = status;
        this.seconds = seconds;
        this.type = type;
        this.times = times;
    }

    /**
     * An HTTP error status.
     *
     * @param method GET or POST
     * @param pathRegex a regular expression found in the request path and query
     * @param status such as 500
     * @param times how many requests get it
     * @return the fault
     */
    public static Fault status(String method, String pathRegex, int status, int times) {
        return new Fault(method, pathRegex, Kind.STATUS, status, 0, null, times);
    }

    /**
     * A slow answer.
     *
     * @param method GET or POST
     * @param pathRegex a regular expression found in the request path and query
     * @param delay how long the stand-in waits before answering
     * @param times how many requests
     * @return the fault
     */
    public static Fault delay(String method, String pathRegex, Duration delay, int times) {
        return new Fault(method, pathRegex, Kind.DELAY, 200, delay.toMillis(), null, times);
    }

    /**
     * The primary rate limit exhausted.
     *
     * @param method GET or POST
     * @param pathRegex a regular expression found in the request path and query
     * @param resetInSeconds when the limit resets, from the stand-in's clock
     * @param times how many requests
     * @return the fault
     */
    public static Fault primaryRateLimit(String method, String pathRegex, long resetInSeconds, int times) {
        return new Fault(method, pathRegex, Kind.PRIMARY_RATE_LIMIT, 403, resetInSeconds, null, times);
    }

    /**
     * A secondary rate limit with {@code retry-after}.
     *
     * @param method GET or POST
     * @param pathRegex a regular expression found in the request path and query
     * @param retryAfterSeconds the header's value
     * @param times how many requests
     * @return the fault
     */
    public static Fault retryAfter(String method, String pathRegex, long retryAfterSeconds, int times) {
        return new Fault(method, pathRegex, Kind.RETRY_AFTER, 429, retryAfterSeconds, null, times);
    }

    /**
     * A secondary rate limit told only in the body of a 403, with no rate-limit or retry header.
     *
     * @param method GET or POST
     * @param pathRegex a regular expression found in the request path and query
     * @param times how many requests
     * @return the fault
     */
    public static Fault secondaryBody(String method, String pathRegex, int times) {
        return new Fault(method, pathRegex, Kind.SECONDARY_BODY, 403, 0, null, times);
    }

    /**
     * A JSON body cut in the middle, with status 200.
     *
     * @param method GET or POST
     * @param pathRegex a regular expression found in the request path and query
     * @param times how many requests
     * @return the fault
     */
    public static Fault malformedJson(String method, String pathRegex, int times) {
        return new Fault(method, pathRegex, Kind.MALFORMED_JSON, 200, 0, null, times);
    }

    /**
     * A GraphQL answer with status 200 and an {@code errors} array.
     *
     * @param type the error type, such as {@code RATE_LIMITED} or {@code INTERNAL}
     * @param times how many requests
     * @return the fault
     */
    public static Fault graphqlErrors(String type, int times) {
        return new Fault("POST", "/graphql", Kind.GRAPHQL_ERRORS, 200, 0, type, times);
    }

    boolean matches(String requestMethod, String pathAndQuery) {
        return times > 0 && method.equals(requestMethod) && path.matcher(pathAndQuery).find();
    }

    @Override
    public String toString() {
        return kind + " " + method + " " + path;
    }
}
