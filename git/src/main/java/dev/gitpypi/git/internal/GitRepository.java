package dev.gitpypi.git.internal;

import dev.gitpypi.git.internal.metadata.MetadataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * A repository opened for reading tags and the files at them: a local repository in place, or the bare cache copy
 * of a remote one. The only class that holds JGit objects across calls. Not thread-safe.
 */
public final class GitRepository implements AutoCloseable {
    /** Where tags are kept in the cache copy. */
    private static final String PIN_PREFIX = "refs/gitpypi/pins/";

    /**
     * A tag as the repository lists it.
     *
     * @param name the tag name without {@code refs/tags/}
     * @param objectId the object the tag ref points to (a commit, or an annotated tag object)
     */
    public record Tag(String name, String objectId) {
    }

    /**
     * A tag resolved to its commit.
     *
     * @param commitId the commit's full hex id
     * @param commitTime the committer time, seconds since the epoch
     */
    public record Commit(String commitId, long commitTime) {
    }

    private final Repository repo;
    private final ObjectReader reader;
    private final RevWalk walk;
    private final boolean cache;
    private long updatedRefs;

    private GitRepository(Repository repo, boolean cache) {
        this.repo = repo;
        this.reader = repo.newObjectReader();
        this.walk = new RevWalk(reader);
        this.cache = cache;
    }

    /**
     * Opens a local repository: a work tree (or any folder inside one) or a bare repository.
     *
     * @param path the folder
     * @return the repository
     * @throws dev.gitpypi.git.NotARepositoryException if there is no repository there
     * @throws IOException if it cannot be read
     */
    public static GitRepository openLocal(Path path) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
        if (Files.isRegularFile(path.resolve("HEAD")) && Files.isDirectory(path.resolve("objects"))) {
            b.setGitDir(path.toFile());
        } else {
            b.findGitDir(path.toFile());
            if (b.getGitDir() == null) {
                throw new dev.gitpypi.git.NotARepositoryException(notARepository(path));
            }
        }
        try {
            return new GitRepository(b.build(), false);
        } catch (RepositoryNotFoundException e) {
            throw new dev.gitpypi.git.NotARepositoryException(notARepository(path));
        }
    }

    private static String notARepository(Path path) {
        return (Files.isDirectory(path) ? "not a git repository: " : "no such folder: ")
                + dev.gitpypi.core.internal.Texts.quote(path.toString())
                + " (give a git work tree, a folder inside one, a bare repository, or a URL)";
    }

    /**
     * Opens (creating on first use) the bare cache copy of a remote repository under a cache folder.
     *
     * @param url the remote
     * @param cacheRoot the cache folder
     * @return the repository, not yet fetched
     * @throws IOException if the cache cannot be created
     */
    public static GitRepository openCache(RemoteUrl url, Path cacheRoot) throws IOException {
        Path dir = cacheRoot.resolve("repos").resolve(key(url.publicUrl()) + ".git");
        Files.createDirectories(dir.getParent());
        if (!Files.isRegularFile(dir.resolve("HEAD"))) {
            try {
                Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
            } catch (GitAPIException e) {
                throw new IOException("cannot create the cache repository " + dir + ": " + e.getMessage(), e);
            }
        }
        Repository r = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        return new GitRepository(r, true);
    }

    /**
     * A short stable key of a string, for file names in the cache.
     *
     * @param text the text
     * @return 20 hex digits of its sha256
     */
    public static String key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Brings the tags of this cache copy up to date with the remote: lists the remote's tags (no objects), deletes
     * tags the remote no longer has, and fetches only the tags that are new or moved (shallow: only the tagged
     * commits and their trees). When nothing changed, no object is transferred.
     *
     * @param url the remote
     * @param timeout the network time-out
     * @param shallow whether to fetch only the tagged commits (depth 1) instead of their whole history
     * @param sshDirectory the folder of ssh keys, {@code config} and {@code known_hosts} to use instead of the
     *                     user's {@code ~/.ssh}, or null for JGit's default ssh client (which reads {@code ~/.ssh})
     * @throws IOException if listing or fetching fails; the message holds no credentials
     */
    public void fetchTags(RemoteUrl url, Duration timeout, boolean shallow, @Nullable Path sshDirectory)
            throws IOException {
        try (SshSessions ssh = SshSessions.of(sshDirectory)) {
            fetchTags(url, timeout, shallow, ssh);
        }
    }

    private void fetchTags(RemoteUrl url, Duration timeout, boolean shallow, TransportConfigCallback transport)
            throws IOException {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        UsernamePasswordCredentialsProvider credentials = null;
        if (url.hasCredentials()) {
            String user = url.user();
            String password = url.password();
            credentials = new UsernamePasswordCredentialsProvider(user == null ? "" : user,
                    password == null ? "" : password);
        }
        try (Git git = new Git(repo)) {
            Map<String, ObjectId> remote = new TreeMap<>();
            for (Ref ref : Git.lsRemoteRepository().setRemote(url.fetchUrl()).setTags(true).setHeads(false)
                    .setTimeout(seconds).setCredentialsProvider(credentials).setTransportConfigCallback(transport)
                    .call()) {
                if (ref.getName().startsWith(Constants.R_TAGS) && ref.getObjectId() != null) {
                    remote.put(ref.getName(), ref.getObjectId());
                }
            }
            Map<String, ObjectId> local = new TreeMap<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                local.put(ref.getName(), ref.getObjectId());
            }
            updatedRefs = 0;
            for (String name : local.keySet()) {
                if (!remote.containsKey(name)) {
                    RefUpdate u = repo.updateRef(name);
                    u.setForceUpdate(true);
                    u.delete(walk);
                    updatedRefs++;
                }
            }
            List<RefSpec> specs = new ArrayList<>();
            boolean wildcard = false;
            for (Map.Entry<String, ObjectId> e : remote.entrySet()) {
                if (!e.getValue().equals(local.get(e.getKey()))) {
                    try {
                        specs.add(new RefSpec("+" + e.getKey() + ":" + e.getKey()));
                    } catch (IllegalArgumentException invalidName) {
                        wildcard = true;
                    }
                }
            }
            if (specs.isEmpty() && !wildcard) {
                return;
            }
            updatedRefs += specs.size();
            if (wildcard || specs.size() > 500) {
                specs = List.of(new RefSpec("+refs/tags/*:refs/tags/*"));
            }
            var fetch = git.fetch().setRemote(url.fetchUrl()).setRefSpecs(specs).setTagOpt(TagOpt.NO_TAGS)
                    .setTimeout(seconds).setCredentialsProvider(credentials).setTransportConfigCallback(transport);
            if (shallow) {
                fetch.setDepth(1);
            }
            fetch.call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException(url.redact(describe(e)));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 600; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (s.length() == 0 || !s.toString().contains(m))) {
                s.append(s.length() == 0 ? "" : ": ").append(m);
            }
        }
        return s.length() == 0 ? e.getClass().getSimpleName() : s.toString();
    }

    /** @return how many tags the last fetch created, moved or deleted */
    public long updatedRefs() {
        return updatedRefs;
    }

    /** @return whether this is a cache copy of a remote repository */
    public boolean isCache() {
        return cache;
    }

    /** @return the work tree of a local non-bare repository, else its git folder */
    public Path location() {
        return repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
    }

    /** @return the URL of the {@code origin} remote as configured, if any */
    public Optional<String> originUrl() {
        return Optional.ofNullable(repo.getConfig().getString("remote", "origin", "url"));
    }

    /**
     * The tags, sorted by name.
     *
     * @return the tags
     * @throws IOException if the refs cannot be read
     */
    public List<Tag> tags() throws IOException {
        List<Tag> out = new ArrayList<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            ObjectId id = ref.getObjectId();
            if (id != null) {
                out.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), id.name()));
            }
        }
        out.sort(Comparator.comparing(Tag::name));
        return out;
    }

    /**
     * Resolves an object id (a commit, or an annotated tag that points to one) to its commit.
     *
     * @param objectId the id
     * @return the commit, or empty if the object is missing or is not a commit
     * @throws IOException if the repository cannot be read
     */
    public Optional<Commit> commit(String objectId) throws IOException {
        try {
            RevCommit c = walk.parseCommit(ObjectId.fromString(objectId));
            return Optional.of(new Commit(c.name(), c.getCommitTime() & 0xffffffffL));
        } catch (org.eclipse.jgit.errors.MissingObjectException
                | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return Optional.empty();
        }
    }

    /**
     * When a tag was made: the tagger's time of an annotated tag, else the committer time of the commit it names.
     *
     * @param objectId the object the tag ref points to
     * @return the time, or empty if the object cannot be read
     * @throws IOException if the repository cannot be read
     */
    public Optional<java.time.Instant> tagTime(String objectId) throws IOException {
        try {
            org.eclipse.jgit.revwalk.RevObject o = walk.parseAny(ObjectId.fromString(objectId));
            if (o instanceof org.eclipse.jgit.revwalk.RevTag t) {
                org.eclipse.jgit.lib.PersonIdent tagger = t.getTaggerIdent();
                if (tagger != null) {
                    return Optional.of(tagger.getWhenAsInstant());
                }
                o = walk.peel(t);
            }
            if (o instanceof RevCommit c) {
                walk.parseHeaders(c);
                return Optional.of(java.time.Instant.ofEpochSecond(c.getCommitTime() & 0xffffffffL));
            }
            return Optional.empty();
        } catch (org.eclipse.jgit.errors.MissingObjectException
                | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return Optional.empty();
        }
    }

    /**
     * A person and time of a commit.
     *
     * @param name the name
     * @param email the email address
     * @param time when
     * @param offsetMinutes the time zone offset the commit recorded, in minutes east of UTC
     */
    public record Ident(String name, String email, java.time.Instant time, int offsetMinutes) {
    }

    /**
     * What {@code git log --format} placeholders read from a commit.
     *
     * @param id the commit id
     * @param tree the tree id
     * @param parents the parent ids
     * @param author the author
     * @param committer the committer
     * @param message the raw message
     * @param tags the tags that point at the commit (annotated tags peeled), full ref names
     */
    public record CommitInfo(String id, String tree, List<String> parents, Ident author, Ident committer,
            String message, List<String> tags) {
    }

    private @Nullable Map<String, List<String>> tagsByCommit;

    /**
     * The fields of a commit that {@code export-subst} placeholders use.
     *
     * @param commitId the commit
     * @return its fields
     * @throws IOException if it cannot be read
     */
    public CommitInfo commitInfo(String commitId) throws IOException {
        RevCommit c = walk.parseCommit(ObjectId.fromString(commitId));
        List<String> parents = new ArrayList<>();
        for (RevCommit p : c.getParents()) {
            parents.add(p.name());
        }
        return new CommitInfo(c.name(), c.getTree().name(), parents, ident(c.getAuthorIdent()),
                ident(c.getCommitterIdent()), c.getFullMessage(), tagsAt(c.name()));
    }

    /**
     * The tags that point at a commit (annotated tags peeled).
     *
     * @param commitId the commit
     * @return their full ref names, sorted
     * @throws IOException if the refs cannot be read
     */
    public List<String> tagsAt(String commitId) throws IOException {
        if (tagsByCommit == null) {
            Map<String, List<String>> byCommit = new java.util.HashMap<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                Ref peeled = repo.getRefDatabase().peel(ref);
                ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
                        : peeled.getObjectId();
                if (target != null) {
                    byCommit.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(ref.getName());
                }
            }
            tagsByCommit = byCommit;
        }
        List<String> tags = new ArrayList<>(tagsByCommit.getOrDefault(commitId, List.of()));
        tags.sort(null);
        return tags;
    }

    private static Ident ident(org.eclipse.jgit.lib.PersonIdent p) {
        return new Ident(p.getName(), p.getEmailAddress(), p.getWhenAsInstant(),
                p.getZoneOffset().getTotalSeconds() / 60);
    }

    /**
     * The shortest unique abbreviation of an object id, at least 7 hex digits (git's default for small
     * repositories).
     *
     * @param id the object id
     * @return the abbreviation
     * @throws IOException if the repository cannot be read
     */
    public String abbreviate(String id) throws IOException {
        return reader.abbreviate(ObjectId.fromString(id), 7).name();
    }

    /**
     * {@code git describe} of a commit (JGit's implementation of it).
     *
     * @param commitId the commit
     * @param tags whether lightweight tags count too
     * @param match glob patterns a tag must match (any), empty for all
     * @param exclude glob patterns a tag must not match
     * @param abbrev the abbreviation length of the commit id, or -1 for the default
     * @return the description, or empty when no tag describes the commit
     * @throws IOException if the repository cannot be read
     */
    public Optional<String> describe(String commitId, boolean tags, List<String> match, List<String> exclude,
            int abbrev) throws IOException {
        try (Git git = new Git(repo)) {
            var d = git.describe().setTarget(ObjectId.fromString(commitId)).setTags(tags);
            if (!match.isEmpty()) {
                d.setMatch(match.toArray(String[]::new));
            }
            if (!exclude.isEmpty()) {
                d.setExclude(exclude.toArray(String[]::new));
            }
            if (abbrev >= 0) {
                d.setAbbrev(abbrev);
            }
            return Optional.ofNullable(d.call());
        } catch (GitAPIException | org.eclipse.jgit.errors.InvalidPatternException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a folder exists at a commit.
     *
     * @param commitId the commit
     * @param folder the folder, {@code /}-separated; {@code ""} is the root
     * @return true if the tree has a folder (a tree entry) at that path
     * @throws IOException if the repository cannot be read
     */
    public boolean isFolder(String commitId, String folder) throws IOException {
        if (folder.isEmpty()) {
            return true;
        }
        try (TreeWalk tw = TreeWalk.forPath(reader, folder, tree(commitId))) {
            return tw != null && tw.getFileMode(0) == FileMode.TREE;
        }
    }

    /**
     * Keeps a commit reachable in the cache copy, so that a pinned release survives a moved or deleted tag.
     *
     * @param tag the tag name
     * @param commitId the commit
     * @throws IOException if the ref cannot be written
     */
    public void keep(String tag, String commitId) throws IOException {
        if (!cache || !Repository.isValidRefName(PIN_PREFIX + tag)) {
            return;
        }
        RefUpdate u = repo.updateRef(PIN_PREFIX + tag);
        u.setNewObjectId(ObjectId.fromString(commitId));
        u.setForceUpdate(true);
        u.update(walk);
    }

    private RevTree tree(String commitId) throws IOException {
        return walk.parseCommit(ObjectId.fromString(commitId)).getTree();
    }

    /**
     * Reads a file at a commit, bounded.
     *
     * @param commitId the commit
     * @param path the file's path in the tree, {@code /}-separated
     * @param maxBytes the largest size read
     * @return the bytes, or empty if there is no regular file at that path
     * @throws IOException if the repository cannot be read
     * @throws MetadataException if the file is larger than {@code maxBytes}
     */
    public Optional<byte[]> read(String commitId, String path, long maxBytes) throws IOException, MetadataException {
        try (TreeWalk tw = TreeWalk.forPath(reader, path, tree(commitId))) {
            if (tw == null) {
                return Optional.empty();
            }
            FileMode mode = tw.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                return Optional.empty();
            }
            ObjectLoader loader = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB);
            long size = loader.getSize();
            if (size > maxBytes) {
                throw new MetadataException(path + " is " + size + " bytes, more than the limit of " + maxBytes
                        + " bytes for a metadata file");
            }
            return Optional.of(loader.getCachedBytes((int) maxBytes));
        }
    }

    /**
     * The folders (relative, {@code /}-separated, {@code ""} for the root) that hold a {@code pyproject.toml} or a
     * {@code setup.py} (a project pip can build) at a commit, at most {@code maxDepth} levels down, sorted.
     *
     * @param commitId the commit
     * @param maxDepth the deepest folder level searched
     * @return the folders
     * @throws IOException if the repository cannot be read
     */
    public List<String> projectFolders(String commitId, int maxDepth) throws IOException {
        List<String> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(tree(commitId));
            tw.setRecursive(false);
            while (tw.next()) {
                if (tw.isSubtree()) {
                    if (tw.getDepth() < maxDepth) {
                        tw.enterSubtree();
                    }
                } else if (tw.getNameString().equals("pyproject.toml") || tw.getNameString().equals("setup.py")) {
                    String p = tw.getPathString();
                    String folder = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
                    if (out.isEmpty() || !out.get(out.size() - 1).equals(folder)) {
                        out.add(folder);
                    }
                }
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    /**
     * One file of a tree, for writing an archive.
     *
     * @param path the path relative to the folder archived
     * @param kind regular, executable, symlink or submodule
     * @param objectId the blob (or for a submodule the commit) id
     * @param exportSubst whether the {@code export-subst} attribute is set for it
     */
    public record Entry(String path, EntryKind kind, String objectId, boolean exportSubst) {
        /**
         * An entry without {@code export-subst}.
         *
         * @param path the path
         * @param kind the kind
         * @param objectId the object id
         */
        public Entry(String path, EntryKind kind, String objectId) {
            this(path, kind, objectId, false);
        }
    }

    /** What a tree entry is. */
    public enum EntryKind {
        /** A regular file. */
        FILE,
        /** An executable file. */
        EXECUTABLE,
        /** A symbolic link; the blob holds the target. */
        SYMLINK,
        /** A submodule (gitlink). */
        SUBMODULE
    }

    /**
     * The files under a folder at a commit as {@code git archive} takes them: a folder or file whose
     * {@code export-ignore} attribute is set is left out (a folder with everything in it), and each file says
     * whether {@code export-subst} is set for it. Attributes come from the tree's own {@code .gitattributes} files
     * ({@link GitAttributes}).
     *
     * @param commitId the commit
     * @param folder the folder, {@code ""} for the root
     * @param maxAttributesBytes the largest {@code .gitattributes} file read
     * @param warnings receives what was ignored (an oversized {@code .gitattributes})
     * @return the entries, paths relative to the folder, sorted by path
     * @throws IOException if the repository cannot be read
     */
    public List<Entry> archiveFiles(String commitId, String folder, long maxAttributesBytes,
            java.util.function.Consumer<String> warnings) throws IOException {
        GitAttributes attributes = new GitAttributes(path -> read(commitId, path, maxAttributesBytes), warnings);
        String prefix = folder.isEmpty() ? "" : folder + "/";
        for (int slash = folder.indexOf('/'); !folder.isEmpty(); slash = folder.indexOf('/', slash + 1)) {
            String ancestor = slash < 0 ? folder : folder.substring(0, slash);
            if (attributes.isSet(ancestor, true, "export-ignore")) {
                warnings.accept("the project folder " + dev.gitpypi.core.internal.Texts.quote(folder)
                        + " is export-ignore'd by .gitattributes: the sdist holds only what gitpypi adds");
                return List.of();
            }
            if (slash < 0) {
                break;
            }
        }
        List<Entry> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(tree(commitId));
            tw.setRecursive(false);
            if (!folder.isEmpty()) {
                tw.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(folder));
            }
            while (tw.next()) {
                String path = tw.getPathString();
                boolean inside = path.startsWith(prefix);
                if (tw.isSubtree()) {
                    if (!inside || !attributes.isSet(path, true, "export-ignore")) {
                        tw.enterSubtree();
                    }
                    continue;
                }
                if (!inside) {
                    continue;
                }
                FileMode mode = tw.getFileMode(0);
                boolean submodule = mode == FileMode.GITLINK;
                if (attributes.isSet(path, submodule, "export-ignore")) {
                    continue;
                }
                EntryKind kind = mode == FileMode.EXECUTABLE_FILE ? EntryKind.EXECUTABLE
                        : mode == FileMode.SYMLINK ? EntryKind.SYMLINK : submodule ? EntryKind.SUBMODULE
                        : EntryKind.FILE;
                boolean subst = (kind == EntryKind.FILE || kind == EntryKind.EXECUTABLE)
                        && attributes.isSet(path, false, "export-subst");
                out.add(new Entry(path.substring(prefix.length()), kind, tw.getObjectId(0).name(), subst));
            }
        }
        out.sort(Comparator.comparing(Entry::path));
        return out;
    }

    /**
     * Opens a blob for streaming.
     *
     * @param blobId the blob
     * @return its loader view: size and stream
     * @throws IOException if it cannot be read
     */
    public Blob blob(String blobId) throws IOException {
        ObjectLoader loader = reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB);
        return new Blob(loader);
    }

    /** A blob's size and bytes, streamed. */
    public static final class Blob {
        private final ObjectLoader loader;

        private Blob(ObjectLoader loader) {
            this.loader = loader;
        }

        /** @return the size in bytes */
        public long size() {
            return loader.getSize();
        }

        /**
         * Copies the bytes.
         *
         * @param out where to
         * @throws IOException if reading or writing fails
         */
        public void copyTo(java.io.OutputStream out) throws IOException {
            loader.copyTo(out);
        }

        /**
         * The bytes of a small blob.
         *
         * @param max the largest size read
         * @return the bytes
         * @throws IOException if larger or unreadable
         */
        public byte[] bytes(int max) throws IOException {
            return loader.getCachedBytes(max);
        }
    }

    /**
     * Whether an object is in the repository.
     *
     * @param id the id
     * @return true if present
     */
    public boolean has(@Nullable String id) {
        try {
            return id != null && repo.getObjectDatabase().has(ObjectId.fromString(id));
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        walk.close();
        reader.close();
        repo.close();
    }
}
