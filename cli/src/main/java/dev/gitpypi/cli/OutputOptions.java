package dev.gitpypi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, shared by the commands that report progress. */
final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only warnings and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Print details as well; -vv also debug lines of gitpypi and the libraries it uses"
                    + " (never credentials: URLs, headers and tokens are redacted in every line).")
    boolean[] verbose = new boolean[0];

    Reporter reporter(CommandLine.Model.CommandSpec spec) {
        if (quiet && verbose.length > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other");
        }
        Reporter.Level level = quiet ? Reporter.Level.QUIET
                : verbose.length > 0 ? Reporter.Level.VERBOSE : Reporter.Level.NORMAL;
        return new Reporter(spec.commandLine().getErr(), level, Reporter.isTerminal());
    }
}
