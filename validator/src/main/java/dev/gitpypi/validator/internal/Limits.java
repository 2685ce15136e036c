package dev.gitpypi.validator.internal;

import java.time.Duration;

/**
 * The bounds on remote and local input.
 *
 * @param maxPageBytes the largest project page (and JSON document) read whole
 * @param maxRootPageBytes the largest root page, which is streamed
 * @param maxRedirects redirects followed per request
 * @param connectTimeout the connect time-out
 * @param requestTimeout the whole-response time-out (headers and body)
 * @param maxProjects the most project pages read, or -1 for all
 * @param maxRootProjects the most projects a root page may list when its links must be kept (HTTP sites)
 */
public record Limits(long maxPageBytes, long maxRootPageBytes, int maxRedirects, Duration connectTimeout,
        Duration requestTimeout, int maxProjects, int maxRootProjects) {
}
