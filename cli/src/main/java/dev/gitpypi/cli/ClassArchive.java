package dev.gitpypi.cli;

import dev.gitpypi.core.internal.FileTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the class-data archive that the {@code ./gitpypi} launcher hands to the JVM, so that every command starts
 * faster: the classes a command loads (gitpypi's, its libraries' — picocli's too — and the JDK's, with the lambda
 * classes they spin) are parsed, verified and laid out once, at build time, and mapped from the archive at each
 * start (AppCDS: a static archive, which replaces the JDK's default one for these runs).
 *
 * <p>The build runs it right after the executable jar is made ({@code cli/pom.xml}, phase {@code package}):
 * <pre>java -cp cli/target/gitpypi.jar dev.gitpypi.cli.ClassArchive create JAR ARCHIVE WORK PACKAGE_LIST</pre>
 * It removes any previous archive first (a stale one would only be refused by the JVM), then
 * <ol>
 * <li>trains a child JVM, with the launcher's own options, on the commands users run — a build from the first
 * {@value #TRAINING_LINES} lines of {@code PACKAGE_LIST}, the same build again unchanged, {@code validate} of that
 * site and the offline {@code demo}, in {@code WORK}, which it deletes afterwards — and has it list the classes it
 * loaded ({@code -XX:DumpLoadedClassList});</li>
 * <li>dumps those classes into a file of its own beside {@code ARCHIVE} ({@code -Xshare:dump}). Java 17's dynamic
 * archive ({@code -XX:ArchiveClassesAtExit}) was measured too: it cannot hold picocli's Java 5 class files, and it
 * saved no CPU time where the static archive saves about 8 % of a package-list build and 0.05 s of every start;</li>
 * <li>checks that archive with {@code -Xshare:on} (a JVM refuses an archive it cannot use there instead of running
 * without it) and only then moves it into place, in one rename: a truncated archive makes Java 17 crash on start
 * (SIGBUS) instead of ignoring it, so the launcher must never see one being written.</li>
 * </ol>
 * An archive is an optimization: if the JVM cannot make one (another JVM, a read-only folder), this prints why on
 * standard error and exits 0, and the launcher runs without it.
 */
public final class ClassArchive {
    /** The launcher's JVM options (the script {@code gitpypi}): the archive is trained, made and checked with them. */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");

    /** How many lines of the package list the training builds: enough to load every class a real list does. */
    static final int TRAINING_LINES = 4_000;

    private static final long TIMEOUT_SECONDS = 300;

    private ClassArchive() {
    }

    /**
     * {@code create JAR ARCHIVE WORK PACKAGE_LIST} builds the archive; {@code train WORK PACKAGE_LIST} is the
     * training workload (the child JVM's main).
     *
     * @param args the arguments
     * @throws IOException if the training cannot read its list or write its folder
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 5 && args[0].equals("create")) {
            create(javaExecutable(), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]),
                    System.err);
        } else if (args.length == 3 && args[0].equals("train")) {
            System.exit(train(Path.of(args[1]), Path.of(args[2])));
        } else {
            System.err.println("usage: ClassArchive create JAR ARCHIVE WORK PACKAGE_LIST");
            System.exit(ExitCodes.USAGE);
        }
    }

    /**
     * Builds the archive for {@code jar} at {@code archive}, or leaves none there.
     *
     * @param java the {@code java} executable of the JVM the launcher runs
     * @param jar the executable jar, at the path the launcher runs it from (the archive records that path)
     * @param archive where the archive goes; any file there is removed first
     * @param work a folder for the training, created and deleted
     * @param packageList the package list the training builds from (its first {@value #TRAINING_LINES} lines)
     * @param log where to say why there is no archive
     * @return whether an archive, checked, is now at {@code archive}
     * @throws IOException if the previous archive cannot be removed
     */
    static boolean create(String java, Path jarPath, Path archive, Path work, Path packageList, PrintStream log)
            throws IOException {
        // the launcher runs the jar by its absolute path, and the archive is only used for the path it recorded
        Path jar = jarPath.toAbsolutePath().normalize();
        Files.deleteIfExists(archive);
        if (!Files.isRegularFile(jar)) {
            return refuse(log, "no jar at " + jar);
        }
        // a name of its own, so that two builds at once cannot write into each other's archive
        Path part = Files.createTempFile(archive.toAbsolutePath().getParent(), archive.getFileName() + ".", ".part");
        Files.delete(part);
        Path classes = part.resolveSibling(part.getFileName() + ".classes");
        try {
            List<String> training = new ArrayList<>(List.of(java));
            training.addAll(LAUNCHER_OPTIONS);
            training.addAll(List.of("-XX:DumpLoadedClassList=" + classes, "-cp", jar.toString(),
                    ClassArchive.class.getName(), "train", work.toString(), packageList.toString()));
            Run trained = run(training);
            if (trained.code != 0 || !Files.isRegularFile(classes)) {
                return refuse(log, "the training run exited with " + trained.code + ": " + trained.lastLine());
            }
            List<String> dump = new ArrayList<>(List.of(java));
            dump.addAll(LAUNCHER_OPTIONS);
            dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                    "-XX:SharedArchiveFile=" + part, "-cp", jar.toString()));
            Run dumped = run(dump);
            if (dumped.code != 0 || !Files.isRegularFile(part)) {
                return refuse(log, "dumping the classes exited with " + dumped.code + ": " + dumped.lastLine());
            }
            List<String> check = new ArrayList<>(List.of(java));
            check.addAll(LAUNCHER_OPTIONS);
            check.addAll(List.of("-XX:SharedArchiveFile=" + part, "-Xshare:on", "-jar", jar.toString(), "--version"));
            Run checked = run(check);
            if (checked.code != 0) {
                return refuse(log, "the JVM cannot use the archive it wrote (exit " + checked.code + "): "
                        + checked.lastLine());
            }
            try {
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return refuse(log, "cannot rename " + part + " to " + archive + " in one step");
            }
            return true;
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(classes);
            FileTrees.delete(work);
        }
    }

    private static boolean refuse(PrintStream log, String why) {
        log.println("gitpypi: no class-data archive (" + why + "); the launcher starts without one, a little slower");
        return false;
    }

    /**
     * The training workload: the commands users run, in this JVM, so that their classes are archived at exit.
     *
     * @param work the folder to work in (created)
     * @param packageList the package list to build from
     * @return 0, or 1 if a command failed (its exit code said so)
     * @throws IOException if the list cannot be read or the folder written
     */
    static int train(Path work, Path packageList) throws IOException {
        Files.createDirectories(work);
        Path list = work.resolve("list.txt");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(packageList, StandardCharsets.UTF_8)) {
            for (String l; lines.size() < TRAINING_LINES && (l = r.readLine()) != null;) {
                lines.add(l);
            }
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        String site = work.resolve("site").toString();
        String[] build = {"build", "-q", "--package-list", list.toString(), "--packages-url",
            "https://example.invalid/packages/", "--out", site};
        int failed = 0;
        failed += step(0, build);
        failed += step(0, build);
        failed += step(1, "validate", site);
        failed += step(0, "demo", "-q", "--dir", work.resolve("demo").toString());
        return failed == 0 ? 0 : 1;
    }

    /** Runs a command, its output discarded; returns 1 if it exited above {@code worstExpected}. */
    private static int step(int worstExpected, String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int code = Main.run(args, InputStream.nullInputStream(), nowhere, nowhere);
        if (code > worstExpected) {
            System.err.println("training: 'gitpypi " + String.join(" ", args) + "' exited with " + code);
            return 1;
        }
        return 0;
    }

    private record Run(int code, String output) {
        String lastLine() {
            String s = output.strip();
            int nl = s.lastIndexOf('\n');
            return s.isEmpty() ? "(no output)" : s.substring(nl + 1);
        }
    }

    private static Run run(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Run(-1, String.valueOf(e.getMessage()));
        }
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
