package dev.gitpypi.core.source;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.Archives;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A folder of built distributions as an index source (link style {@link LinkStyle#FILES}): every wheel
 * ({@code .whl}) and {@code .tar.gz} sdist directly in the folder becomes a file of its project, hosted by the site
 * ({@link Distribution#localFile()}, copied by {@link SiteWriter}).
 *
 * <p>Project names and versions come from the file names (WHL-01..WHL-04, SD-01, PIP-05); each file's sha256 and
 * size are computed. A wheel's {@code .dist-info/METADATA} gives {@code requires-python} and is published as the
 * PEP 658 {@code .metadata} file, byte for byte, with its sha256 (P658-03, REN-05); its {@code Name} and
 * {@code Version} must agree with the file name (WHL-06). An sdist's {@code PKG-INFO} gives {@code requires-python}
 * (SD-02, SD-04). Files that are not usable are reported as {@link Problem}s — errors for distributions with invalid
 * names, versions or metadata, warnings for other files — never skipped silently. The display name of a project is
 * the {@code Name} of its metadata.
 *
 * <p>Subfolders and hidden files are not read. Immutable; {@link #read()} reads the folder each time.
 */
public final class LocalFilesSource implements IndexSource {
    private final Path folder;

    private LocalFilesSource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /**
     * A source over a folder.
     *
     * @param folder the folder of distributions
     * @return the source
     */
    public static LocalFilesSource of(Path folder) {
        return new LocalFilesSource(folder);
    }

    /** @return {@link LinkStyle#FILES} */
    public LinkStyle linkStyle() {
        return LinkStyle.FILES;
    }

    @Override
    public String description() {
        return "files:" + folder;
    }

    @Override
    public SourceResult read() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Found>> byProject = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || Files.isDirectory(file) || name.endsWith(".metadata")) {
                continue;
            }
            Found found;
            if (name.endsWith(".whl")) {
                found = wheel(file, name, problems);
            } else if (name.endsWith(".tar.gz")) {
                found = sdist(file, name, problems);
            } else {
                problems.add(Problem.warning(file.toString(), "not a wheel or a .tar.gz sdist; skipped (REN-03,"
                        + " SD-05)"));
                continue;
            }
            if (found != null) {
                byProject.computeIfAbsent(found.name.normalized(), k -> new ArrayList<>()).add(found);
            }
        }
        List<Project> projects = new ArrayList<>();
        for (List<Found> found : byProject.values()) {
            ProjectName display = found.stream().filter(f -> f.metadataName != null).map(f -> f.metadataName)
                    .findFirst().orElse(found.get(0).name);
            Project.Builder b = Project.builder(display);
            found.forEach(f -> b.add(f.distribution));
            projects.add(b.build());
        }
        return new SourceResult(Index.of(projects), problems);
    }

    /** One usable file. */
    private record Found(ProjectName name, @Nullable ProjectName metadataName, Distribution distribution) {
    }

    private @Nullable Found wheel(Path file, String filename, List<Problem> problems) throws IOException {
        String where = file.toString();
        String[] parts = filename.substring(0, filename.length() - 4).split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            problems.add(Problem.error(where, "invalid wheel file name: expected"
                    + " {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl (WHL-01)"));
            return null;
        }
        Optional<ProjectName> name = wheelName(parts[0]);
        if (name.isEmpty()) {
            problems.add(Problem.error(where, "invalid name " + quote(parts[0]) + " in wheel file name (WHL-02)"));
            return null;
        }
        Optional<Version> version = Version.tryParse(parts[1]);
        if (version.isEmpty()) {
            problems.add(Problem.error(where, "invalid version " + quote(parts[1]) + " in wheel file name (WHL-03,"
                    + " VER-05)"));
            return null;
        }
        if (parts.length == 6 && (parts[2].isEmpty() || !Character.isDigit(parts[2].charAt(0)))) {
            problems.add(Problem.error(where, "invalid build tag " + quote(parts[2]) + ": it starts with a digit"
                    + " (WHL-04)"));
            return null;
        }
        for (int i = parts.length - 3; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].startsWith(".") || parts[i].endsWith(".") || parts[i].contains("..")) {
                problems.add(Problem.error(where, "invalid compatibility tag " + quote(parts[i]) + " (WHL-05)"));
                return null;
            }
        }
        if (!safe(file, filename, problems)) {
            return null;
        }
        byte[] metadata;
        try {
            Optional<byte[]> found = Archives.wheelMetadata(file, parts[0] + "-" + parts[1]);
            if (found.isEmpty()) {
                problems.add(Problem.error(where, "wheel has no {name}-{version}.dist-info/METADATA (WHL-06)"));
                return null;
            }
            metadata = found.get();
        } catch (IOException e) {
            problems.add(Problem.error(where, "cannot read wheel as a zip: " + e.getMessage() + " (WHL-06)"));
            return null;
        }
        Optional<ProjectName> metadataName = consistent(where, metadata, name.get(), version.get(), "WHL-06",
                problems);
        if (metadataName.isEmpty()) {
            return null;
        }
        canonical(where, parts[0], parts[1], name.get(), version.get(), problems);
        Distribution.Builder d = hosted(file, name.get(), filename)
                .coreMetadata(Map.of("sha256", Digests.sha256(metadata)));
        requiresPython(where, metadata, d, problems);
        return new Found(name.get(), metadataName.get(), d.build());
    }

    private @Nullable Found sdist(Path file, String filename, List<Problem> problems) throws IOException {
        String where = file.toString();
        String stem = filename.substring(0, filename.length() - ".tar.gz".length());
        int dash = stem.lastIndexOf('-');
        Optional<ProjectName> name = dash > 0 ? ProjectName.tryParse(stem.substring(0, dash)) : Optional.empty();
        Optional<Version> version = dash > 0 ? Version.tryParse(stem.substring(dash + 1)) : Optional.empty();
        if (name.isEmpty() || version.isEmpty()) {
            problems.add(Problem.error(where, "invalid sdist file name: expected {name}-{version}.tar.gz with a"
                    + " valid name and PEP 440 version (SD-01, VER-05)"));
            return null;
        }
        if (!safe(file, filename, problems)) {
            return null;
        }
        Distribution.Builder d = hosted(file, name.get(), filename);
        ProjectName metadataName = null;
        Optional<byte[]> pkgInfo;
        try {
            pkgInfo = Archives.sdistPkgInfo(file);
        } catch (IOException e) {
            problems.add(Problem.error(where, "cannot read sdist as a gzip'd tar: " + e.getMessage() + " (SD-04)"));
            return null;
        }
        if (pkgInfo.isPresent()) {
            Optional<ProjectName> checked = consistent(where, pkgInfo.get(), name.get(), version.get(), "SD-02",
                    problems);
            if (checked.isEmpty()) {
                return null;
            }
            metadataName = checked.get();
            requiresPython(where, pkgInfo.get(), d, problems);
        } else {
            problems.add(Problem.warning(where, "sdist has no {name}-{version}/PKG-INFO; listed without"
                    + " requires-python (SD-04)"));
        }
        canonical(where, stem.substring(0, dash), stem.substring(dash + 1), name.get(), version.get(), problems);
        return new Found(name.get(), metadataName, d.build());
    }

    private static Distribution.Builder hosted(Path file, ProjectName name, String filename) throws IOException {
        return Distribution.builder(SiteWriter.hostedFileUrl(name, filename), filename)
                .hash("sha256", Digests.sha256(file)).size(Files.size(file)).localFile(file)
                .origin(file.toString());
    }

    private static boolean safe(Path file, String filename, List<Problem> problems) {
        if (!SiteWriter.isSafeFileName(filename)) {
            problems.add(Problem.error(file.toString(), "file name has characters a hosted file may not have"
                    + " (letters, digits, '.', '_', '+', '!', '-'); skipped"));
            return false;
        }
        return true;
    }

    /** The wheel name part: {@code [A-Za-z0-9_.]+} without {@code __} (WHL-02), a valid name. */
    private static Optional<ProjectName> wheelName(String part) {
        if (part.contains("__") || part.contains("-")) {
            return Optional.empty();
        }
        return ProjectName.tryParse(part);
    }

    /** Checks Name and Version of core metadata against the file name; returns the metadata's name. */
    private static Optional<ProjectName> consistent(String where, byte[] metadata, ProjectName name, Version version,
            String rule, List<Problem> problems) {
        Optional<ProjectName> metaName = Archives.header(metadata, "Name").flatMap(ProjectName::tryParse);
        Optional<Version> metaVersion = Archives.header(metadata, "Version").flatMap(Version::tryParse);
        if (metaName.isEmpty() || metaVersion.isEmpty()) {
            problems.add(Problem.error(where, "core metadata lacks a valid Name or Version (META-01, META-02)"));
            return Optional.empty();
        }
        if (!metaName.get().equals(name) || !metaVersion.get().equals(version)) {
            problems.add(Problem.error(where, "file name says " + name.normalized() + " " + version
                    + " but its metadata says " + quote(metaName.get().display()) + " " + quote(metaVersion.get()
                    .toString()) + " (" + rule + ")"));
            return Optional.empty();
        }
        return metaName;
    }

    private static void requiresPython(String where, byte[] metadata, Distribution.Builder d,
            List<Problem> problems) {
        Optional<String> value = Archives.header(metadata, "Requires-Python");
        if (value.isEmpty()) {
            return;
        }
        try {
            VersionSpecifiers.parse(value.get());
            d.requiresPython(value.get());
        } catch (InvalidSpecifierException e) {
            problems.add(Problem.warning(where, "Requires-Python " + quote(value.get()) + " is not a valid"
                    + " specifier set; left out (META-03)"));
        }
    }

    private static void canonical(String where, String namePart, String versionPart, ProjectName name,
            Version version, List<Problem> problems) {
        if (!namePart.equals(name.fileNameForm()) || !versionPart.equals(version.toString())) {
            problems.add(Problem.warning(where, "file name is not in canonical form " + quote(name.fileNameForm()
                    + "-" + version) + "; pip accepts it, uv may skip it (NAME-05, UV-06, WHL-03)"));
        }
    }

    private static String quote(String s) {
        return dev.gitpypi.core.GitpypiException.quote(s);
    }
}
