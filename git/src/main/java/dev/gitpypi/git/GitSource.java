package dev.gitpypi.git;

import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.git.internal.Indexer;
import dev.gitpypi.git.internal.RemoteUrl;
import dev.gitpypi.git.internal.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Git repository as a package source: every tag that names a version becomes an installable release of the
 * project whose metadata is at that tag (DESIGN "Link styles", "Where a vcs link points").
 *
 * <pre>{@code
 * SourceResult r = GitSource.remote("https://github.com/org/hello.git")
 *         .linkStyle(LinkStyle.SDIST)
 *         .cacheDir(Path.of("cache"))
 *         .build()
 *         .read();
 * }</pre>
 *
 * <p>Per tag: the tag pattern gives a version candidate ({@link TagPattern}); the project's core metadata is read
 * from the tree at the tag without running any code — {@code pyproject.toml} {@code [project]}, else
 * {@code setup.cfg} {@code [metadata]} ({@code attr:}, {@code file:}) overridden by the literal arguments of
 * {@code setup.py}'s {@code setup()} call (with the indirections real projects use: module constants, an
 * {@code about} dict filled by {@code exec}, {@code __version__} read from a module). The project's name comes from
 * that metadata or from the user ({@link Builder#projectName(String)}, a folder's name, a tag pattern's
 * {@code project} group) — never from a folder or repository name; a tag whose name cannot be known is skipped
 * with an error that says what was missing and how to name the project. Each release carries its full metadata
 * ({@link dev.gitpypi.core.Distribution#metadata()}: summary, readme, requires-python, dependencies, licence,
 * classifiers, URLs, people; what cannot be known is listed as {@code Dynamic}) and the tag's date as upload time.
 * Tags that are not versions are summarized in one warning; two tags for one version, a static version that
 * disagrees with the tag, invalid TOML, files larger than the bound: each is a {@link dev.gitpypi.core.Problem}
 * naming the repository and the tag, and the rest of the repository is still indexed.
 *
 * <p>Link styles: {@link LinkStyle#VCS} writes {@code git+URL@TAG#egg=name-version} (with
 * {@code &subdirectory=} for monorepos) for pip (SPEC PIP-06, PIP-07); {@link LinkStyle#SDIST} builds a
 * deterministic PEP 625 sdist from the tree at the tag (SPEC SD-01..SD-05) that pip and uv install, hosted by
 * the site ({@link dev.gitpypi.core.Distribution#localFile()}) with its sha256.
 *
 * <p>A remote repository is fetched (tags only, shallow) into a bare copy in the cache folder, so a rebuild
 * transfers only what is new. Credentials in a remote URL are used for fetching only: they never appear in a link,
 * a log line, a problem or an exception message.
 *
 * <p>Over {@code ssh://user@host:port/path} and scp-like {@code user@host:path}, JGit's built-in ssh client
 * (Apache MINA sshd, not the {@code ssh} program) authenticates like OpenSSH with the user's setup: the keys
 * {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa} (or the {@code IdentityFile} of a matching
 * {@code Host} in {@code ~/.ssh/config}, which also supplies {@code HostName}, {@code Port} and {@code User}), and
 * the server's key must be in {@code ~/.ssh/known_hosts}: an unknown or changed host key is refused. Keys protected
 * by a passphrase and ssh-agent are not supported (there is nobody to ask, and JGit's agent connector is not
 * included); use a key without a passphrase, such as a deploy key. {@link Builder#sshDirectory(Path)} uses another
 * folder instead of {@code ~/.ssh}. Key material is never logged or shown.
 *
 * <p>Immutable and thread-safe; each {@link #read()} reads the repository afresh.
 */
public final class GitSource implements IndexSource {
    private final Settings settings;
    private final String description;

    private GitSource(Settings settings, String description) {
        this.settings = settings;
        this.description = description;
    }

    /**
     * A source for a local repository: a work tree (or a folder inside one) or a bare repository. It is read in
     * place; links point to its {@code origin} remote, else to a {@code file://} URL (with a warning).
     *
     * @param path the repository folder
     * @return a builder
     */
    public static Builder local(Path path) {
        return new Builder(Objects.requireNonNull(path, "path"), null);
    }

    /**
     * A source for a remote repository: {@code https://}, {@code http://}, {@code ssh://}, scp-like
     * {@code user@host:path}, {@code git://} or {@code file://}. User and password (or token) in the URL are used
     * to fetch and stripped everywhere else.
     *
     * @param url the repository URL
     * @return a builder
     * @throws IllegalArgumentException if the URL has another scheme (the message holds no credentials)
     */
    public static Builder remote(String url) {
        return new Builder(null, RemoteUrl.parse(Objects.requireNonNull(url, "url")));
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Reads the tags and builds the releases.
     *
     * @return the projects of the repository and the problems found
     * @throws IOException if the repository cannot be reached or opened at all (and no earlier fetch is cached);
     *                     the message names the repository and holds no credentials
     * @throws NotARepositoryException if a local path is not a Git repository (bad input, not an I/O failure)
     */
    @Override
    public SourceResult read() throws IOException {
        return new Indexer(settings, description).run();
    }

    @Override
    public String toString() {
        return "GitSource[" + description + ", " + settings.linkStyle().value() + "]";
    }

    /** Configures a {@link GitSource}. Not thread-safe. */
    public static final class Builder {
        private final @Nullable Path localPath;
        private final @Nullable RemoteUrl remote;
        private LinkStyle linkStyle = LinkStyle.VCS;
        private TagPattern tagPattern = TagPattern.defaultPattern();
        private final List<Settings.Folder> projects = new ArrayList<>();
        private boolean discoverProjects;
        private @Nullable String projectName;
        private @Nullable Path cacheDir;
        private @Nullable Path sdistDir;
        private boolean pinCommits;
        private boolean allowVersionMismatch;
        private @Nullable String linkUrl;
        private final Map<String, Map<Version, String>> yanked = new LinkedHashMap<>();
        private Settings.@Nullable BuildBackendSettings build;
        private long maxMetadataBytes = 1 << 20;
        private Duration timeout = Duration.ofSeconds(60);
        private boolean shallow = true;
        private dev.gitpypi.core.Progress progress = dev.gitpypi.core.Progress.NONE;
        private @Nullable Path sshDirectory;

        private Builder(@Nullable Path localPath, @Nullable RemoteUrl remote) {
            this.localPath = localPath;
            this.remote = remote;
        }

        /**
         * The link style: {@link LinkStyle#VCS} (default) or {@link LinkStyle#SDIST}.
         *
         * @param style the style
         * @return this builder
         * @throws IllegalArgumentException for another style
         */
        public Builder linkStyle(LinkStyle style) {
            if (style != LinkStyle.VCS && style != LinkStyle.SDIST) {
                throw new IllegalArgumentException("a git source links with the vcs or sdist style, not "
                        + style.value());
            }
            this.linkStyle = style;
            return this;
        }

        /**
         * The tags of the root project, and of discovered projects ({@link TagPattern#defaultPattern()} unless
         * set).
         *
         * @param pattern the pattern
         * @return this builder
         */
        public Builder tagPattern(TagPattern pattern) {
            this.tagPattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        /**
         * Adds a project in a folder of the repository (a monorepo) with its own tags. Once any is added only the
         * added folders are indexed; add {@code ""} for the root project too.
         *
         * @param folder the folder, {@code /}-separated, relative to the repository root
         * @param pattern the tags of that project, such as {@code TagPattern.prefix("pkg-a/")}
         * @return this builder
         * @throws IllegalArgumentException if the folder is absolute or climbs out of the repository
         */
        public Builder project(String folder, TagPattern pattern) {
            return project(folder, pattern, null);
        }

        /**
         * Adds a project in a folder of the repository with its own tags and the name to use where the metadata at a
         * tag names no project (see {@link #projectName(String)}).
         *
         * @param folder the folder, {@code /}-separated, relative to the repository root
         * @param pattern the tags of that project
         * @param name the project's name, or null to rely on the metadata (and the tag pattern's {@code project}
         *             group)
         * @return this builder
         * @throws IllegalArgumentException if the folder is absolute or climbs out of the repository, or the name is
         *                                  not a valid project name (NAME-01)
         */
        public Builder project(String folder, TagPattern pattern, @Nullable String name) {
            String f = Objects.requireNonNull(folder, "folder").replaceAll("/+$", "");
            if (f.equals(".")) {
                f = "";
            }
            if (!f.isEmpty() && (f.startsWith("/") || dev.gitpypi.git.internal.TreePaths.unsafe(f).isPresent())) {
                throw new IllegalArgumentException("project folder " + Texts.quote(folder)
                        + " must be a relative path inside the repository");
            }
            projects.add(new Settings.Folder(f, Objects.requireNonNull(pattern, "pattern"),
                    name == null ? null : ProjectName.of(name).display()));
            return this;
        }

        /**
         * The name of the repository's project (of each configured folder without a name of its own) at tags whose
         * metadata names no project — a {@code setup.py} that computes its name, a {@code pyproject.toml} without a
         * {@code [project]} table. Metadata that does name a project wins; a tag whose metadata names another project
         * is skipped with a warning, so this also guards against publishing a renamed project under the old name.
         * Without it, such tags are skipped with an error that says what was missing (a name never comes from a
         * folder or repository name).
         *
         * @param name the project name
         * @return this builder
         * @throws IllegalArgumentException if it is not a valid project name (NAME-01)
         */
        public Builder projectName(String name) {
            this.projectName = ProjectName.of(Objects.requireNonNull(name, "name")).display();
            return this;
        }

        /**
         * Finds the projects of each tag by their {@code pyproject.toml} or {@code setup.py} (the root and folders up
         * to three levels down). If the tag pattern has a {@code project} group, a tag is a release only of the project whose
         * metadata names that project (or, when none does, of the one project whose metadata names none, which then
         * takes the group's name); without such a group, a tag is a release only when exactly one project is found
         * at it, and otherwise a warning names the tag — a repository-wide tag never gives versions to every
         * project of a monorepo.
         *
         * @param discover whether to discover projects
         * @return this builder
         */
        public Builder discoverProjects(boolean discover) {
            this.discoverProjects = discover;
            return this;
        }

        /**
         * The cache folder: bare copies of remote repositories, commit pins, built sdists. Default: the user's
         * cache folder ({@code $XDG_CACHE_HOME/gitpypi}, else {@code ~/.cache/gitpypi}).
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Where built sdists are written (default: {@code sdists} in the cache folder). Each sdist lands in a
         * sub-folder named by a hash of its commit, folder and metadata, so an unchanged tag reuses its file. The
         * distribution links to it as the site hosts it ({@code files/NAME/FILE}, relative to the project page).
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder sdistDir(Path dir) {
            this.sdistDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Links a release by the commit id its tag pointed to when first indexed, kept in the cache folder across
         * builds: a tag that moves later keeps its old commit (and its sdist hash), with a warning. Off by default:
         * links name the tag, and a moved tag gives a new sdist.
         *
         * @param pin whether to pin commits
         * @return this builder
         */
        public Builder pinCommits(boolean pin) {
            this.pinCommits = pin;
            return this;
        }

        /**
         * Marks a release yanked (PEP 592): the pages keep it, with {@code data-yanked} and the JSON {@code yanked}
         * field giving the reason, and pip installs it only when pinned with {@code ==} (SPEC PIP-09).
         *
         * @param project the project name, any spelling
         * @param version the version, any PEP 440 spelling ({@code 1.2} also matches {@code 1.2.0})
         * @param reason why, shown by pip when it installs the release anyway; may be empty
         * @return this builder
         * @throws IllegalArgumentException if the name or the version is invalid (NAME-01, VER-01)
         */
        public Builder yank(String project, String version, String reason) {
            String name = ProjectName.of(Objects.requireNonNull(project, "project")).normalized();
            Version v = Version.parse(Objects.requireNonNull(version, "version"));
            yanked.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(v, Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * Asks the project's own build backend for its metadata (PEP 517 {@code prepare_metadata_for_build_wheel})
         * at tags whose metadata cannot be read without running code — a name computed in {@code setup.py}, fields a
         * backend fills. <strong>This runs the project's code</strong> (its {@code setup.py}, its build backend)
         * on this machine, in a separate Python process with a time limit, in a temporary copy of the tree, with no
         * network access requested and no build requirements installed (the backend must already be importable by
         * {@code python}). Off by default; use it only for repositories you trust as much as your own code.
         *
         * @param python the Python interpreter to run, such as {@code python3}
         * @param timeout the longest one backend call may take, at least one second
         * @return this builder
         */
        public Builder metadataFromBuild(String python, Duration timeout) {
            if (timeout.toSeconds() < 1) {
                throw new IllegalArgumentException("build timeout must be at least one second: " + timeout);
            }
            this.build = new Settings.BuildBackendSettings(Objects.requireNonNull(python, "python"), timeout);
            return this;
        }

        /**
         * Indexes a tag whose static version (in {@code pyproject.toml}, {@code setup.cfg} or {@code setup.py})
         * disagrees with the tag, under the static version (the one a build produces), with a warning. Off by
         * default: such tags are skipped with an error.
         *
         * @param allow whether to allow mismatches
         * @return this builder
         */
        public Builder allowVersionMismatch(boolean allow) {
            this.allowVersionMismatch = allow;
            return this;
        }

        /**
         * The repository URL written into VCS links and as the projects' source URL (credentials are stripped).
         * Default: the remote URL; for a local repository its {@code origin} remote, else a {@code file://} URL.
         *
         * @param url the URL, such as {@code https://github.com/org/repo.git}
         * @return this builder
         */
        public Builder linkUrl(String url) {
            this.linkUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * The largest metadata file ({@code pyproject.toml}, {@code setup.cfg}, {@code setup.py}) read at a tag;
         * a larger one is an error for that tag. Default 1 MiB.
         *
         * @param bytes the bound, positive
         * @return this builder
         */
        public Builder maxMetadataBytes(long bytes) {
            if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("max metadata bytes must be positive and below 2 GiB: " + bytes);
            }
            this.maxMetadataBytes = bytes;
            return this;
        }

        /**
         * The network time-out of a fetch (default 60 s).
         *
         * @param value the time-out, at least one second
         * @return this builder
         */
        public Builder timeout(Duration value) {
            if (value.toSeconds() < 1) {
                throw new IllegalArgumentException("timeout must be at least one second: " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * Whether a fetch transfers only the tagged commits (depth 1, the default) or their whole history.
         *
         * @param value true for shallow fetches
         * @return this builder
         */
        public Builder shallow(boolean value) {
            this.shallow = value;
            return this;
        }

        /**
         * Hears the reading of the tags: {@code start("tags", n)}, then one {@code advance(1)} per tag.
         *
         * @param listener the listener (default: {@link dev.gitpypi.core.Progress#NONE})
         * @return this builder
         */
        public Builder progress(dev.gitpypi.core.Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The folder that holds the ssh keys ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}), {@code config}
         * and {@code known_hosts} used for {@code ssh} remotes, instead of the user's {@code ~/.ssh} (for example a
         * folder with a deploy key in CI). Default: {@code ~/.ssh}.
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder sshDirectory(Path dir) {
            this.sshDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** @return the source */
        public GitSource build() {
            Path cache = cacheDir != null ? cacheDir : defaultCacheDir();
            Path sdists = sdistDir != null ? sdistDir : cache.resolve("sdists");
            String shown = remote != null ? remote.publicUrl() : String.valueOf(localPath);
            Settings s = new Settings(localPath, remote, linkStyle, tagPattern, projects, discoverProjects,
                    projectName, cache, sdists, pinCommits, allowVersionMismatch, linkUrl, maxMetadataBytes, timeout,
                    shallow, progress, sshDirectory, yanked, build);
            return new GitSource(s, "git:" + RemoteUrl.stripUserInfo(shown));
        }

        private static Path defaultCacheDir() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank()) {
                return Path.of(xdg, "gitpypi");
            }
            return Path.of(System.getProperty("user.home"), ".cache", "gitpypi").toAbsolutePath();
        }

        @Override
        public String toString() {
            return "GitSource.Builder[" + linkStyle.value().toLowerCase(Locale.ROOT) + "]";
        }
    }
}
