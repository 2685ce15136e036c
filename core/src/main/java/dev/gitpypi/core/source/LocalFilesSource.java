package dev.gitpypi.core.source;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.DistributionFilename;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.IndexSource;
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
import dev.gitpypi.core.internal.LocalFiles;
import dev.gitpypi.core.internal.PipFiles;
import dev.gitpypi.core.internal.Releases;
import dev.gitpypi.core.internal.SkippedFiles;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A folder of built distributions as an index source (link style {@link LinkStyle#FILES}): every wheel and
 * source archive directly in the folder that pip would install becomes a file of its project, hosted by the site
 * ({@link Distribution#localFile()}, copied by {@link dev.gitpypi.core.site.SiteWriter}).
 *
 * <p>Only regular files are read, never through a link: a symbolic link (which could publish a file from outside
 * the folder), a FIFO, a device or a socket is skipped with a warning and never opened, hashed or published, so a
 * FIFO or a link to {@code /dev/zero} cannot hang a build; a file larger than {@link #maxFileSize(long) the size
 * bound} (default {@value #DEFAULT_MAX_FILE_SIZE} bytes) is an error. Files are taken as pip takes them from an
 * index page, as {@link PackageListSource} does: legacy source archives and names only pip's lenient reading
 * understands are listed with a warning naming the rule they break; files no installer takes from an index (eggs,
 * installers, …) are skipped, a note each and one warning per kind.
 *
 * <p>Project names and versions come from the file names (WHL-01..WHL-04, SD-01, PIP-05); each file's sha256 and
 * size are computed. A file's release date ({@link Distribution#uploadTime()}, also the JSON pages' PEP 700
 * {@code upload-time}) is the time its archive records for the METADATA or PKG-INFO member, which is when the file
 * was built — intrinsic to the file, unlike its file-system time, which a checkout or a copy changes; none when the
 * archive gives a placeholder (a zip's 1980 epoch). A wheel's {@code .dist-info/METADATA} gives {@code requires-python} and is published as the
 * PEP 658 {@code .metadata} file, byte for byte, with its sha256 (P658-03, REN-05); its {@code Name} and
 * {@code Version} must agree with the file name (WHL-06). An sdist's {@code PKG-INFO} gives {@code requires-python}
 * (SD-02, SD-04) where the JDK reads the archive ({@code .tar.gz}, {@code .tgz}, {@code .tar}, {@code .zip}).
 * Distributions with invalid metadata are errors. Each distribution carries the {@link CoreMetadata} of its
 * METADATA or PKG-INFO ({@link Distribution#metadata()}: summary, dependencies, project URLs, … for the pages for
 * people), the README ({@code Description}) only for each project's latest release. The display name of a project
 * is the {@code Name} of its metadata.
 *
 * <p>Subfolders and hidden files are not read. Immutable; {@link #read()} reads the folder each time.
 */
public final class LocalFilesSource implements IndexSource {
    /** The default size bound of one file: 4 GiB, above the largest wheels on PyPI. */
    public static final long DEFAULT_MAX_FILE_SIZE = 4L << 30;

    private final Path folder;
    private final long maxFileSize;

    private LocalFilesSource(Path folder, long maxFileSize) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.maxFileSize = maxFileSize;
    }

    /**
     * A source over a folder.
     *
     * @param folder the folder of distributions
     * @return the source
     */
    public static LocalFilesSource of(Path folder) {
        return new LocalFilesSource(folder, DEFAULT_MAX_FILE_SIZE);
    }

    /**
     * The same source with another size bound: a larger file is an error and is not hosted.
     *
     * @param bytes the largest file size accepted, at least 1
     * @return the source
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public LocalFilesSource maxFileSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("max file size must be at least 1 byte, not " + bytes);
        }
        return new LocalFilesSource(folder, bytes);
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
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(files::add);
        }
        files.sort(null);
        List<Problem> problems = new ArrayList<>();
        SkippedFiles skipped = new SkippedFiles(folder.toString());
        Map<String, List<Found>> byProject = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || name.endsWith(".metadata")) {
                continue;
            }
            String where = file.toString();
            LocalFiles.Type type = LocalFiles.type(file);
            if (type == LocalFiles.Type.FOLDER) {
                continue;
            }
            if (type != LocalFiles.Type.REGULAR) {
                problems.add(Problem.warning(where, "skipped: " + LocalFiles.describe(type) + ", not a regular file;"
                        + " only regular files are hosted, and links are never followed"));
                continue;
            }
            PipFiles.Reading reading = PipFiles.read(name);
            if (reading instanceof PipFiles.Skipped s) {
                skipped.add(where, name, s, problems);
                continue;
            }
            PipFiles.Listed listed = (PipFiles.Listed) reading;
            Found found = name.endsWith(".whl") ? wheel(file, name, listed, problems)
                    : sdist(file, name, listed, problems);
            if (found != null) {
                byProject.computeIfAbsent(listed.project().normalized(), k -> new ArrayList<>()).add(found);
            }
        }
        skipped.summarize(problems);
        List<Project> projects = new ArrayList<>();
        for (List<Found> found : byProject.values()) {
            ProjectName display = found.stream().filter(f -> f.metadataName != null).map(f -> f.metadataName)
                    .findFirst().orElse(found.get(0).name);
            Project.Builder b = Project.builder(display);
            found.forEach(f -> b.add(f.distribution));
            projects.add(withoutOldDescriptions(b.build()));
        }
        return new SourceResult(Index.of(projects), problems);
    }

    /**
     * The project with the README ({@code Description}) kept only in the metadata of its latest release, the one its
     * page shows: a folder of many versions would otherwise hold every version's README in memory.
     */
    private static Project withoutOldDescriptions(Project p) {
        Optional<Releases.Release> latest = Releases.latest(Releases.of(p));
        List<Distribution> files = new ArrayList<>(p.distributions().size());
        boolean changed = false;
        for (Distribution d : p.distributions()) {
            Optional<CoreMetadata> m = d.metadata();
            boolean current = latest.isPresent() && latest.get().files().contains(d);
            if (m.isPresent() && !current && m.get().description().isPresent()) {
                files.add(d.toBuilder().metadata(m.get().toBuilder().remove(CoreMetadata.Field.DESCRIPTION).build())
                        .build());
                changed = true;
            } else {
                files.add(d);
            }
        }
        return changed ? p.toBuilder().distributions(files).build() : p;
    }

    /** One usable file. */
    private record Found(ProjectName name, @Nullable ProjectName metadataName, Distribution distribution) {
    }

    private @Nullable Found wheel(Path file, String filename, PipFiles.Listed listed, List<Problem> problems)
            throws IOException {
        String where = file.toString();
        if (!safe(file, filename, problems)) {
            return null;
        }
        Distribution.Builder d = hosted(file, listed.project(), filename, problems);
        if (d == null) {
            return null;
        }
        Optional<WheelFilename> wf = WheelFilename.tryParse(filename);
        String stem = wf.map(w -> w.distribution() + "-" + w.versionText())
                .orElse(filename.substring(0, filename.indexOf('-', filename.indexOf('-') + 1)));
        byte[] metadata;
        try {
            Optional<Archives.Member> found = Archives.wheelMetadataMember(file, stem);
            if (found.isEmpty()) {
                problems.add(Problem.error(where, "wheel has no {name}-{version}.dist-info/METADATA (WHL-06)"));
                return null;
            }
            metadata = found.get().bytes();
            d.uploadTime(found.get().time().orElse(null));
        } catch (IOException e) {
            problems.add(Problem.error(where, "cannot read wheel as a zip: " + e.getMessage() + " (WHL-06)"));
            return null;
        }
        Optional<ProjectName> metadataName = consistent(where, metadata, listed.project(), listed.version(),
                "WHL-06", problems);
        if (metadataName.isEmpty()) {
            return null;
        }
        warnings(where, listed, wf.orElse(null), problems);
        d.coreMetadata(Map.of("sha256", Digests.sha256(metadata))).metadata(CoreMetadata.parse(metadata));
        requiresPython(where, metadata, d, problems);
        return new Found(listed.project(), metadataName.get(), d.build());
    }

    private @Nullable Found sdist(Path file, String filename, PipFiles.Listed listed, List<Problem> problems)
            throws IOException {
        String where = file.toString();
        if (!safe(file, filename, problems)) {
            return null;
        }
        Distribution.Builder d = hosted(file, listed.project(), filename, problems);
        if (d == null) {
            return null;
        }
        ProjectName metadataName = null;
        if (Archives.canReadSdist(filename)) {
            Optional<byte[]> pkgInfo;
            try {
                Optional<Archives.Member> member = Archives.sdistPkgInfoMember(file);
                pkgInfo = member.map(Archives.Member::bytes);
                d.uploadTime(member.flatMap(Archives.Member::time).orElse(null));
            } catch (IOException e) {
                problems.add(Problem.error(where, "cannot read the sdist archive: " + e.getMessage() + " (SD-04)"));
                return null;
            }
            if (pkgInfo.isPresent()) {
                Optional<ProjectName> checked = consistent(where, pkgInfo.get(), listed.project(), listed.version(),
                        "SD-02", problems);
                if (checked.isEmpty()) {
                    return null;
                }
                metadataName = checked.get();
                d.metadata(CoreMetadata.parse(pkgInfo.get()));
                requiresPython(where, pkgInfo.get(), d, problems);
            } else {
                problems.add(Problem.warning(where, "sdist has no {name}-{version}/PKG-INFO; listed without"
                        + " requires-python (SD-04)"));
            }
        }
        warnings(where, listed, SdistFilename.tryParse(filename).orElse(null), problems);
        return new Found(listed.project(), metadataName, d.build());
    }

    /** The rule a listed file breaks: pip's lenient reading, else a name not in canonical form. */
    private static void warnings(String where, PipFiles.Listed listed, @Nullable DistributionFilename parsed,
            List<Problem> problems) {
        if (listed.warning() != null) {
            problems.add(Problem.warning(where, listed.warning()));
        } else if (parsed != null && !parsed.isCanonical()) {
            problems.add(Problem.warning(where, "file name is not in canonical form; pip accepts it, uv may skip it"
                    + " (NAME-05, UV-06, WHL-03)"));
        }
    }

    /** The file's sha256 and size, read once without following links; null (with an error) if it cannot be. */
    private Distribution.@Nullable Builder hosted(Path file, ProjectName name, String filename,
            List<Problem> problems) {
        LocalFiles.Digest digest;
        try {
            digest = LocalFiles.digest(file, maxFileSize);
        } catch (IOException e) {
            problems.add(Problem.error(file.toString(), "cannot be hosted: " + e.getMessage()));
            return null;
        }
        return Distribution.builder(HostedFiles.url(name, filename), filename).hash("sha256", digest.sha256())
                .size(digest.size()).localFile(file).origin(file.toString());
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
                    + " but its metadata says " + Texts.quote(metaName.get().display()) + " "
                    + Texts.quote(metaVersion.get().toString()) + " (" + rule + ")"));
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
}
