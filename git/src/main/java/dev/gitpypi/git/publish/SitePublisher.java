package dev.gitpypi.git.publish;

import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.internal.FileTrees;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.core.site.UnsafeOutputException;
import dev.gitpypi.git.internal.SshSessions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a built site to a branch of a Git repository — GitHub Pages' {@code gh-pages}, or any branch of any Git
 * host, or a local repository — with JGit (no {@code git} program needed):
 *
 * <pre>{@code
 * PublishResult r = SitePublisher.builder("https://github.com/acme/python-index.git")
 *         .githubToken(System.getenv("GITHUB_TOKEN"))   // sent to github.com only
 *         .build()
 *         .publish(Path.of("site"));
 * System.out.println(r.outcome() + " " + r.headId() + ": " + r.changes().summary());
 * }</pre>
 *
 * <p>One publish: the branch is fetched shallowly (only its last commit), or started as an orphan branch when the
 * remote has none; its tree is replaced by the site's files, keeping the branch's files that match the keep
 * patterns ({@code CNAME} by default, so a custom Pages domain survives) where the site has no file of that path,
 * and with an empty {@code .nojekyll} (GitHub Pages then serves every file as it is). When that tree equals the
 * branch's, nothing is committed or pushed ({@link PublishResult.Outcome#UNCHANGED}). Otherwise one commit whose
 * message lists the projects and versions added and removed and the files yanked (compared page by page,
 * {@link SiteChanges}) is pushed, expecting the branch to be where it was fetched. If someone else pushed in the
 * meantime, the publish fetches again, rebuilds the tree on top of their commit (their kept files win) and tries
 * again, up to {@link Builder#retries(int)} times; it never force-pushes unless {@link Builder#force(boolean)}.
 * A push the server refuses for another reason (a protected branch, a hook) fails at once with the server's
 * message, and the branch stays as it was.
 *
 * <p>Credentials: those in the remote URL, else {@link Builder#credentials}, else the GitHub token, which is sent
 * as an HTTP credential only to the GitHub host (github.com, or the host of {@link Builder#githubApiUrl}) and only
 * over the API URL's scheme; {@code ssh://} and scp-like remotes use the user's ssh setup as the Git source does
 * (keys, {@code config} and {@code known_hosts} of {@code ~/.ssh} or {@link Builder#sshDirectory}). No credential
 * is written into the branch, a commit message, a log line or an exception message: the site is scanned for the
 * secrets this publish holds and for GitHub-token-shaped text before anything is stored, and a site holding one is
 * refused.
 *
 * <p>Private sites: a site written with {@link SiteWriter.Builder#privateSite(boolean)} holds the marker
 * {@link SiteWriter#PRIVATE_MARKER}. Publishing it to a GitHub repository that is public, or whose GitHub Pages
 * site is public, is refused ({@link UnsafeOutputException}); where the GitHub API cannot tell (no token, another
 * host, a local repository) the result carries a warning.
 *
 * <p>Immutable and thread-safe; each {@link #publish} works in its own temporary repository, deleted afterwards.
 */
public final class SitePublisher {
    /** The branch published to unless {@link Builder#branch(String)} says otherwise: GitHub Pages' branch. */
    public static final String DEFAULT_BRANCH = "gh-pages";
    /** The files kept from the branch unless {@link Builder#keep(List)} says otherwise. */
    public static final List<String> DEFAULT_KEEP = List.of("CNAME");
    /** The GitHub API unless {@link Builder#githubApiUrl(String)} says otherwise. */
    public static final String DEFAULT_GITHUB_API = "https://api.github.com";

    private static final System.Logger LOG = System.getLogger(SitePublisher.class.getName());
    /** Where the fetched branch tip is kept in the temporary repository. */
    private static final String BASE_REF = "refs/gitpypi/base";

    private final String remoteText;
    private final String branch;
    private final @Nullable String message;
    private final List<KeepPattern> keep;
    private final int retries;
    private final boolean force;
    private final @Nullable String githubToken;
    private final URI githubApi;
    private final @Nullable String user;
    private final @Nullable String password;
    private final @Nullable Path sshDirectory;
    private final String authorName;
    private final String authorEmail;
    private final Duration timeout;
    private final Clock clock;
    private final @Nullable Path workDirectory;
    private final Progress progress;

    private SitePublisher(Builder b) {
        this.remoteText = b.remote;
        this.branch = b.branch;
        this.message = b.message;
        this.keep = List.copyOf(b.keep);
        this.retries = b.retries;
        this.force = b.force;
        this.githubToken = b.githubToken;
        this.githubApi = b.githubApi;
        this.user = b.user;
        this.password = b.password;
        this.sshDirectory = b.sshDirectory;
        this.authorName = b.authorName;
        this.authorEmail = b.authorEmail;
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.workDirectory = b.workDirectory;
        this.progress = b.progress;
    }

    /**
     * Starts a publisher.
     *
     * @param remote the repository: a URL ({@code https://}, {@code http://}, {@code ssh://}, scp-like
     *               {@code git@host:org/repo.git}, {@code git://}, {@code file://}) or the path of a local repository
     *               (such as a bare {@code index.git}); credentials in a URL are used, never shown
     * @return a builder with the defaults: branch {@value #DEFAULT_BRANCH}, keep {@code CNAME}, 3 retries, no force
     */
    public static Builder builder(String remote) {
        return new Builder(Objects.requireNonNull(remote, "remote"));
    }

    /** @return the branch published to */
    public String branch() {
        return branch;
    }

    /** @return the repository published to, as it was given but without credentials (safe to show) */
    public String remote() {
        return dev.gitpypi.core.internal.Redaction.url(remoteText);
    }

    /**
     * Publishes a site.
     *
     * @param site a folder that {@code SiteWriter} wrote (it must hold {@code simple/index.html})
     * @return what was done
     * @throws GitpypiException if the folder is not a site, the remote is not a repository folder or URL, or
     *                          publishing would be unsafe ({@link UnsafeOutputException}: a symbolic link, a
     *                          credential in the site, a private site to a public repository); nothing is pushed
     * @throws IOException if the remote cannot be reached, refuses the push, or moved on every attempt; the
     *                     message names the remote and the branch and holds no credential; the branch is left as it
     *                     was
     */
    public PublishResult publish(Path site) throws IOException {
        Objects.requireNonNull(site, "site");
        PublishRemote remote;
        try {
            remote = PublishRemote.resolve(remoteText, user, password, githubToken, githubApi);
        } catch (IllegalArgumentException e) {
            throw new GitpypiException(e.getMessage(), e);
        }
        SiteFiles files = SiteFiles.scan(site);
        List<String> warnings = new ArrayList<>();
        if (files.has(SiteWriter.PRIVATE_MARKER)) {
            checkAudience(site, remote, warnings);
        }
        List<String> scanned = remote.secrets().stream().filter(s -> s.length() >= 8).toList();
        Path work = Files.createTempDirectory(workDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : workDirectory, "gitpypi-publish-");
        try (Git git = Git.init().setBare(true).setDirectory(work.toFile()).call();
                SshSessions ssh = SshSessions.of(sshDirectory)) {
            Repository repo = git.getRepository();
            return new Run(repo, remote, ssh, files, scanned, warnings).publish();
        } catch (GitAPIException e) {
            throw new IOException("cannot create a temporary repository in " + work + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private void checkAudience(Path site, PublishRemote remote, List<String> warnings) {
        String marked = "site " + Texts.quote(site.toString()) + " is private (" + SiteWriter.PRIVATE_MARKER
                + ": it hosts code of private repositories)";
        var github = remote.githubRepository();
        if (github.isEmpty()) {
            warn(warnings, marked + ", and gitpypi cannot tell who can read " + remote.shown() + ": make sure"
                    + " neither the repository nor a web site served from it is public");
            return;
        }
        String[] repo = github.get();
        GitHubAudience.Verdict v = GitHubAudience.check(githubApi, githubToken, repo[0], repo[1], timeout);
        switch (v.kind()) {
            case PUBLIC -> throw new UnsafeOutputException("refusing to publish: " + marked + ", and " + v.why()
                    + "; publish it to a private repository with a private Pages site, or rebuild without the"
                    + " private sources");
            case UNKNOWN -> warn(warnings, marked + ", and gitpypi cannot tell who can read " + remote.shown() + ": "
                    + v.why() + "; make sure neither the repository nor its GitHub Pages site is public");
            case PRIVATE -> {
                if (v.warning() != null) {
                    warn(warnings, v.warning());
                }
            }
        }
    }

    private static void warn(List<String> warnings, String text) {
        warnings.add(text);
        LOG.log(Level.WARNING, text);
    }

    /** One publish: the attempts against one remote, in one temporary repository. */
    private final class Run {
        private final Repository repo;
        private final PublishRemote remote;
        private final SshSessions ssh;
        private final SiteFiles files;
        private final List<String> scanned;
        private final List<String> warnings;
        private final String ref = "refs/heads/" + branch;

        Run(Repository repo, PublishRemote remote, SshSessions ssh, SiteFiles files, List<String> scanned,
                List<String> warnings) {
            this.repo = repo;
            this.remote = remote;
            this.ssh = ssh;
            this.files = files;
            this.scanned = scanned;
            this.warnings = warnings;
        }

        PublishResult publish() throws IOException {
            try (ObjectInserter inserter = newInserter(repo); ObjectReader reader = repo.newObjectReader();
                    RevWalk walk = new RevWalk(reader)) {
                SortedMap<String, ObjectId> blobs = files.store(inserter, scanned, progress);
                inserter.flush();
                for (int attempt = 1; ; attempt++) {
                    progress.start("fetching " + branch, -1);
                    ObjectId tip = fetch();
                    RevCommit parent = tip == null ? null : walk.parseCommit(tip);
                    ObjectId oldTree = parent == null ? null : parent.getTree().getId();
                    ObjectId tree = SiteFiles.tree(inserter, reader, blobs, oldTree, keep);
                    inserter.flush();
                    if (tree.equals(oldTree)) {
                        LOG.log(Level.INFO, "{0} branch {1} already holds the site: nothing to publish",
                                remote.shown(), branch);
                        return new PublishResult(PublishResult.Outcome.UNCHANGED, remote.shown(), branch,
                                tip.name(), null, SiteChanges.none(), "", attempt, warnings,
                                pagesUrl(reader, tree));
                    }
                    SiteChanges changes = TreeComparison.compare(reader, oldTree, tree);
                    String text = CommitMessage.of(message, changes, remote::redact);
                    ObjectId commit = commit(inserter, tree, parent, text);
                    inserter.flush();
                    progress.start("pushing " + branch, 1);
                    if (push(commit, tip, attempt)) {
                        progress.advance(1);
                        PublishResult.Outcome outcome = tip == null ? PublishResult.Outcome.CREATED
                                : PublishResult.Outcome.UPDATED;
                        LOG.log(Level.INFO, "published to {0} branch {1}: commit {2}, {3}", remote.shown(), branch,
                                commit.name(), changes.summary());
                        return new PublishResult(outcome, remote.shown(), branch, commit.name(),
                                tip == null ? null : tip.name(), changes, text, attempt, warnings,
                                pagesUrl(reader, tree));
                    }
                    if (attempt > retries) {
                        throw new IOException("cannot publish to " + remote.shown() + " branch " + branch
                                + ": someone else pushed to it " + (attempt == 1 ? "first (no retries)"
                                : "during each of " + attempt + " attempts") + "; nothing was pushed (run again,"
                                + " or serialize the jobs that publish)");
                    }
                    LOG.log(Level.INFO, "{0} branch {1} moved while publishing: fetching again (attempt {2} of {3})",
                            remote.shown(), branch, attempt + 1, retries + 1);
                    backOff(attempt);
                }
            }
        }

        /** The custom domain of the tree's {@code CNAME}, else the github.io address of a github.com repository. */
        private @Nullable String pagesUrl(ObjectReader reader, ObjectId tree) throws IOException {
            try (TreeWalk tw = TreeWalk.forPath(reader, "CNAME", tree)) {
                if (tw != null) {
                    String text = new String(reader.open(tw.getObjectId(0)).getCachedBytes(4096),
                            java.nio.charset.StandardCharsets.UTF_8).strip();
                    String domain = text.lines().findFirst().orElse("").strip().toLowerCase(java.util.Locale.ROOT);
                    if (domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                        return "https://" + domain + "/";
                    }
                }
            } catch (org.eclipse.jgit.errors.LargeObjectException e) {
                // not a domain name
            }
            var repository = remote.githubRepository();
            if (repository.isEmpty() || !PublishRemote.githubHost(githubApi).equals("github.com")) {
                return null;
            }
            String owner = repository.get()[0].toLowerCase(java.util.Locale.ROOT);
            String name = repository.get()[1];
            return name.equalsIgnoreCase(owner + ".github.io") ? "https://" + owner + ".github.io/"
                    : "https://" + owner + ".github.io/" + name + "/";
        }

        private ObjectId commit(ObjectInserter inserter, ObjectId tree, @Nullable RevCommit parent, String text)
                throws IOException {
            PersonIdent who = new PersonIdent(authorName, authorEmail, clock.instant(), ZoneOffset.UTC);
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(tree);
            if (parent != null) {
                c.setParentId(parent);
            }
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(text);
            return inserter.insert(c);
        }

        /** The branch's tip, fetched (depth 1) when it exists; null when the remote has no such branch. */
        private @Nullable ObjectId fetch() throws IOException {
            ObjectId tip = advertised();
            if (tip == null || repo.getObjectDatabase().has(tip)) {
                return tip;
            }
            try (Transport t = open()) {
                t.setDepth(1);
                t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + ref + ":" + BASE_REF)));
            } catch (TransportException | RuntimeException e) {
                throw failure("cannot fetch", e);
            }
            return tip;
        }

        /** The branch's tip as the remote advertises it now, or null when it has no such branch. */
        private @Nullable ObjectId advertised() throws IOException {
            try (Transport t = open(); FetchConnection c = t.openFetch()) {
                Ref r = c.getRef(ref);
                return r == null ? null : r.getObjectId();
            } catch (TransportException | RuntimeException e) {
                throw failure("cannot reach", e);
            }
        }

        /**
         * Pushes the commit, expecting the branch at {@code tip} (absent when null) unless forced.
         *
         * @return true when pushed; false when the branch moved meanwhile (a race to retry)
         */
        private boolean push(ObjectId commit, @Nullable ObjectId tip, int attempt) throws IOException {
            RemoteRefUpdate.Status status;
            String why;
            java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
            try (Transport t = open()) {
                RemoteRefUpdate update = new RemoteRefUpdate(repo, null, commit, ref, force, null,
                        force ? null : tip == null ? ObjectId.zeroId() : tip);
                PushResult result = t.push(NullProgressMonitor.INSTANCE, List.of(update), said);
                RemoteRefUpdate answer = result.getRemoteUpdate(ref);
                status = answer == null ? RemoteRefUpdate.Status.NOT_ATTEMPTED : answer.getStatus();
                why = answer == null || answer.getMessage() == null ? "" : answer.getMessage();
            } catch (TransportException | RuntimeException e) {
                // the connection failed mid-way: the push may or may not have landed
                ObjectId now = advertised();
                if (commit.equals(now)) {
                    return true;
                }
                if (!Objects.equals(now, tip)) {
                    return false;
                }
                throw failure("cannot push to", e);
            }
            switch (status) {
                case OK, UP_TO_DATE -> {
                    return true;
                }
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                    return false;
                }
                default -> {
                    // a server that checks the old value itself says "failed to update ref" or "stale info" when
                    // the branch moved; ask where it is now to tell a race from a refusal
                    ObjectId now = advertised();
                    if (commit.equals(now)) {
                        return true;
                    }
                    if (!Objects.equals(now, tip)) {
                        return false;
                    }
                    String server = CommitMessage.clean(said.toString(java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("\\s+", " ").strip(), 500, false);
                    throw new IOException(remote.redact("the remote refused the push to " + remote.shown()
                            + " branch " + branch + ": " + (why.isBlank() ? status.toString() : why)
                            + (server.isEmpty() ? "" : " (the server said: " + server + ")")
                            + "; nothing was pushed"));
                }
            }
        }

        private Transport open() throws IOException {
            Transport t;
            try {
                t = Transport.open(repo, new URIish(remote.fetchUrl()));
            } catch (URISyntaxException | NotSupportedException e) {
                throw new GitpypiException(remote.redact("cannot use " + Texts.quote(remote.shown())
                        + " as a repository: " + e.getMessage()));
            }
            t.setCredentialsProvider(remote.credentials());
            t.setTimeout((int) Math.max(1, timeout.toSeconds()));
            ssh.configure(t);
            return t;
        }

        private IOException failure(String what, Exception e) {
            StringBuilder s = new StringBuilder();
            for (Throwable c = e; c != null && s.length() < 600; c = c.getCause()) {
                String m = c.getMessage();
                if (m != null && !s.toString().contains(m)) {
                    s.append(s.length() == 0 ? "" : ": ").append(m);
                }
            }
            String detail = s.length() == 0 ? e.getClass().getSimpleName() : s.toString();
            return new IOException(remote.redact(what + " " + remote.shown() + " (branch " + branch + "): " + detail));
        }
    }

    /**
     * Writes new objects into one pack per flush rather than one file per object: a site of 15,000 files took a
     * minute as loose objects (a temporary file, a rename and later a delete each).
     */
    private static ObjectInserter newInserter(Repository repo) {
        if (repo.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory dir) {
            org.eclipse.jgit.internal.storage.file.PackInserter packs = dir.newPackInserter();
            packs.checkExisting(true);
            return packs;
        }
        return repo.newObjectInserter();
    }

    private static void backOff(int attempt) throws InterruptedIOException {
        try {
            Thread.sleep(200L * attempt + ThreadLocalRandom.current().nextInt(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while publishing");
        }
    }

    private static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the temporary repository {0}: {1}", dir, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SitePublisher[" + branch + "]";
    }

    /** Configures a {@link SitePublisher}. Not thread-safe. */
    public static final class Builder {
        private final String remote;
        private String branch = DEFAULT_BRANCH;
        private @Nullable String message;
        private List<KeepPattern> keep = DEFAULT_KEEP.stream().map(KeepPattern::parse).toList();
        private int retries = 3;
        private boolean force;
        private @Nullable String githubToken;
        private URI githubApi = URI.create(DEFAULT_GITHUB_API);
        private @Nullable String user;
        private @Nullable String password;
        private @Nullable Path sshDirectory;
        private String authorName = "gitpypi";
        private String authorEmail = "gitpypi@localhost";
        private Duration timeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private @Nullable Path workDirectory;
        private Progress progress = Progress.NONE;

        private Builder(String remote) {
            this.remote = remote;
        }

        /**
         * The branch to publish to (default {@value #DEFAULT_BRANCH}); created when the remote has none.
         *
         * @param name a branch name, without {@code refs/heads/}
         * @return this builder
         * @throws IllegalArgumentException if Git would not accept it as a branch name
         */
        public Builder branch(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.startsWith("-") || name.startsWith("refs/")
                    || !Repository.isValidRefName("refs/heads/" + name)) {
                throw new IllegalArgumentException("invalid branch name " + Texts.quote(name)
                        + ": give a Git branch name such as gh-pages");
            }
            this.branch = name;
            return this;
        }

        /**
         * The commit's subject, instead of the generated one (which then follows in the body). The listing of the
         * changes is always in the message.
         *
         * @param text the subject (may span lines), or null for the generated one
         * @return this builder
         */
        public Builder message(@Nullable String text) {
            this.message = text;
            return this;
        }

        /**
         * The files of the branch to keep when the site has no file of that path (default {@code CNAME}; an empty
         * list keeps nothing). Patterns are {@code /}-separated paths from the branch root; {@code *} matches
         * within a path segment, {@code **} across segments, {@code ?} one character; a pattern that matches a
         * folder keeps everything in it.
         *
         * @param patterns such as {@code CNAME}, {@code docs/**}, {@code *.txt}
         * @return this builder
         * @throws IllegalArgumentException if a pattern is empty, absolute or climbs out ({@code ..})
         */
        public Builder keep(List<String> patterns) {
            this.keep = patterns.stream().map(KeepPattern::parse).toList();
            return this;
        }

        /**
         * How many times to fetch again and retry when someone else pushed to the branch between the fetch and the
         * push (default 3).
         *
         * @param count 0 to 20
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder retries(int count) {
            if (count < 0 || count > 20) {
                throw new IllegalArgumentException("retries must be 0 to 20, not " + count);
            }
            this.retries = count;
            return this;
        }

        /**
         * Pushes even if the branch moved after it was fetched, replacing what was pushed meanwhile (the history
         * before the fetch is kept). Off by default: a publish never force-pushes unless asked.
         *
         * @param value whether to force
         * @return this builder
         */
        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        /**
         * A GitHub token (such as Actions' {@code GITHUB_TOKEN}): sent as the HTTP credential
         * {@code x-access-token:TOKEN} when the remote is on the GitHub host over the API URL's scheme and carries no
         * credentials itself, and to the GitHub API to tell whether a private site would become public. Never sent
         * to another host.
         *
         * @param token the token, or null for none
         * @return this builder
         */
        public Builder githubToken(@Nullable String token) {
            this.githubToken = token == null || token.isBlank() ? null : token.strip();
            return this;
        }

        /**
         * The GitHub API (default {@value #DEFAULT_GITHUB_API}); its host names the GitHub host Git is served from:
         * {@code api.HOST} serves {@code HOST}, and GitHub Enterprise Server ({@code https://HOST/api/v3}) serves
         * both from {@code HOST}.
         *
         * @param url an absolute http(s) URL
         * @return this builder
         * @throws IllegalArgumentException if it is not one
         */
        public Builder githubApiUrl(String url) {
            this.githubApi = PublishRemote.parseApiUrl(Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * HTTP credentials for the remote, whatever its host (credentials in the remote URL take precedence).
         *
         * @param userName the user (for a token, any non-empty name such as {@code x-access-token})
         * @param secret the password or token
         * @return this builder
         */
        public Builder credentials(String userName, String secret) {
            this.user = Objects.requireNonNull(userName, "userName");
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * The folder of ssh keys, {@code config} and {@code known_hosts} for ssh remotes, instead of
         * {@code ~/.ssh} (as {@code GitSource.Builder.sshDirectory}).
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder sshDirectory(Path dir) {
            this.sshDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * The author and committer of the commits (default {@code gitpypi <gitpypi@localhost>}).
         *
         * @param name the name
         * @param email the e-mail address
         * @return this builder
         * @throws IllegalArgumentException if either is empty or holds {@code <}, {@code >} or a line break
         */
        public Builder author(String name, String email) {
            for (String part : List.of(name, email)) {
                if (part.isBlank() || part.matches("(?s).*[<>\\n\\r\\x00].*")) {
                    throw new IllegalArgumentException("invalid author " + Texts.quote(name + " <" + email + ">")
                            + ": give a name and an e-mail address without <, > or line breaks");
                }
            }
            this.authorName = name.strip();
            this.authorEmail = email.strip();
            return this;
        }

        /**
         * The network time-out of each connection (default 60 s).
         *
         * @param value at least one second
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
         * The clock that dates the commits (default the system clock, UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Where the temporary repository of each publish is made (default the system's temporary folder).
         *
         * @param dir an existing folder
         * @return this builder
         */
        public Builder workDirectory(Path dir) {
            this.workDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Hears the publish: {@code start("files", n)} and one advance per site file stored, then per attempt
         * {@code start("fetching BRANCH", -1)} and {@code start("pushing BRANCH", 1)} (an advance once pushed).
         *
         * @param listener the listener (default {@link Progress#NONE})
         * @return this builder
         */
        public Builder progress(Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the publisher */
        public SitePublisher build() {
            return new SitePublisher(this);
        }

        @Override
        public String toString() {
            return "SitePublisher.Builder[" + branch + "]";
        }
    }
}
