package dev.gitpypi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log line (message and throwable) written through java.util.logging (where System.Logger and the tests'
 * SLF4J binding end up) while open, for tests that check no secret is logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();

    private LogCapture() {
    }

    /**
     * Captures from now on, at every level.
     *
     * @return the capture; close it to stop
     */
    public static LogCapture start() {
        LogCapture c = new LogCapture();
        Logger.getLogger("").addHandler(c);
        Logger.getLogger("").setLevel(Level.ALL);
        return c;
    }

    /** @return the lines so far */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        lines.add(new java.util.logging.SimpleFormatter().formatMessage(r) + " " + r.getThrown());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        Logger.getLogger("").setLevel(Level.INFO);
    }
}
