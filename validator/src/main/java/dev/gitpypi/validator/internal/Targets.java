package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.NotAnIndexException;
import dev.gitpypi.validator.PageReadException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a target as a user types it into a {@link Site}: an http(s) URL (of a root, a project page, or a site above
 * {@code simple/}), a {@code file:} URL, or a path, relative or absolute, with or without a trailing slash, to a
 * site folder, a simple root, a project folder or a page file.
 */
public final class Targets {
    private Targets() {
    }

    /**
     * Opens a target.
     *
     * @param target what the user typed
     * @param http the HTTP accessor for URL targets (its credentials apply to this index only)
     * @param limits the bounds
     * @return the site
     * @throws IOException on an I/O or network failure
     * @throws PageReadException when the target does not exist, cannot be read as a path or URL, or is too large
     * @throws NotAnIndexException when the target is not an index
     */
    public static Site open(String target, HttpAccess http, Limits limits) throws IOException {
        String lower = target.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI u = Urls.parse(target.strip()).filter(x -> x.getHost() != null).orElseThrow(
                    () -> new PageReadException("invalid URL " + Texts.quote(Redaction.url(target))));
            return HttpSite.open(Urls.withoutUserInfo(u), http.forIndex(u), limits);
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("file:")) {
            throw new PageReadException("unsupported URL " + Texts.quote(Redaction.url(target))
                    + ": use an http(s) URL, a file: URL, or a path");
        }
        Path path;
        try {
            path = lower.startsWith("file:") ? Path.of(URI.create(target.strip())) : Path.of(target);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new PageReadException("invalid path " + Texts.quote(target));
        }
        return open(path, target, limits);
    }

    /**
     * Opens a folder or a page file.
     *
     * @param path the path, relative or absolute
     * @param display how to show it (as the user typed it)
     * @param limits the bounds
     * @return the site
     * @throws IOException on I/O failure
     * @throws PageReadException when nothing is there
     * @throws NotAnIndexException when it is not an index
     */
    public static Site open(Path path, String display, Limits limits) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return FolderSite.open(abs, display, limits);
        }
        if (Files.isRegularFile(abs)) {
            if (!Files.isReadable(abs)) {
                throw new PageReadException("permission denied: cannot read " + Texts.quote(display));
            }
            return FileSite.open(abs, display, limits);
        }
        if (Files.exists(abs)) {
            throw new NotAnIndexException("not an index: " + Texts.quote(display) + " is neither a folder nor a"
                    + " regular file");
        }
        throw new PageReadException("no such file or folder: " + Texts.quote(display));
    }
}
