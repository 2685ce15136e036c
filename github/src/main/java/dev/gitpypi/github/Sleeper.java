package dev.gitpypi.github;

import java.time.Duration;

/**
 * How the GitHub source waits: between retries after a server error or a time-out, and until a rate limit allows
 * the next request. The default sleeps the thread; tests and embedders that schedule their own work give another
 * (for example one that records the waits and moves a test clock on).
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long, never negative
     * @throws InterruptedException if interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return a sleeper that sleeps the calling thread */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
