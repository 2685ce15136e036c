package dev.gitpypi.git.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import dev.gitpypi.git.internal.metadata.MetadataException;
import dev.gitpypi.git.internal.metadata.MetadataReader;
import dev.gitpypi.git.internal.metadata.ProjectMetadata;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the tags of one repository into an index: tag → version, metadata at the tag, one link per release.
 * One instance per {@code read()}; not thread-safe.
 */
public final class Indexer {
    private static final System.Logger LOG = System.getLogger("dev.gitpypi.git.GitSource");
    /** Characters a tag may have to stand in a VCS link as it is (pip splits the URL at '@', '#', '?'). */
    private static final Pattern SAFE_REF = Pattern.compile("[A-Za-z0-9._/+-]+");
    private static final Pattern SAFE_FOLDER = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    /** SPEC PIP-06: the value of {@code #egg=} must be a valid name lexically. */
    private static final Pattern EGG = Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");
    private static final int DISCOVERY_DEPTH = 3;

    private record Release(ProjectName name, Version version, String tag, GitRepository.Commit commit, String folder,
            ProjectMetadata metadata, Instant time) {
    }

    private final Settings s;
    private final String description;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, TreeMap<Version, Release>> releases = new TreeMap<>();
    private final Map<String, Optional<GitRepository.Commit>> commits = new HashMap<>();
    private final Map<String, @Nullable ProjectMetadata> metadataCache = new HashMap<>();
    private final Map<String, String> metadataErrors = new HashMap<>();
    private final List<String> unmatchedTags = new ArrayList<>();
    private final List<String> invalidVersionTags = new ArrayList<>();
    private final List<String> noProjectTags = new ArrayList<>();
    private String publicUrl = "";
    private @Nullable PinStore pins;

    /**
     * Creates an indexer.
     *
     * @param settings the configuration
     * @param description the source's description, for problem locations
     */
    public Indexer(Settings settings, String description) {
        this.s = settings;
        this.description = description;
    }

    /**
     * Reads the repository.
     *
     * @return the projects and problems
     * @throws IOException if the repository cannot be read at all; the message holds no credentials
     */
    public SourceResult run() throws IOException {
        try (GitRepository repo = open()) {
            List<GitRepository.Tag> tags = repo.tags();
            LOG.log(System.Logger.Level.INFO, "{0}: {1} tags", description, tags.size());
            if (s.pinCommits()) {
                pins = PinStore.load(s.cacheDir(), publicUrl);
            }
            s.progress().start("tags", tags.size());
            for (GitRepository.Tag tag : tags) {
                try {
                    tag(repo, tag);
                } catch (IOException | RuntimeException e) {
                    problems.add(Problem.error(location(tag.name()), "cannot read the tag: " + redact(e.getMessage())
                            + "; tag skipped"));
                }
                s.progress().advance(1);
            }
            summarizeSkippedTags(tags.size());
            Index index = index(repo);
            if (pins != null) {
                pins.save();
            }
            return new SourceResult(index, problems);
        }
    }

    /**
     * One warning for the tags that are not versions (count, pattern, the first few) instead of one per tag; each
     * tag is logged at INFO level ({@code -v} in the CLI lists them). No version tag at all is a warning naming
     * the repository.
     */
    private void summarizeSkippedTags(int total) {
        String pattern = Texts.quote(s.projects().isEmpty() ? s.tagPattern().regex()
                : String.join(" | ", s.projects().stream().map(f -> f.tagPattern().regex()).toList()));
        if (!unmatchedTags.isEmpty()) {
            problems.add(Problem.warning(description, unmatchedTags.size() + " of " + total + " tags do not match the"
                    + " tag pattern " + pattern + " and were skipped (" + sample(unmatchedTags) + ")"));
            for (String t : unmatchedTags) {
                LOG.log(System.Logger.Level.INFO, "{0}: tag {1} does not match the tag pattern; skipped",
                        description, Texts.quote(t));
            }
        }
        if (!invalidVersionTags.isEmpty()) {
            problems.add(Problem.warning(description, invalidVersionTags.size() + " tags match the tag pattern "
                    + pattern + " but their version is not a PEP 440 version (VER-01) and were skipped ("
                    + sample(invalidVersionTags) + ")"));
            for (String t : invalidVersionTags) {
                LOG.log(System.Logger.Level.INFO, "{0}: tag {1} is not a PEP 440 version; skipped", description,
                        Texts.quote(t));
            }
        }
        if (!noProjectTags.isEmpty()) {
            problems.add(Problem.warning(description, noProjectTags.size() + " tags have no pyproject.toml or setup.py"
                    + " at them (at most " + DISCOVERY_DEPTH + " folders deep) and were skipped ("
                    + sample(noProjectTags) + ")"));
            for (String t : noProjectTags) {
                LOG.log(System.Logger.Level.INFO, "{0}: tag {1} has no project; skipped", description,
                        Texts.quote(t));
            }
        }
        if (total == 0) {
            problems.add(Problem.warning(description, "the repository has no tags: nothing to index"));
        } else if (unmatchedTags.size() + invalidVersionTags.size() == total) {
            problems.add(Problem.warning(description, "no tag of the repository names a version (tag pattern "
                    + pattern + "): nothing to index"));
        }
    }

    private static String sample(List<String> tags) {
        List<String> shown = new ArrayList<>();
        for (String t : tags.subList(0, Math.min(5, tags.size()))) {
            shown.add(Texts.quote(t));
        }
        return String.join(", ", shown) + (tags.size() > 5 ? ", … (-v lists them all)" : "");
    }

    private GitRepository open() throws IOException {
        RemoteUrl remote = s.remote();
        if (remote != null) {
            publicUrl = s.linkUrl() != null ? RemoteUrl.stripUserInfo(s.linkUrl()) : remote.publicUrl();
            GitRepository repo = GitRepository.openCache(remote, s.cacheDir());
            try {
                repo.fetchTags(remote, s.timeout(), s.shallow(), s.sshDirectory());
            } catch (IOException e) {
                int cached = repo.tags().size();
                if (cached == 0) {
                    repo.close();
                    throw new IOException("cannot read git repository " + Texts.quote(remote.publicUrl())
                            + ": " + remote.redact(e.getMessage()), null);
                }
                problems.add(Problem.error(description, "cannot fetch from the repository ("
                        + remote.redact(e.getMessage()) + "); using the " + cached + " tags cached by an earlier"
                        + " build"));
            }
            return repo;
        }
        Path path = java.util.Objects.requireNonNull(s.localPath());
        GitRepository repo = GitRepository.openLocal(path);
        if (s.linkUrl() != null) {
            publicUrl = RemoteUrl.stripUserInfo(s.linkUrl());
        } else {
            Optional<String> origin = repo.originUrl();
            if (origin.isPresent() && RemoteUrl.isUrl(origin.get())) {
                publicUrl = RemoteUrl.parse(origin.get()).publicUrl();
            } else if (origin.isPresent()) {
                publicUrl = fileUrl(repo.location().resolve(origin.get()));
            } else {
                publicUrl = fileUrl(repo.location());
                if (s.linkStyle() == LinkStyle.VCS) {
                    problems.add(Problem.warning(description, "the repository has no origin remote: links use "
                            + publicUrl + ", which works on this machine only (give a link url to change it)"));
                }
            }
        }
        return repo;
    }

    private static String fileUrl(Path p) {
        String u = p.toAbsolutePath().normalize().toUri().toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private String location(String tag) {
        return description + " tag " + Texts.quote(tag);
    }

    private String redact(@Nullable String message) {
        RemoteUrl remote = s.remote();
        String m = message == null ? "unknown error" : message;
        return remote == null ? RemoteUrl.stripUserInfo(m) : remote.redact(m);
    }

    private void tag(GitRepository repo, GitRepository.Tag tag) throws IOException {
        String name = tag.name();
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(Problem.warning(location(name), "the tag name has control characters; skipped"));
            return;
        }
        boolean matched = false;
        boolean released = false;
        List<Settings.Folder> folders = s.projects().isEmpty() && !s.discoverProjects()
                ? List.of(new Settings.Folder("", s.tagPattern(), s.projectName())) : s.projects();
        for (Settings.Folder f : folders) {
            Optional<String> v = f.tagPattern().version(name);
            if (v.isPresent()) {
                matched = true;
                released |= release(repo, tag, f.folder(), v.get(), f.tagPattern().project(name).orElse(null),
                        f.name() != null ? f.name() : s.projectName(), null) != Outcome.OTHER_PROJECT;
            }
        }
        if (s.discoverProjects()) {
            Optional<String> v = s.tagPattern().version(name);
            if (v.isPresent()) {
                matched = true;
                released |= discover(repo, tag, v.get(), s.tagPattern().project(name).orElse(null));
            }
        }
        if (!matched) {
            unmatchedTags.add(name);
        } else if (!released) {
            problems.add(Problem.warning(location(name), "the tag names project "
                    + Texts.quote(projectGroups(name)) + ", which no configured folder holds; skipped"));
        }
    }

    private String projectGroups(String tag) {
        for (Settings.Folder f : s.projects()) {
            Optional<String> p = f.tagPattern().project(tag);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return s.tagPattern().project(tag).orElse("");
    }

    /**
     * A tag under {@code --discover-projects}: with a {@code project} group it releases the folder whose metadata
     * names that project (or, when none does, the one folder whose metadata names no project); without one it
     * releases the project only when exactly one is found, so that a repository-wide tag never gives versions to
     * projects that did not release them.
     *
     * @return whether the tag was used (or reported)
     */
    private boolean discover(GitRepository repo, GitRepository.Tag tag, String versionText, @Nullable String project)
            throws IOException {
        String loc = location(tag.name());
        Optional<GitRepository.Commit> commit = commit(repo, tag);
        if (commit.isEmpty()) {
            return true;
        }
        List<String> folders = new ArrayList<>();
        for (String folder : repo.projectFolders(commit.get().commitId(), DISCOVERY_DEPTH)) {
            Optional<String> unsafe = folder.isEmpty() ? Optional.empty() : TreePaths.unsafe(folder);
            if (unsafe.isPresent()) {
                problems.add(Problem.warning(loc, "folder " + Texts.quote(folder) + " is not a project folder: "
                        + unsafe.get() + "; skipped"));
            } else {
                folders.add(folder);
            }
        }
        if (folders.isEmpty()) {
            noProjectTags.add(tag.name());
            return true;
        }
        if (project == null) {
            if (folders.size() == 1) {
                release(repo, tag, folders.get(0), versionText, null, s.projectName(), null);
            } else {
                problems.add(Problem.warning(loc, "the tag names no project (the tag pattern "
                        + Texts.quote(s.tagPattern().regex()) + (s.tagPattern().hasProjectGroup()
                                ? " gives no (?<project>...) group for it" : " has no (?<project>...) group")
                        + ") and " + folders.size() + " projects were found at it (" + describeFolders(folders)
                        + "); it applies to none of them"));
            }
            return true;
        }
        List<String> unnamed = new ArrayList<>();
        List<String> named = new ArrayList<>();
        boolean any = false;
        for (String folder : folders) {
            ProjectMetadata md = metadata(repo, commit.get(), folder, tag.name(), versionText).orElse(null);
            if (md == null) {
                continue;
            }
            if (md.name().isEmpty()) {
                unnamed.add(folder);
            } else if (ProjectName.normalize(md.name().get()).equals(ProjectName.normalize(project))) {
                release(repo, tag, folder, versionText, project, null, null);
                any = true;
            } else {
                named.add(folder.isEmpty() ? "\"\" (" + md.name().get() + ")" : folder + " (" + md.name().get() + ")");
            }
        }
        if (any) {
            return true;
        }
        if (unnamed.size() == 1) {
            release(repo, tag, unnamed.get(0), versionText, project, null, project);
            return true;
        }
        problems.add(Problem.warning(loc, "no project named " + Texts.quote(project) + " at the tag: "
                + (named.isEmpty() ? "" : "the pyproject.toml files found name " + String.join(", ", named))
                + (unnamed.size() > 1 ? (named.isEmpty() ? "" : "; ") + unnamed.size()
                        + " folders name no project (" + describeFolders(unnamed) + ")" : "")
                + "; skipped"));
        return true;
    }

    private static String describeFolders(List<String> folders) {
        List<String> shown = new ArrayList<>();
        for (String f : folders.subList(0, Math.min(5, folders.size()))) {
            shown.add(f.isEmpty() ? "the root" : Texts.quote(f));
        }
        return String.join(", ", shown) + (folders.size() > 5 ? ", …" : "");
    }

    private Optional<GitRepository.Commit> commit(GitRepository repo, GitRepository.Tag tag) throws IOException {
        Optional<GitRepository.Commit> known = commits.get(tag.name());
        if (known == null) {
            known = resolve(repo, tag);
            commits.put(tag.name(), known);
        }
        return known;
    }

    private Optional<GitRepository.Commit> resolve(GitRepository repo, GitRepository.Tag tag) throws IOException {
        Optional<GitRepository.Commit> current = repo.commit(tag.objectId());
        PinStore p = pins;
        if (p != null) {
            Optional<String> pinned = p.get(tag.name());
            if (pinned.isPresent() && !(current.isPresent() && current.get().commitId().equals(pinned.get()))) {
                Optional<GitRepository.Commit> old = repo.commit(pinned.get());
                if (old.isEmpty()) {
                    problems.add(Problem.error(location(tag.name()), "the pinned commit " + pinned.get()
                            + " is no longer in the repository; tag skipped"));
                    return Optional.empty();
                }
                problems.add(Problem.warning(location(tag.name()), "the tag moved to "
                        + current.map(GitRepository.Commit::commitId).orElse("an unreadable object")
                        + "; keeping the pinned commit " + pinned.get()));
                repo.keep(tag.name(), pinned.get());
                return old;
            }
        }
        if (current.isEmpty()) {
            problems.add(Problem.error(location(tag.name()), "the tag does not point to a commit that can be read;"
                    + " skipped"));
            return current;
        }
        if (p != null) {
            p.put(tag.name(), current.get().commitId());
            repo.keep(tag.name(), current.get().commitId());
        }
        return current;
    }

    /**
     * The metadata of a folder at a commit, read once. A file that cannot be used is an error for the tag (reported
     * once per commit and folder). With {@code --metadata-from-build}, metadata that static reading leaves
     * incomplete is asked of the project's build backend ({@link BuildBackend}); its answer is kept in the cache
     * folder, so a rebuild does not run the backend again.
     */
    private Optional<ProjectMetadata> metadata(GitRepository repo, GitRepository.Commit commit, String folder,
            String tag, String versionText) throws IOException {
        String key = commit.commitId() + "\0" + folder;
        if (metadataCache.containsKey(key)) {
            return Optional.ofNullable(metadataCache.get(key));
        }
        ProjectMetadata md = null;
        try {
            md = MetadataReader.read(new GitTreeFiles(repo, commit.commitId(), folder, s.maxMetadataBytes()));
        } catch (MetadataException e) {
            metadataErrors.put(key, (folder.isEmpty() ? "" : folder + "/") + e.getMessage());
        }
        Settings.BuildBackendSettings build = s.build();
        if (md != null && build != null && (md.name().isEmpty() || !md.isComplete())) {
            md = fromBackend(repo, commit, folder, md, tag, versionText, build);
        }
        metadataCache.put(key, md);
        return Optional.ofNullable(md);
    }

    private ProjectMetadata fromBackend(GitRepository repo, GitRepository.Commit commit, String folder,
            ProjectMetadata md, String tag, String versionText, Settings.BuildBackendSettings build)
            throws IOException {
        String version = Version.tryParse(versionText).map(Version::toString).orElse(versionText);
        Path cached = s.cacheDir().resolve("backend-metadata").resolve(GitRepository.key("gitpypi-backend-1\0"
                + commit.commitId() + "\0" + folder + "\0" + version + "\0" + build.python()) + ".METADATA");
        CoreMetadata answer;
        if (java.nio.file.Files.isRegularFile(cached)) {
            answer = CoreMetadata.parse(java.nio.file.Files.readAllBytes(cached));
        } else {
            Path sdist = java.nio.file.Files.createTempDirectory("gitpypi-build-").resolve("project-" + version
                    + ".tar.gz");
            try {
                SdistWriter.write(repo, commit, folder, md.complete(md.name().orElse("UNKNOWN"), version), sdist);
                BuildBackend.Result r = new BuildBackend(build).metadata(sdist, version);
                if (!r.ok()) {
                    problems.add(Problem.warning(location(tag), "cannot ask the build backend " + Texts.quote(
                            md.backend()) + " for metadata (--metadata-from-build): " + redact(r.failure())
                            + "; using what the files say"));
                    return md;
                }
                answer = r.metadata();
                java.nio.file.Files.createDirectories(cached.getParent());
                java.nio.file.Files.write(cached, answer.toBytes());
            } finally {
                java.nio.file.Files.deleteIfExists(sdist.resolveSibling(sdist.getFileName() + ".warnings"));
                java.nio.file.Files.deleteIfExists(sdist);
                java.nio.file.Files.deleteIfExists(sdist.getParent());
            }
        }
        CoreMetadata fields = answer.toBuilder().metadataVersion(null).remove(CoreMetadata.Field.NAME)
                .remove(CoreMetadata.Field.VERSION).remove(CoreMetadata.Field.DYNAMIC).build();
        return new ProjectMetadata("the build backend " + md.backend(), answer.name().orElse(null),
                answer.version().orElse(null), fields, md.backend(), answer.name().isPresent() ? ""
                        : "the build backend's metadata has no Name");
    }

    /** What {@link #release} did. */
    private enum Outcome {
        /** The tag is a release of this folder (or was reported as a problem). */
        DONE,
        /** The tag's project group names another project than the folder's metadata. */
        OTHER_PROJECT
    }

    /**
     * One tag of one folder.
     *
     * @param tagProject the tag's {@code project} group, or null
     * @param userName the name the configuration gives this folder, or null
     * @param groupName a name to use because the tag's project group named this (otherwise unnamed) folder, or null
     */
    private Outcome release(GitRepository repo, GitRepository.Tag tag, String folder, String versionText,
            @Nullable String tagProject, @Nullable String userName, @Nullable String groupName) throws IOException {
        String loc = location(tag.name());
        Optional<Version> tagVersion = Version.tryParse(versionText);
        if (tagVersion.isEmpty()) {
            invalidVersionTags.add(tag.name());
            return Outcome.DONE;
        }
        Optional<GitRepository.Commit> commit = commit(repo, tag);
        if (commit.isEmpty()) {
            return Outcome.DONE;
        }
        if (!repo.isFolder(commit.get().commitId(), folder)) {
            problems.add(Problem.error(loc, "the project folder " + Texts.quote(folder)
                    + " does not exist at the tag; tag skipped"));
            return Outcome.DONE;
        }
        Optional<ProjectMetadata> read = metadata(repo, commit.get(), folder, tag.name(), versionText);
        if (read.isEmpty()) {
            problems.add(Problem.error(loc, metadataErrors.get(commit.get().commitId() + "\0" + folder)
                    + "; tag skipped"));
            return Outcome.DONE;
        }
        ProjectMetadata md = read.get();
        String metaName = md.name().orElse(null);
        if (tagProject != null && metaName != null && groupName == null
                && !ProjectName.normalize(metaName).equals(ProjectName.normalize(tagProject))) {
            return Outcome.OTHER_PROJECT;
        }
        String rawName;
        if (metaName != null) {
            if (userName != null && !ProjectName.normalize(metaName).equals(ProjectName.normalize(userName))) {
                problems.add(Problem.warning(loc, md.source() + " names project " + Texts.quote(metaName)
                        + ", not " + Texts.quote(userName) + " (the configured project name); tag skipped"));
                return Outcome.DONE;
            }
            rawName = metaName;
        } else if (userName != null) {
            rawName = userName;
        } else if (groupName != null || tagProject != null) {
            rawName = groupName != null ? groupName : tagProject;
        } else {
            problems.add(Problem.error(loc, "the project name is not known" + (folder.isEmpty() ? ""
                    : " in folder " + Texts.quote(folder)) + ": " + md.nameTrail() + ". Name it with --project NAME"
                    + " (GitSource.Builder.projectName), project = \"NAME\" for this repository in gitpypi.toml, or"
                    + " a (?<project>...) group in the tag pattern; tag skipped"));
            return Outcome.DONE;
        }
        Optional<ProjectName> name = ProjectName.tryParse(rawName);
        if (name.isEmpty()) {
            problems.add(Problem.error(loc, "the project name " + Texts.quote(rawName) + " from "
                    + (metaName != null ? md.source() : userName != null ? "the configuration" : "the tag")
                    + " is not a valid name (NAME-01); tag skipped"));
            return Outcome.DONE;
        }
        Version version = tagVersion.get();
        if (md.version().isPresent()) {
            String declaredText = md.version().get();
            Optional<Version> declared = Version.tryParse(declaredText);
            if (declared.isEmpty()) {
                problems.add(Problem.error(loc, md.source() + " has version " + Texts.quote(declaredText)
                        + ", not a PEP 440 version (VER-01); tag skipped"));
                return Outcome.DONE;
            }
            if (!declared.get().equals(version)) {
                if (!s.allowVersionMismatch()) {
                    problems.add(Problem.error(loc, md.source() + " says version " + declared.get()
                            + " but the tag says " + version + "; tag skipped (allow version mismatches to index"
                            + " it as " + declared.get() + ")"));
                    return Outcome.DONE;
                }
                problems.add(Problem.warning(loc, md.source() + " says version " + declared.get() + " but the tag"
                        + " says " + version + "; indexed as " + declared.get() + ", the version a build produces"));
                version = declared.get();
            }
        }
        if (!valid(md, loc)) {
            return Outcome.DONE;
        }
        Instant time = repo.tagTime(tag.objectId()).orElse(Instant.ofEpochSecond(commit.get().commitTime()));
        Release r = new Release(name.get(), version, tag.name(), commit.get(), folder, md, time);
        Release previous = releases.computeIfAbsent(name.get().normalized(), k -> new TreeMap<>())
                .putIfAbsent(version, r);
        if (previous != null) {
            problems.add(Problem.warning(loc, "tags " + Texts.quote(previous.tag()) + " and "
                    + Texts.quote(tag.name()) + " both give version " + version + " of "
                    + name.get().normalized() + "; using " + Texts.quote(previous.tag()) + " (VER-04)"));
        }
        return Outcome.DONE;
    }

    private boolean valid(ProjectMetadata md, String loc) {
        Optional<String> why = md.unusable();
        why.ifPresent(w -> problems.add(Problem.error(loc, w + "; tag skipped")));
        return why.isEmpty();
    }

    private Index index(GitRepository repo) throws IOException {
        List<Project> projects = new ArrayList<>();
        Map<String, Map<Version, String>> unusedYanks = new TreeMap<>();
        s.yanked().forEach((name, versions) -> unusedYanks.put(name, new HashMap<>(versions)));
        for (TreeMap<Version, Release> versions : releases.values()) {
            ProjectName name = versions.lastEntry().getValue().name();
            Project.Builder project = Project.builder(name).sourceUrl(publicUrl);
            Map<Version, String> yanks = unusedYanks.getOrDefault(name.normalized(), new HashMap<>());
            boolean any = false;
            for (Release r : versions.values()) {
                Distribution d;
                try {
                    CoreMetadata metadata = r.metadata().complete(r.name().display(), r.version().toString());
                    d = s.linkStyle() == LinkStyle.SDIST ? sdist(repo, r, metadata) : vcs(r, metadata);
                } catch (IOException | RuntimeException e) {
                    problems.add(Problem.error(location(r.tag()), "cannot build the sdist: " + redact(e.getMessage())
                            + "; release skipped"));
                    d = null;
                }
                if (d != null) {
                    String reason = yanks.remove(r.version());
                    if (reason != null) {
                        d = d.toBuilder().yanked(reason).build();
                    }
                    project.add(d).version(r.version().toString());
                    any = true;
                }
            }
            if (any) {
                projects.add(project.build());
            }
        }
        unusedYanks.forEach((name, versions) -> versions.keySet().stream().sorted().forEach(v -> {
            if (releases.containsKey(name)) {
                problems.add(Problem.warning(description, "yanked release " + name + " " + v + " is not a release"
                        + " of this repository; nothing yanked"));
            }
        }));
        return Index.of(projects);
    }

    private @Nullable Distribution vcs(Release r, CoreMetadata metadata) {
        String loc = location(r.tag());
        String version = r.version().toString();
        String egg = r.name().normalized() + "-" + version;
        if (version.contains("+") || version.contains("!") || !EGG.matcher(egg).matches()) {
            problems.add(Problem.warning(loc, "version " + version + " cannot stand in a pip #egg= fragment (PIP-06:"
                    + " local versions and epochs are not valid there); not linked, use the sdist link style"));
            return null;
        }
        String ref;
        if (s.pinCommits()) {
            ref = r.commit().commitId();
        } else if (SAFE_REF.matcher(r.tag()).matches() && !r.tag().contains("..")) {
            ref = r.tag();
        } else {
            problems.add(Problem.warning(loc, "the tag name cannot stand in a VCS link; linked by its commit id"));
            ref = r.commit().commitId();
        }
        StringBuilder url = new StringBuilder("git+").append(publicUrl).append('@').append(ref).append("#egg=")
                .append(egg);
        if (!r.folder().isEmpty()) {
            if (!SAFE_FOLDER.matcher(r.folder()).matches()) {
                problems.add(Problem.warning(loc, "the folder " + Texts.quote(r.folder())
                        + " cannot stand in a subdirectory= fragment; not linked"));
                return null;
            }
            url.append("&subdirectory=").append(r.folder());
        }
        return Distribution.builder(url.toString(), egg).requiresPython(metadata.requiresPython().orElse(null))
                .metadata(metadata).uploadTime(r.time()).origin(publicUrl + "@" + r.tag()).build();
    }

    private @Nullable Distribution sdist(GitRepository repo, Release r, CoreMetadata metadata) throws IOException {
        String loc = location(r.tag());
        String version = r.version().toString();
        String fileName = r.name().fileNameForm() + "-" + version + ".tar.gz";
        // the tags at the commit are in the key: export-subst's %D and %(describe) print them
        String key = GitRepository.key("gitpypi-sdist-5\0" + r.commit().commitId() + "\0" + r.folder() + "\0"
                + String.join(",", repo.tagsAt(r.commit().commitId())) + "\0" + metadata.toText());
        Path target = s.sdistDir().resolve(key).resolve(fileName);
        Optional<SdistWriter.Written> reused = SdistWriter.reuse(target);
        SdistWriter.Written w = reused.isPresent() ? reused.get()
                : SdistWriter.write(repo, r.commit(), r.folder(), metadata, target);
        for (String warning : w.warnings()) {
            problems.add(Problem.warning(loc, warning));
        }
        return Distribution.builder(HostedFiles.url(r.name(), fileName), fileName)
                .hash("sha256", w.sha256()).size(w.size()).requiresPython(metadata.requiresPython().orElse(null))
                .metadata(metadata).uploadTime(r.time()).localFile(w.file()).origin(publicUrl + "@" + r.tag())
                .build();
    }
}
