package dev.gitpypi.cli;

import dev.gitpypi.core.GitpypiException;
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
        // names may start with '-' (invalid ones, for --check to report): take unknown options as names
        cl.getSubcommands().get("normalize").setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("gitpypi: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr())) {
                c.getErr().println("try '" + c.getCommandSpec().qualifiedName() + " --help'");
            }
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("gitpypi: " + describe(ex));
            return exitCodeOf(ex);
        });
        return cl;
    }

    /** Bad input (ours, or an argument a library refused) is 2; I/O and everything unexpected is 3. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof GitpypiException || ex instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.IO;
    }

    static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder: " + message;
        }
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName();
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
