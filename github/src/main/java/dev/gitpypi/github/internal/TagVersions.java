package dev.gitpypi.github.internal;

import dev.gitpypi.core.Problem;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
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

    private static final System.Logger LOG = System.getLogger("dev.gitpypi.github.GitHubSource");

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
                    List<String> wanted = new ArrayList<>();
                    try {
                        MetadataReader.read(files(t.commit(), wanted));
                    } catch (MetadataException | RuntimeException ignored) {
                        // a Miss, or a problem reported when the tag is indexed
                    }
                    for (String path : wanted) {
                        misses.add(new Reader.FileKey(e.getKey(), t.commit(), path));
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

    /**
     * The files of a commit from the cache. A file not cached is noted in {@code wanted} and ends the reading with a
     * {@link Miss} (noted first, so that a reader that catches exceptions cannot hide it); without {@code wanted}
     * (the last reading, after every fetch) it is absent.
     */
    private TreeFiles files(String commit, @Nullable List<String> wanted) {
        return name -> {
            Optional<Optional<byte[]>> cached = snapshots.file(commit, name);
            if (cached.isEmpty()) {
                if (wanted == null) {
                    return Optional.empty();
                }
                wanted.add(name);
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
        List<String> unmatched = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
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
                unmatched.add(t.name());
                continue;
            }
            Optional<Version> tagVersion = Version.tryParse(text.get());
            if (tagVersion.isEmpty()) {
                invalid.add(t.name());
                continue;
            }
            ProjectMetadata md;
            try {
                md = MetadataReader.read(files(t.commit(), null));
            } catch (MetadataException e) {
                problems.add(Problem.error(loc, e.getMessage() + "; tag skipped"));
                continue;
            } catch (IOException | RuntimeException e) {
                problems.add(Problem.error(loc, "cannot read the metadata at the tag: "
                        + dev.gitpypi.core.internal.Redaction.text(String.valueOf(e.getMessage())) + "; tag skipped"));
                continue;
            }
            String rawName;
            String source;
            Optional<String> group = s.tagPattern().project(t.name());
            if (md.name().isPresent()) {
                rawName = md.name().get();
                source = md.source();
            } else if (group.isPresent()) {
                rawName = group.get();
                source = "the tag";
            } else {
                // as the Git source: a name is never guessed from a repository or folder name
                problems.add(Problem.error(loc, "the project name is not known: " + md.nameTrail() + ". Give the"
                        + " project a static name (pyproject.toml [project] name, setup.cfg [metadata] name), or use a"
                        + " tag pattern with a (?<project>...) group; tag skipped"));
                continue;
            }
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
                    if (!s.allowVersionMismatch()) {
                        problems.add(Problem.error(loc, md.source() + " says version " + declared.get()
                                + " but the tag says " + version + "; tag skipped (allow version mismatches to"
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
        skipped(repo, d.tags().size(), unmatched, invalid, problems);
        notes(repo, d, problems, description);
        return out;
    }

    /**
     * One warning for the tags that are not versions (how many, the pattern, the first few), as the Git source
     * says it, instead of one per tag; each tag is logged at INFO level.
     */
    private void skipped(Repo repo, int total, List<String> unmatched, List<String> invalid,
            List<Problem> problems) {
        String where = "github:" + repo.fullName();
        String pattern = Texts.quote(s.tagPattern().regex());
        if (!unmatched.isEmpty()) {
            problems.add(Problem.warning(where, unmatched.size() + " of " + total + " tags do not match the tag"
                    + " pattern " + pattern + " and were skipped (" + sample(unmatched) + ")"));
        }
        if (!invalid.isEmpty()) {
            problems.add(Problem.warning(where, invalid.size() + " tags match the tag pattern " + pattern
                    + " but their version is not a PEP 440 version (VER-01) and were skipped (" + sample(invalid)
                    + ")"));
        }
        for (String t : unmatched) {
            LOG.log(System.Logger.Level.INFO, "{0}: tag {1} is not a version; skipped", where, Texts.quote(t));
        }
        for (String t : invalid) {
            LOG.log(System.Logger.Level.INFO, "{0}: tag {1} is not a PEP 440 version; skipped", where,
                    Texts.quote(t));
        }
        if (total > 0 && unmatched.size() + invalid.size() == total) {
            problems.add(Problem.warning(where, "no tag of the repository names a version (tag pattern " + pattern
                    + "): nothing to index"));
        }
    }

    private static String sample(List<String> tags) {
        List<String> shown = new ArrayList<>();
        for (String t : tags.subList(0, Math.min(5, tags.size()))) {
            shown.add(Texts.quote(t));
        }
        return String.join(", ", shown) + (tags.size() > 5 ? ", …" : "");
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
        Optional<String> why = md.unusable();
        why.ifPresent(w -> problems.add(Problem.error(loc, w + "; tag skipped")));
        return why.isEmpty();
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
