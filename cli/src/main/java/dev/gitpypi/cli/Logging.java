package dev.gitpypi.cli;

import dev.gitpypi.core.internal.Redaction;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the libraries' log records (System.Logger and JGit's SLF4J, both through java.util.logging) to standard
 * error as {@code gitpypi: warning: …} lines: warnings and errors always; with {@code -v} gitpypi's details and other
 * libraries' information; with {@code -vv} gitpypi's debug lines and other libraries' details. The commands' own
 * progress lines come from {@link Reporter}, so library chatter stays out of normal output.
 *
 * <p>No verbosity prints a credential (issue "Security first", item 6). The JDK's HTTP clients and the Git and ssh
 * transports log request headers, {@code Authorization} included, at their detail levels, so their loggers
 * ({@link #TRANSPORTS}) never go below {@code INFO}; and every line, whoever logged it, goes through
 * {@link Redaction#text} (user-info of URLs, credential headers, token-shaped strings) before it is printed.
 */
final class Logging {
    /**
     * Loggers that print request or response headers (or key material) at their detail levels: the JDK's
     * {@code HttpURLConnection} (used by JGit) and {@code java.net.http} client, JGit's transports, Apache MINA sshd,
     * TLS.
     */
    static final List<String> TRANSPORTS = List.of("sun.net.www.protocol.http", "sun.net.www.protocol.https",
            "sun.net.www", "jdk.internal.httpclient", "jdk.httpclient", "java.net.http", "org.eclipse.jgit.transport",
            "org.eclipse.jgit.internal.transport", "org.eclipse.jgit.util.HttpSupport", "org.apache.sshd",
            "javax.net", "sun.security", "jdk.event.security");

    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private Logging() {
    }

    /**
     * How verbose the arguments ask for: the number of {@code -v} ({@code -vv} counts two, {@code --verbose} one),
     * or -1 for {@code -q}/{@code --quiet}.
     */
    static int verbosity(String[] args) {
        int v = 0;
        boolean quiet = false;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose")) {
                v++;
            } else if (a.equals("--quiet")) {
                quiet = true;
            } else if (a.matches("-v+")) {
                v += a.length() - 1;
            } else if (a.equals("-q")) {
                quiet = true;
            }
        }
        return v > 0 ? v : quiet ? -1 : 0;
    }

    static void configure(String[] args, PrintWriter err) {
        int verbosity = verbosity(args);
        LogManager.getLogManager().reset();
        CONFIGURED.clear();
        Level others = verbosity >= 2 ? Level.FINE : verbosity == 1 ? Level.INFO
                : verbosity < 0 ? Level.SEVERE : Level.WARNING;
        Level ours = verbosity >= 2 ? Level.ALL : verbosity == 1 ? Level.FINE : others;
        level("", others);
        level("dev.gitpypi", ours);
        // JGit is chatty below information level
        level("org.eclipse.jgit", verbosity >= 2 ? Level.FINE : others);
        for (String transport : TRANSPORTS) {
            level(transport, others.intValue() < Level.INFO.intValue() ? Level.INFO : others);
        }
        boolean details = verbosity >= 1;
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                String line = Redaction.text("gitpypi: " + label(r.getLevel()) + ": " + message(r)
                        + (r.getThrown() != null && details ? " (" + r.getThrown() + ")" : ""));
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        };
        h.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(h);
        Locale.setDefault(Locale.ROOT);
    }

    private static void level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }

    private static String label(Level level) {
        return level.intValue() >= Level.SEVERE.intValue() ? "error"
                : level.intValue() >= Level.WARNING.intValue() ? "warning"
                : level.intValue() >= Level.INFO.intValue() ? "info" : "debug";
    }

    private static String message(LogRecord r) {
        String message = r.getMessage();
        Object[] parameters = r.getParameters();
        if (message != null && parameters != null && parameters.length > 0) {
            try {
                return MessageFormat.format(message, parameters);
            } catch (IllegalArgumentException e) {
                return message;
            }
        }
        return String.valueOf(message);
    }
}
