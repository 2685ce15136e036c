package dev.gitpypi.github.internal;

import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.git.internal.metadata.MetadataException;
import dev.gitpypi.git.internal.metadata.MetadataReader;
import dev.gitpypi.git.internal.metadata.ProjectMetadata;
import dev.gitpypi.git.internal.metadata.TreeFiles;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Versions from tags, as the Git source makes them: the tag pattern gives a candidate, which must be a PEP 440
 * version; the project's name and static version come from the metadata at the tag (read by the Git source's
 * {@link MetadataReader}, from files fetched through the API instead of a clone), else the repository name; a static
 * version that disagrees with the tag is an error unless mismatches are accepted. GitHub's releases add the release
 * date and a note for a release GitHub calls a pre-release whose version pip treats as final; drafts are ignored.
 */
final class TagVersions {
    /**
     * One version of one project from one tag.
     *
     * @param repo the repository
     * @param name the project
     * @param version the version
     * @param tag the tag
     * @param commit the commit the tag points to
     * @param metadata the metadata at the tag, or null when no file names the project
     * @param date the release date: the published release's, else the tag's; null when unknown
     */
    record Tagged(Repo repo, ProjectName name, Version version, String tag, String commit,
            @Nullable ProjectMetadata metadata, @Nullable Instant date) {
    }

    /** A file the metadata reader asked for that is not fetched yet. */
    static final class Miss extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String path;

        Miss(String path) {
            super(path, null, false, false);
            this.path = path;
        }
    }

    private final Settings s;
    private final Snapshots snapshots;

    TagVersions(Settings s, Snapshots snapshots) {
        this.s = s;
        this.snapshots = snapshots;
    }

    /**
     * Makes sure every file the metadata reader needs at the version tags is cached: runs the reader with what is
     * cached, collects what it asks for and does not have, fetches that in one batch, and repeats (a reader may ask
     * for a file named in another, such as a readme).
     */
    void prefetch(Map<Repo, RepoData> data, Reader reader) throws IOException {
        for (int round = 0; round < 8; round++) {
            Set<Reader.FileKey> misses = new LinkedHashSet<>();
            for (Map.Entry<Repo, RepoData> e : data.entrySet()) {
                Set<String> seen = new java.util.HashSet<>();
                for (RepoData.Tag t : e.getValue().tags()) {
                    if (!seen.add(t.commit()) || candidate(t.name()).isEmpty()) {
                        continue;
                    }
                    try {
                        MetadataReader.read(files(t.commit(), false));
                    } catch (Miss m) {
                        misses.add(new Reader.FileKey(e.getKey(), t.commit(), m.path));
                    } catch (MetadataException | RuntimeException ignored) {
                        // reported when the tag is indexed
                    }
                }
            }
            if (misses.isEmpty()) {
                return;
            }
            reader.fetchFiles(new ArrayList<>(misses));
        }
    }

    private Optional<Version> candidate(String tag) {
        if (tag.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        return s.tagPattern().version(tag).flatMap(Version::tryParse);
    }

    /** The files of a commit from the cache; a file not cached is a {@link Miss} (or, late, just absent). */
    private TreeFiles files(String commit, boolean absentIfMissing) {
        return name -> {
            Optional<Optional<byte[]>> cached = snapshots.file(commit, name);
            if (cached.isEmpty()) {
                if (absentIfMissing) {
                    return Optional.empty();
                }
                throw new Miss(name);
            }
            Optional<byte[]> bytes = cached.get();
            if (bytes.isPresent() && bytes.get().length > s.maxMetadataBytes()) {
                throw new MetadataException(name + " is more than the limit of " + s.maxMetadataBytes()
                        + " bytes for a metadata file");
            }
            return bytes;
        };
    }

    /**
     * The versions of one repository's tags.
     *
     * @param repo the repository
     * @param d its tags and releases
     * @param problems where problems go
     * @param description the source's description
     * @return the versions, one per project and version (the first tag wins, VER-04)
     */
    List<Tagged> versions(Repo repo, RepoData d, List<Problem> problems, String description) {
        Map<String, RepoData.Release> releases = new HashMap<>();
        for (RepoData.Release r : d.releases()) {
            if (!r.draft()) {
                releases.putIfAbsent(r.tag(), r);
            }
        }
        List<Tagged> out = new ArrayList<>();
        Map<String, Tagged> seen = new HashMap<>();
        List<RepoData.Tag> tags = new ArrayList<>(d.tags());
        tags.sort(java.util.Comparator.comparing(RepoData.Tag::name));
        for (RepoData.Tag t : tags) {
            String loc = location(description, repo, t.name());
            if (t.name().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add(Problem.warning(loc, "the tag name has control characters; skipped"));
                continue;
            }
            Optional<String> text = s.tagPattern().version(t.name());
            if (text.isEmpty()) {
                problems.add(Problem.warning(loc, "the tag is not a version (it does not match the tag pattern "
                        + Texts.quote(s.tagPattern().regex()) + "); skipped"));
                continue;
            }
            Optional<Version> tagVersion = Version.tryParse(text.get());
            if (tagVersion.isEmpty()) {
                problems.add(Problem.warning(loc, "the tag is not a version: " + Texts.quote(text.get())
                        + " is not a PEP 440 version (VER-01); skipped"));
                continue;
            }
            ProjectMetadata md;
            try {
                md = MetadataReader.read(files(t.commit(), true));
            } catch (MetadataException e) {
                problems.add(Problem.error(loc, e.getMessage() + "; tag skipped"));
                continue;
            } catch (IOException | RuntimeException e) {
                problems.add(Problem.error(loc, "cannot read the metadata at the tag: "
                        + dev.gitpypi.core.internal.Redaction.text(String.valueOf(e.getMessage())) + "; tag skipped"));
                continue;
            }
            String rawName = md.name().orElse(repo.name());
            String source = md.name().isPresent() ? md.source() : "the repository name";
            Optional<ProjectName> name = ProjectName.tryParse(rawName);
            if (name.isEmpty()) {
                problems.add(Problem.error(loc, "the project name " + Texts.quote(rawName) + " from " + source
                        + " is not a valid name (NAME-01); tag skipped"));
                continue;
            }
            Version version = tagVersion.get();
            if (md.version().isPresent()) {
                Optional<Version> declared = Version.tryParse(md.version().get());
                if (declared.isEmpty()) {
                    problems.add(Problem.error(loc, md.source() + " has version " + Texts.quote(md.version().get())
                            + ", not a PEP 440 version (VER-01); tag skipped"));
                    continue;
                }
                if (!declared.get().equals(version)) {
                    if (!s.acceptVersionMismatch()) {
                        problems.add(Problem.error(loc, md.source() + " says version " + declared.get()
                                + " but the tag says " + version + "; tag skipped (accept version mismatches to"
                                + " index it as " + declared.get() + ")"));
                        continue;
                    }
                    problems.add(Problem.warning(loc, md.source() + " says version " + declared.get() + " but the"
                            + " tag says " + version + "; indexed as " + declared.get()
                            + ", the version a build produces"));
                    version = declared.get();
                }
            }
            if (!valid(md, loc, problems)) {
                continue;
            }
            RepoData.Release release = releases.get(t.name());
            Instant date = instant(release != null && release.publishedAt() != null ? release.publishedAt()
                    : t.date());
            Tagged tagged = new Tagged(repo, name.get(), version, t.name(), t.commit(), md, date);
            Tagged previous = seen.putIfAbsent(name.get().normalized() + " " + version, tagged);
            if (previous != null) {
                problems.add(Problem.warning(loc, "tags " + Texts.quote(previous.tag()) + " and "
                        + Texts.quote(t.name()) + " both give version " + version + " of " + name.get().normalized()
                        + "; using " + Texts.quote(previous.tag()) + " (VER-04)"));
                continue;
            }
            out.add(tagged);
        }
        notes(repo, d, problems, description);
        return out;
    }

    /**
     * Notes every published release GitHub marks as a pre-release whose tag's version is a final release for pip
     * and uv (they install it by default).
     */
    void notes(Repo repo, RepoData d, List<Problem> problems, String description) {
        for (RepoData.Release r : d.releases()) {
            if (r.draft() || !r.prerelease()) {
                continue;
            }
            candidate(r.tag()).filter(v -> !v.isPrerelease()).ifPresent(v -> problems.add(Problem.warning(
                    location(description, repo, r.tag()), prereleaseNote(v))));
        }
    }

    static String prereleaseNote(Version v) {
        return "github marks this release a pre-release, but " + v + " is not a PEP 440 pre-release: it is listed,"
                + " and pip and uv install it as a final release (tag it like " + v + "rc1 to keep it from them)";
    }

    private static boolean valid(ProjectMetadata md, String loc, List<Problem> problems) {
        String rp = md.requiresPython().orElse(null);
        if (rp != null) {
            if (hasControl(rp)) {
                problems.add(Problem.error(loc, md.source() + " requires-python " + Texts.quote(rp)
                        + " has control characters (META-04); tag skipped"));
                return false;
            }
            try {
                VersionSpecifiers.parse(rp);
            } catch (GitpypiException e) {
                problems.add(Problem.error(loc, md.source() + " requires-python " + Texts.quote(rp)
                        + " is not a version specifier set (META-03); tag skipped"));
                return false;
            }
        }
        for (String dep : md.fields().requiresDist()) {
            if (hasControl(dep)) {
                problems.add(Problem.error(loc, md.source() + " dependency " + Texts.quote(dep)
                        + " has control characters (META-04); tag skipped"));
                return false;
            }
        }
        return true;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    static @Nullable Instant instant(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Where a tag's problems are: {@code github:OWNER/NAME tag 'v1.0'} (the source's description is not needed). */
    static String location(String description, Repo repo, String tag) {
        return "github:" + repo.fullName() + " tag " + Texts.quote(tag);
    }
}
