package dev.gitpypi.github.internal;

import dev.gitpypi.github.ApiUsage;
import java.time.Duration;

/** Counts what one read spends. Thread-safe. */
public final class Usage {
    private long requests;
    private long notModified;
    private long restPoints;
    private long graphqlPoints;
    private long downloads;
    private Duration waited = Duration.ZERO;

    synchronized void request() {
        requests++;
    }

    synchronized void notModified() {
        notModified++;
    }

    synchronized void restPoint() {
        restPoints++;
    }

    synchronized void graphqlPoints(long points) {
        graphqlPoints += points;
    }

    synchronized void download() {
        downloads++;
    }

    synchronized void waited(Duration d) {
        waited = waited.plus(d);
    }

    /** @return what was spent so far */
    public synchronized ApiUsage snapshot() {
        return new ApiUsage(requests, notModified, restPoints, graphqlPoints, downloads, waited);
    }
}
