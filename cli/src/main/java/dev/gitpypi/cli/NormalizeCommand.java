package dev.gitpypi.cli;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitpypi normalize}: PEP 503 normalized names, one per line. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {
            "Prints the PEP 503 normalized form of each NAME, one per line (SPEC NAME-02).",
            "Reads names from standard input, one per line, when no NAME is given."})
final class NormalizeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    private GitpypiCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--check", description = "Reject names that are not valid project names (SPEC NAME-01): "
            + "each is reported on standard error and the exit code is 2.")
    private boolean check;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Names to normalize.")
    private List<String> names = List.of();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        if (names.isEmpty()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(parent.in(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                invalid += emit(line, out, err);
            }
        } else {
            for (String name : names) {
                invalid += emit(name, out, err);
            }
        }
        out.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private int emit(String name, PrintWriter out, PrintWriter err) {
        if (check && !ProjectName.isValid(name)) {
            err.println("gitpypi: invalid project name " + Texts.quote(name)
                    + ": a name has only ASCII letters, digits, '.', '_' and '-', and starts and ends with a"
                    + " letter or digit (NAME-01)");
            return 1;
        }
        out.println(ProjectName.normalize(name));
        return 0;
    }
}
