package dev.gitpypi.cli;

import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code gitpypi} command. */
@Command(name = "gitpypi", mixinStandardHelpOptions = true, versionProvider = GitpypiCommand.Version.class,
        description = {
            "Turns Git repositories and folders of distributions into a Python package index that pip and uv",
            "install from, and checks any index against the standards."},
        subcommands = {
            BuildCommand.class, ValidateCommand.class, NormalizeCommand.class, ServeCommand.class,
            PublishCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            " 1:validation findings at or above --fail-on, or a build that finished with errors",
            " 2:bad usage or bad input",
            " 3:I/O, network or remote-service failure"},
        usageHelpAutoWidth = true)
public final class GitpypiCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final InputStream in;

    GitpypiCommand(InputStream in) {
        this.in = in;
    }

    InputStream in() {
        return in;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'gitpypi --help'");
    }

    /**
     * A configured command line.
     *
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the command line
     */
    static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GitpypiCommand(in));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // no picocli @-files: "--github-user @me" must not read a file named "me" that happens to be in the folder
        cl.setExpandAtFiles(false);
        // names may start with '-' (invalid ones, for --check to report): take unknown options as names
        cl.getSubcommands().get("normalize").setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("gitpypi: " + Texts.printable(Redaction.text(String.valueOf(ex.getMessage()))));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr())) {
                c.getErr().println("try '" + c.getCommandSpec().qualifiedName() + " --help'");
            }
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("gitpypi: " + describe(ex));
            if (verbose(parseResult) && isInternal(unwrap(ex))) {
                java.io.StringWriter trace = new java.io.StringWriter();
                unwrap(ex).printStackTrace(new PrintWriter(trace));
                c.getErr().print(Redaction.text(trace.toString()));
            }
            c.getErr().flush();
            return exitCodeOf(ex);
        });
        return cl;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (String a : parseResult.originalArgs()) {
            if (a.equals("--verbose") || a.matches("-v+")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof java.io.UncheckedIOException || t instanceof CommandLine.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Whether gitpypi's own code threw it (its message was written for users), rather than the JDK or a library. */
    private static boolean ours(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("dev.gitpypi.");
    }

    /** Neither bad input nor an I/O failure: a bug, reported as an internal error. */
    private static boolean isInternal(Throwable t) {
        return !(t instanceof UsageException || t instanceof GitpypiException || t instanceof java.io.IOException
                || t instanceof IllegalArgumentException && ours(t));
    }

    /**
     * The exit code of a failure (DESIGN "Command line"): bad usage or bad input (ours, or an argument a gitpypi
     * library refused) is 2; I/O, network and remote-service failures are 3; anything else is a bug, 3.
     */
    static int exitCodeOf(Throwable ex) {
        Throwable t = unwrap(ex);
        if (t instanceof UsageException || t instanceof GitpypiException
                || t instanceof IllegalArgumentException && ours(t)) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.IO;
    }

    /**
     * The one line a failure prints: a sentence naming the input, with credentials removed and control characters
     * escaped (a name from outside cannot forge a line of its own). No JDK message reaches the user: file-system
     * failures are told in our words with the file they concern; an exception that gitpypi did not throw on
     * purpose is an "internal error" whose details {@code --verbose} prints.
     */
    static String describe(Throwable ex) {
        Throwable t = unwrap(ex);
        return Texts.printable(Redaction.text(sentence(t)));
    }

    private static String sentence(Throwable t) {
        String message = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException e) {
            return "no such file or folder: " + Texts.quote(String.valueOf(e.getFile()));
        }
        if (t instanceof java.nio.file.AccessDeniedException e) {
            return "permission denied: " + Texts.quote(String.valueOf(e.getFile()));
        }
        if (t instanceof java.nio.file.NotDirectoryException e) {
            return "not a folder: " + Texts.quote(String.valueOf(e.getFile()));
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException e) {
            return "already exists: " + Texts.quote(String.valueOf(e.getFile()));
        }
        if (t instanceof java.nio.file.FileSystemException e && !ours(t)) {
            return "cannot access " + Texts.quote(String.valueOf(e.getFile())) + (e.getReason() == null ? ""
                    : ": " + e.getReason().toLowerCase(java.util.Locale.ROOT));
        }
        if (isInternal(t)) {
            return "internal error: " + t.getClass().getName() + " (run with --verbose for the stack trace, and"
                    + " please report it)";
        }
        if (message == null || message.isBlank()) {
            return (t instanceof java.io.IOException ? "I/O failure: " : "") + t.getClass().getSimpleName();
        }
        if (t instanceof java.io.IOException && !ours(t)) {
            return "I/O failure: " + message;
        }
        return message;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GitpypiCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gitpypi " + (v == null ? "(development build)" : v)};
        }
    }
}
