package dev.gitpypi.validator.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An index to read, as a target resolved to what it is ({@link Targets#open}): a folder ({@link FolderSite}: a
 * site folder, a simple root, or one project's folder), a page file ({@link FileSite}: a root page or a project
 * page), an http(s) URL ({@link HttpSite}: a root, a project page, or a site whose landing page leads to its
 * index), or one page given as text ({@link TextSite}). Pages are parsed here (HTML with jsoup, JSON with Jackson); what they mean is decided by the reader and
 * the rules.
 *
 * <p>SECURITY: a site also decides what the pages it holds may make gitpypi read ({@link #refusal(URI)}): a remote
 * index makes it fetch http(s) URLs only (https only when the index is https), a local one makes it read files
 * inside its own folder only.
 */
public sealed interface Site permits FolderSite, FileSite, HttpSite, TextSite {
    /** What a target holds. */
    enum Scope {
        /** A root page and the project pages it lists. */
        SITE,
        /** A root page alone (a page file). */
        ROOT_PAGE,
        /** One project page (a folder, a file or a URL). */
        PROJECT
    }

    /** @return what the target holds */
    Scope scope();

    /** @return the target as the user gave it, without credentials */
    String display();

    /** @return what was validated when it differs from the target (a landing page's index), else empty */
    Optional<String> resolved();

    /** @return the bounds */
    Limits limits();

    /** @return the HTTP accessor, for HTTP sites */
    default Optional<HttpAccess> http() {
        return Optional.empty();
    }

    /**
     * The folder a local target may read files from: the site folder (the one holding {@code simple/}) when the
     * target lies inside a {@code simple/} tree, else the target folder, or a page file's folder.
     *
     * @return the folder, or empty for a remote target
     */
    Optional<Path> localRoot();

    /**
     * Why a URL a page names must not be fetched, if it must not (SECURITY).
     *
     * @param uri an absolute URL from a page
     * @return the reason, lower-case and naming the URL without credentials, or empty when it may be fetched
     */
    Optional<String> refusal(URI uri);

    /**
     * Maps a link into the site the way a web server serving the folder would: root-relative links
     * ({@code /simple/foo/}, {@code /files/x.whl}) of a folder site land under the site's root.
     *
     * @param uri a resolved link
     * @return the URI to read
     */
    default URI mapLocal(URI uri) {
        return uri;
    }

    /**
     * Reads the root page, streaming its entries.
     *
     * @param sink receives each entry as it is read, in page order, or null
     * @param lines whether to track line numbers (needed only for findings)
     * @return the root, or empty when the target has none
     * @throws IOException on I/O failure
     */
    Optional<RawRoot> root(@Nullable Consumer<RawRoot.Entry> sink, boolean lines) throws IOException;

    /** @return a fresh index for the root's entries */
    RootIndex rootIndex();

    /**
     * The projects to read: those the root lists and, for folders, those present as folders; sorted by normalized
     * name; at most {@link Limits#maxProjects()}.
     *
     * @param index the root's entries as noted while the root streamed
     * @return the projects
     * @throws IOException on I/O failure
     */
    List<ProjectRef> projects(RootIndex index) throws IOException;

    /**
     * Reads the pages of one project: for a folder its {@code index.html} and {@code index.json} (whichever
     * exist), for HTTP the page the server negotiates for uv's Accept header.
     *
     * @param ref the project
     * @return the pages, HTML first
     * @throws IOException on I/O failure
     */
    List<RawProject> project(ProjectRef ref) throws IOException;

    /**
     * How messages name a project's page or folder.
     *
     * @param ref the project
     * @return a path as the user can open it, or a URL without credentials
     */
    String resourceOf(ProjectRef ref);
}
