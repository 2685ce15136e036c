package dev.gitpypi.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code gitpypi} entry point: the only place that calls {@link System#exit(int)}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        // everything on standard error goes through Redaction, line by line (no credential in any message)
        PrintWriter errWriter = new PrintWriter(new RedactingWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)),
                true);
        Logging.configure(args, errWriter);
        try {
            return GitpypiCommand.commandLine(in, outWriter, errWriter).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
