package dev.gitpypi.core.source;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.DistributionFilename;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.InvalidFilenameException;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SdistFilename;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.WheelFilename;
import dev.gitpypi.core.internal.Archives;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Texts;
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
 * ({@link Distribution#localFile()}, copied by {@link dev.gitpypi.core.site.SiteWriter}).
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
        WheelFilename wf;
        try {
            wf = WheelFilename.parse(filename);
        } catch (InvalidFilenameException e) {
            problems.add(Problem.error(where, e.getMessage()));
            return null;
        }
        Optional<ProjectName> name = wf.name();
        if (name.isEmpty()) {
            problems.add(Problem.error(where, "invalid name " + Texts.quote(wf.distribution()) + " in wheel file name"
                    + " (WHL-02, NAME-01)"));
            return null;
        }
        if (!safe(file, filename, problems)) {
            return null;
        }
        byte[] metadata;
        try {
            Optional<byte[]> found = Archives.wheelMetadata(file, wf.distribution() + "-" + wf.versionText());
            if (found.isEmpty()) {
                problems.add(Problem.error(where, "wheel has no {name}-{version}.dist-info/METADATA (WHL-06)"));
                return null;
            }
            metadata = found.get();
        } catch (IOException e) {
            problems.add(Problem.error(where, "cannot read wheel as a zip: " + e.getMessage() + " (WHL-06)"));
            return null;
        }
        Optional<ProjectName> metadataName = consistent(where, metadata, name.get(), wf.version(), "WHL-06",
                problems);
        if (metadataName.isEmpty()) {
            return null;
        }
        canonical(where, wf, problems);
        Distribution.Builder d = hosted(file, name.get(), filename)
                .coreMetadata(Map.of("sha256", Digests.sha256(metadata)));
        requiresPython(where, metadata, d, problems);
        return new Found(name.get(), metadataName.get(), d.build());
    }

    private @Nullable Found sdist(Path file, String filename, List<Problem> problems) throws IOException {
        String where = file.toString();
        SdistFilename sf;
        try {
            sf = SdistFilename.parse(filename);
        } catch (InvalidFilenameException e) {
            problems.add(Problem.error(where, e.getMessage()));
            return null;
        }
        Optional<ProjectName> name = sf.name();
        if (name.isEmpty()) {
            problems.add(Problem.error(where, "invalid name " + Texts.quote(sf.distribution()) + " in sdist file name"
                    + " (SD-01, NAME-01)"));
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
            Optional<ProjectName> checked = consistent(where, pkgInfo.get(), name.get(), sf.version(), "SD-02",
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
        canonical(where, sf, problems);
        return new Found(name.get(), metadataName, d.build());
    }

    private static Distribution.Builder hosted(Path file, ProjectName name, String filename) throws IOException {
        return Distribution.builder(HostedFiles.url(name, filename), filename)
                .hash("sha256", Digests.sha256(file)).size(Files.size(file)).localFile(file)
                .origin(file.toString());
    }

    private static boolean safe(Path file, String filename, List<Problem> problems) {
        if (!HostedFiles.isSafeFileName(filename)) {
            problems.add(Problem.error(file.toString(), "file name has characters a hosted file may not have"
                    + " (letters, digits, '.', '_', '+', '!', '-'); skipped"));
            return false;
        }
        return true;
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
                    + " but its metadata says " + Texts.quote(metaName.get().display()) + " " + Texts.quote(metaVersion.get()
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
            problems.add(Problem.warning(where, "Requires-Python " + Texts.quote(value.get()) + " is not a valid"
                    + " specifier set; left out (META-03)"));
        }
    }

    private static void canonical(String where, DistributionFilename f, List<Problem> problems) {
        if (!f.isCanonical()) {
            problems.add(Problem.warning(where, "file name is not in canonical form; pip accepts it, uv may skip it"
                    + " (NAME-05, UV-06, WHL-03)"));
        }
    }
}
