package dev.gitpypi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the libraries' log records (System.Logger and JGit's SLF4J, both through java.util.logging) to standard
 * error as {@code gitpypi: warning: …} lines: warnings and errors always, the rest with {@code --verbose}. The
 * commands' own progress lines come from {@link Reporter}, so library chatter stays out of normal output.
 */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args, PrintWriter err) {
        List<String> a = List.of(args);
        boolean verbose = a.contains("-v") || a.contains("--verbose");
        boolean quiet = a.contains("-q") || a.contains("--quiet");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = verbose ? Level.FINE : quiet ? Level.SEVERE : Level.WARNING;
        root.setLevel(level);
        // JGit is chatty at debug level; keep it at warnings unless asked for details
        Logger.getLogger("org.eclipse.jgit").setLevel(verbose ? Level.INFO : Level.WARNING);
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                String label = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error"
                        : r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning" : "info";
                String message = r.getMessage();
                if (r.getParameters() != null && r.getParameters().length > 0 && message != null) {
                    message = java.text.MessageFormat.format(message, r.getParameters());
                }
                synchronized (err) {
                    err.println("gitpypi: " + label + ": " + message
                            + (r.getThrown() != null && verbose ? " (" + r.getThrown() + ")" : ""));
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
        h.setLevel(level);
        root.addHandler(h);
        Locale.setDefault(Locale.ROOT);
    }
}
