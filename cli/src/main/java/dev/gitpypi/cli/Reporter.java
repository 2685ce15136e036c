package dev.gitpypi.cli;

import dev.gitpypi.core.Problem;
import dev.gitpypi.core.internal.Redaction;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What a command tells the person running it, on standard error: plain log lines when the output is not a
 * terminal; on a terminal, one status line that updates in place (a spinner and a counter, or a bar when the
 * total is known). {@code --quiet} keeps only warnings and errors; {@code --verbose} adds details. Every line goes
 * through {@link Redaction#text}: a URL with a password in a step's name or a problem's location is printed without
 * it.
 */
final class Reporter implements AutoCloseable, dev.gitpypi.core.Progress {
    /** How much to say. */
    enum Level {
        QUIET, NORMAL, VERBOSE
    }

    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private final PrintWriter err;
    private final Level level;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private @Nullable ScheduledFuture<?> tick;
    private volatile String task = "";
    private final AtomicLong done = new AtomicLong();
    private volatile long total = -1;
    private volatile long started;
    private volatile String unit = "";
    private int frame;
    private boolean lineOpen;

    Reporter(PrintWriter err, Level level, boolean terminal) {
        this.err = err;
        this.level = level;
        this.terminal = terminal && level != Level.QUIET;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gitpypi-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return whether standard error is an interactive terminal (and not redirected) */
    static boolean isTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Starts a long step; on a terminal its status line updates until {@link #end(String)}.
     *
     * @param what what is being done
     * @param expected the number of units expected, or -1 if unknown
     */
    synchronized void begin(String what, long expected) {
        task = Redaction.text(what);
        total = expected;
        unit = "";
        done.set(0);
        started = System.nanoTime();
        if (terminal) {
            tick = ticker.scheduleAtFixedRate(this::redraw, 0, 120, TimeUnit.MILLISECONDS);
        } else if (level != Level.QUIET) {
            err.println(task + " ...");
            err.flush();
        }
    }

    /** A source says how many units its work has (such as tags); the status line becomes a bar. */
    @Override
    public void start(String what, long units) {
        unit = Redaction.text(what);
        done.set(0);
        total = units;
    }

    /** Counts units of the current step. */
    @Override
    public void advance(long units) {
        done.addAndGet(units);
    }

    /**
     * Ends the current step with a result line.
     *
     * @param result what it gave, such as {@code 3 projects, 7 versions}
     */
    synchronized void end(String result) {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        clearLine();
        if (level != Level.QUIET) {
            err.println(task + ": " + Redaction.text(result) + " (" + seconds(System.nanoTime() - started) + ")");
            err.flush();
        }
    }

    /** A line for everyone but {@code --quiet}. */
    synchronized void info(String line) {
        if (level != Level.QUIET) {
            clearLine();
            err.println(Redaction.text(line));
            err.flush();
        }
    }

    /**
     * @return whether {@code --quiet} hides everything but warnings and errors (then what only the other lines would
     *     show need not be worked out)
     */
    boolean quiet() {
        return level == Level.QUIET;
    }

    /** @return whether {@code --verbose} lines are shown */
    boolean verbose() {
        return level == Level.VERBOSE;
    }

    /** A line for {@code --verbose} only. */
    synchronized void detail(String line) {
        if (level == Level.VERBOSE) {
            clearLine();
            err.println(Redaction.text(line));
            err.flush();
        }
    }

    /**
     * Problems, each printed as {@link #error}, {@link #warning} or (with {@code --verbose}) {@link #detail} with
     * {@code note: } print it, in one write: a package list can give thousands.
     *
     * @param problems the problems, in the order to show them
     */
    synchronized void problems(List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        String newline = System.lineSeparator();
        for (Problem p : problems) {
            String prefix = switch (p.severity()) {
                case ERROR -> "error: ";
                case WARNING -> "warning: ";
                case NOTE -> level == Level.VERBOSE ? "note: " : null;
            };
            if (prefix != null) {
                s.append(prefix).append(Redaction.text(p.location() + ": " + p.message())).append(newline);
            }
        }
        if (s.length() > 0) {
            clearLine();
            err.print(s);
            err.flush();
        }
    }

    /** A warning: always shown. */
    synchronized void warning(String line) {
        clearLine();
        err.println("warning: " + Redaction.text(line));
        err.flush();
    }

    /** An error: always shown. */
    synchronized void error(String line) {
        clearLine();
        err.println("error: " + Redaction.text(line));
        err.flush();
    }

    synchronized void redraw() {
        long n = done.get();
        long t = total;
        StringBuilder s = new StringBuilder("\r");
        if (t > 0) {
            int width = 24;
            int filled = (int) Math.min(width, n * width / t);
            s.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                    .append(n).append('/').append(t).append(' ').append(unit).append(unit.isEmpty() ? "" : " ");
        } else {
            s.append(SPINNER[frame++ % SPINNER.length]).append(' ');
            if (n > 0) {
                s.append(n).append(' ');
            }
        }
        s.append(task).append(' ').append(seconds(System.nanoTime() - started)).append("\u001b[K");
        err.print(s);
        err.flush();
        lineOpen = true;
    }

    private void clearLine() {
        if (lineOpen) {
            err.print("\r\u001b[K");
            lineOpen = false;
        }
    }

    static String seconds(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public synchronized void close() {
        if (tick != null) {
            tick.cancel(false);
        }
        clearLine();
        ticker.shutdownNow();
        err.flush();
    }
}
