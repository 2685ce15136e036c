package dev.gitpypi.git.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.nio.file.Path;
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
            @Nullable PythonMetadata metadata) {
    }

    private final Settings s;
    private final String description;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, TreeMap<Version, Release>> releases = new TreeMap<>();
    private final Map<String, Optional<GitRepository.Commit>> commits = new HashMap<>();
    private String publicUrl = "";
    private String repositoryName = "project";
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
            Index index = index(repo);
            if (pins != null) {
                pins.save();
            }
            return new SourceResult(index, problems);
        }
    }

    private GitRepository open() throws IOException {
        RemoteUrl remote = s.remote();
        if (remote != null) {
            publicUrl = s.publicUrl() != null ? RemoteUrl.stripUserInfo(s.publicUrl()) : remote.publicUrl();
            repositoryName = lastSegment(remote.publicUrl());
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
        repositoryName = repo.location().toAbsolutePath().normalize().getFileName() == null ? "project"
                : repo.location().toAbsolutePath().normalize().getFileName().toString();
        if (repositoryName.endsWith(".git")) {
            repositoryName = repositoryName.substring(0, repositoryName.length() - 4);
        }
        if (s.publicUrl() != null) {
            publicUrl = RemoteUrl.stripUserInfo(s.publicUrl());
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
                            + publicUrl + ", which works on this machine only (name a public url to change it)"));
                }
            }
        }
        return repo;
    }

    private static String fileUrl(Path p) {
        String u = p.toAbsolutePath().normalize().toUri().toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String lastSegment(String urlOrPath) {
        String t = urlOrPath;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        t = t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
        return t.endsWith(".git") ? t.substring(0, t.length() - 4) : t;
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
        List<Settings.Folder> folders = s.projects().isEmpty() && !s.discoverProjects()
                ? List.of(new Settings.Folder("", s.tagPattern())) : s.projects();
        for (Settings.Folder f : folders) {
            Optional<String> v = f.tagPattern().version(name);
            if (v.isPresent()) {
                matched = true;
                release(repo, tag, f.folder(), v.get(), null);
            }
        }
        if (s.discoverProjects()) {
            Optional<String> v = s.tagPattern().version(name);
            if (v.isPresent()) {
                matched = true;
                Optional<GitRepository.Commit> commit = commit(repo, tag);
                if (commit.isPresent()) {
                    String project = s.tagPattern().project(name).orElse(null);
                    boolean any = false;
                    for (String folder : repo.projectFolders(commit.get().commitId(), DISCOVERY_DEPTH)) {
                        Optional<String> unsafe = folder.isEmpty() ? Optional.empty() : TreePaths.unsafe(folder);
                        if (unsafe.isPresent()) {
                            problems.add(Problem.warning(location(name), "folder " + Texts.quote(folder)
                                    + " is not a project folder: " + unsafe.get() + "; skipped"));
                            continue;
                        }
                        any |= release(repo, tag, folder, v.get(), project);
                    }
                    if (!any) {
                        problems.add(Problem.warning(location(name), "no pyproject.toml "
                                + (project == null ? "" : "of project " + Texts.quote(project) + " ")
                                + "found at the tag; skipped"));
                    }
                }
            }
        }
        if (!matched) {
            problems.add(Problem.warning(location(name), "the tag is not a version (it does not match the tag"
                    + " pattern " + Texts.quote(s.tagPattern().regex()) + "); skipped"));
        }
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

    /** @return false if the project at the folder is not {@code onlyProject}, else true */
    private boolean release(GitRepository repo, GitRepository.Tag tag, String folder, String versionText,
            @Nullable String onlyProject) throws IOException {
        String loc = location(tag.name());
        Optional<Version> tagVersion = Version.tryParse(versionText);
        if (tagVersion.isEmpty()) {
            problems.add(Problem.warning(loc, "the tag is not a version: " + Texts.quote(versionText)
                    + " is not a PEP 440 version (VER-01); skipped"));
            return true;
        }
        Optional<GitRepository.Commit> commit = commit(repo, tag);
        if (commit.isEmpty()) {
            return true;
        }
        String commitId = commit.get().commitId();
        PythonMetadata md;
        try {
            md = MetadataReader.read(file -> repo.read(commitId, folder.isEmpty() ? file : folder + "/" + file,
                    s.maxMetadataBytes())).orElse(null);
        } catch (MetadataException e) {
            problems.add(Problem.error(loc, (folder.isEmpty() ? "" : folder + "/") + e.getMessage()
                    + "; tag skipped"));
            return true;
        }
        String rawName = md != null && md.name() != null ? md.name()
                : folder.isEmpty() ? repositoryName : lastSegment(folder);
        if (onlyProject != null && !ProjectName.normalize(rawName).equals(ProjectName.normalize(onlyProject))
                && !ProjectName.normalize(lastSegment(folder)).equals(ProjectName.normalize(onlyProject))) {
            return false;
        }
        String source = md == null ? "the repository name" : md.source();
        Optional<ProjectName> name = ProjectName.tryParse(rawName);
        if (name.isEmpty()) {
            problems.add(Problem.error(loc, "the project name " + Texts.quote(rawName) + " from " + source
                    + " is not a valid name (NAME-01); tag skipped"));
            return true;
        }
        Version version = tagVersion.get();
        if (md != null && md.version() != null) {
            Optional<Version> declared = Version.tryParse(md.version());
            if (declared.isEmpty()) {
                problems.add(Problem.error(loc, md.source() + " has version " + Texts.quote(md.version())
                        + ", not a PEP 440 version (VER-01); tag skipped"));
                return true;
            }
            if (!declared.get().equals(version)) {
                if (!s.acceptVersionMismatch()) {
                    problems.add(Problem.error(loc, md.source() + " says version " + declared.get()
                            + " but the tag says " + version + "; tag skipped (accept version mismatches to index"
                            + " it as " + declared.get() + ")"));
                    return true;
                }
                problems.add(Problem.warning(loc, md.source() + " says version " + declared.get() + " but the tag"
                        + " says " + version + "; indexed as " + declared.get() + ", the version a build produces"));
                version = declared.get();
            }
        }
        if (md != null && !valid(md, loc)) {
            return true;
        }
        Release r = new Release(name.get(), version, tag.name(), commit.get(), folder, md);
        Release previous = releases.computeIfAbsent(name.get().normalized(), k -> new TreeMap<>())
                .putIfAbsent(version, r);
        if (previous != null) {
            problems.add(Problem.warning(loc, "tags " + Texts.quote(previous.tag()) + " and "
                    + Texts.quote(tag.name()) + " both give version " + version + " of "
                    + name.get().normalized() + "; using " + Texts.quote(previous.tag()) + " (VER-04)"));
        }
        return true;
    }

    private boolean valid(PythonMetadata md, String loc) {
        String rp = md.requiresPython();
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
        List<String> deps = md.dependencies();
        if (deps != null) {
            for (String d : deps) {
                if (hasControl(d)) {
                    problems.add(Problem.error(loc, md.source() + " dependency " + Texts.quote(d)
                            + " has control characters (META-04); tag skipped"));
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private Index index(GitRepository repo) throws IOException {
        List<Project> projects = new ArrayList<>();
        for (TreeMap<Version, Release> versions : releases.values()) {
            ProjectName name = versions.lastEntry().getValue().name();
            Project.Builder project = Project.builder(name).sourceUrl(publicUrl);
            boolean any = false;
            for (Release r : versions.values()) {
                Distribution d;
                try {
                    d = s.linkStyle() == LinkStyle.SDIST ? sdist(repo, r) : vcs(r);
                } catch (IOException | RuntimeException e) {
                    problems.add(Problem.error(location(r.tag()), "cannot build the sdist: " + redact(e.getMessage())
                            + "; release skipped"));
                    d = null;
                }
                if (d != null) {
                    project.add(d).version(r.version().toString());
                    any = true;
                }
            }
            if (any) {
                projects.add(project.build());
            }
        }
        return Index.of(projects);
    }

    private @Nullable Distribution vcs(Release r) {
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
        return Distribution.builder(url.toString(), egg).requiresPython(requiresPython(r))
                .origin(publicUrl + "@" + r.tag()).build();
    }

    private static @Nullable String requiresPython(Release r) {
        PythonMetadata md = r.metadata();
        return md == null ? null : md.requiresPython();
    }

    private @Nullable Distribution sdist(GitRepository repo, Release r) throws IOException {
        String loc = location(r.tag());
        String version = r.version().toString();
        String fileName = r.name().fileNameForm() + "-" + version + ".tar.gz";
        PythonMetadata md = r.metadata();
        SdistWriter.Metadata m = md == null
                ? new SdistWriter.Metadata(r.name().display(), version, null, false, null, List.of())
                : new SdistWriter.Metadata(r.name().display(), version, md.requiresPython(), md.requiresPythonKnown(),
                        md.dependencies(), md.extras());
        String pkgInfo = SdistWriter.pkgInfo(m);
        String key = GitRepository.key("gitpypi-sdist-3\0" + r.commit().commitId() + "\0" + r.folder() + "\0"
                + pkgInfo);
        Path target = s.sdistDir().resolve(key).resolve(fileName);
        if (md == null || !md.source().equals("pyproject.toml")) {
            problems.add(Problem.warning(loc, "no pyproject.toml [project] at the tag: the sdist's PKG-INFO has"
                    + " only name and version (SD-04)"));
        }
        Optional<SdistWriter.Written> reused = SdistWriter.reuse(target);
        SdistWriter.Written w = reused.isPresent() ? reused.get()
                : SdistWriter.write(repo, r.commit(), r.folder(), m, target);
        for (String warning : w.warnings()) {
            problems.add(Problem.warning(loc, warning));
        }
        return Distribution.builder(HostedFiles.url(r.name(), fileName), fileName)
                .hash("sha256", w.sha256()).size(w.size()).requiresPython(m.requiresPython())
                .localFile(w.file()).origin(publicUrl + "@" + r.tag()).build();
    }
}
