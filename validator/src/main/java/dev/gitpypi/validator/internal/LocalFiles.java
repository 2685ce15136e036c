package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.PageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the folder and file sites share: opening pages within the limits, the local-file policy. */
final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Opens a page file.
     *
     * @param file the file
     * @param max the size limit
     * @param resource how messages name it
     * @return the page, body unread
     * @throws IOException on I/O failure
     * @throws PageReadException when it is missing or larger than the limit
     */
    static Fetched open(Path file, long max, String resource) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new PageReadException("no such file: " + Texts.quote(resource), e);
        }
        if (size > max) {
            throw new PageReadException("page " + Texts.quote(resource) + " is too large: " + size
                    + " bytes, the limit is " + max);
        }
        InputStream in;
        try {
            in = new BoundedInputStream(Files.newInputStream(file), max, resource);
        } catch (AccessDeniedException e) {
            throw new PageReadException("permission denied: cannot read " + Texts.quote(resource), e);
        }
        return new Fetched(resource, file.toUri(), 200, null, Map.of(), List.of(), in, false);
    }

    /**
     * The first bytes of a file, for judging what it is.
     *
     * @param file the file
     * @return up to {@link PageKinds#HEAD} bytes
     * @throws IOException on I/O failure
     */
    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PageKinds.HEAD);
        }
    }

    /**
     * The folder a local target may read: the parent of the nearest {@code simple} folder at or above the start,
     * else the start itself.
     *
     * @param start an absolute, normalized folder
     * @return the folder
     */
    static Path siteRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("simple") && p.getParent() != null) {
                return p.getParent();
            }
        }
        return start;
    }

    /**
     * The local-file policy (SECURITY): a local index may make gitpypi fetch http(s) URLs and read files inside
     * its folder, after resolving symbolic links, and nothing else.
     *
     * @param uri an absolute URL from a page
     * @param root the folder files may be read from
     * @return the reason to refuse, or empty
     */
    static Optional<String> refusal(URI uri, Path root) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String shown = Texts.quote(Redaction.url(uri.toString()));
        if (scheme.equals("http") || scheme.equals("https")) {
            return Optional.empty();
        }
        if (!scheme.equals("file")) {
            return Optional.of(shown + " is neither an http(s) URL nor a file in the validated folder");
        }
        Path p;
        try {
            p = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.of(shown + " is not a file URL");
        }
        try {
            boolean inside = Files.exists(p) ? p.toRealPath().startsWith(root.toRealPath()) : p.startsWith(root);
            return inside ? Optional.empty() : Optional.of(shown + " lies outside " + Texts.quote(root.toString())
                    + ", and gitpypi reads files only inside the validated site");
        } catch (IOException e) {
            return Optional.of(shown + " cannot be read");
        }
    }

    /**
     * How a target path is shown in front of the paths inside it: as typed, without trailing separators; empty for
     * the current folder.
     *
     * @param typed the target as typed
     * @return the prefix, ending with {@code /} unless empty
     */
    static String prefix(String typed) {
        String t = typed.replace('\\', '/');
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.equals(".") || t.isEmpty()) {
            return "";
        }
        return t.endsWith("/") ? t : t + "/";
    }

    /**
     * Where a page's relative link to the index leads, shown as the user would type it: the link resolved against
     * the folder the page is in, as typed ({@code site/project/hello} and {@code ../../simple/} give
     * {@code site/simple}). A link with a scheme or an absolute path is shown as written.
     *
     * @param folderTyped the page's folder as typed ({@code ""} or {@code "."} for the current folder)
     * @param href the link as written
     * @return the target to validate
     */
    static String linkTarget(String folderTyped, String href) {
        String h = href.strip();
        if (h.startsWith("/") || h.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return h;
        }
        int cut = h.indexOf('?') >= 0 ? h.indexOf('?') : h.indexOf('#');
        String path = prefix(folderTyped) + (cut >= 0 ? h.substring(0, cut) : h);
        ArrayDeque<String> parts = new ArrayDeque<>();
        int up = 0;
        boolean absolute = path.startsWith("/");
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    up++;
                } else {
                    parts.removeLast();
                }
            } else {
                parts.addLast(part);
            }
        }
        StringBuilder out = new StringBuilder(absolute ? "/" : "");
        if (!absolute) {
            out.append("../".repeat(up));
        }
        out.append(String.join("/", parts));
        String shown = out.toString();
        return shown.isEmpty() ? "." : shown.endsWith("/") && shown.length() > 1 ? shown.substring(0,
                shown.length() - 1) : shown;
    }
}
