package dev.gitpypi.git.internal;

import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Chooses which entries of a tree go into an archive, so that extracting it (even with Python's
 * {@code tarfile.extractall} and no filter) cannot write outside its folder (SPEC SD-04):
 *
 * <ul>
 *   <li>every path passes {@link TreePaths#unsafe(String)};</li>
 *   <li>one entry per path (a crafted tree can list a name twice: the first is kept);</li>
 *   <li>no entry below a file, a symbolic link or a submodule (extraction would write through the link);</li>
 *   <li>a symbolic link is resolved against the archive's own contents as the operating system would resolve it
 *       after extraction — component by component, following chains of links up to {@value #MAX_LINKS} of them,
 *       {@code ..} applied to the resolved folder — and kept only if it never leaves the folder; an absolute or
 *       malformed target, a loop or a longer chain leaves it out. A component the archive does not hold is taken
 *       as a folder that might exist, so {@code missing/../..} counts as leaving.</li>
 * </ul>
 *
 * Whatever is left out is reported to the warning consumer with its path. Not thread-safe; one instance per
 * archive.
 */
final class ArchiveMembers {
    /** The most links followed while resolving one link, as Linux's {@code MAXSYMLINKS}. */
    static final int MAX_LINKS = 40;
    /** The longest link target read. */
    private static final int MAX_TARGET = 4096;

    /**
     * One member that may be written.
     *
     * @param entry the tree entry
     * @param linkTarget the link target for a symbolic link, else null
     */
    record Member(GitRepository.Entry entry, @Nullable String linkTarget) {
    }

    /** Reads the target of a symbolic link blob. */
    @FunctionalInterface
    interface LinkReader {
        byte[] read(String blobId, int max) throws IOException;
    }

    private enum Kind { FILE, LINK }

    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, String> targets = new HashMap<>();
    private final Consumer<String> warnings;

    private ArchiveMembers(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Selects the members of an archive.
     *
     * @param entries the tree's entries under the folder archived, paths relative to it, sorted by path
     * @param generated paths of files the archive adds itself (such as {@code PKG-INFO}): tree entries at or below
     *                  them are left out silently
     * @param links reads link targets
     * @param warnings receives one message per entry left out
     * @return the members to write, in the order given
     * @throws IOException if a link target cannot be read
     */
    static List<Member> select(List<GitRepository.Entry> entries, Set<String> generated, LinkReader links,
            Consumer<String> warnings) throws IOException {
        return new ArchiveMembers(warnings).run(entries, generated, links);
    }

    private List<Member> run(List<GitRepository.Entry> entries, Set<String> generated, LinkReader links)
            throws IOException {
        for (String g : generated) {
            kinds.put(g, Kind.FILE);
        }
        List<GitRepository.Entry> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GitRepository.Entry e : entries) {
            String path = e.path();
            if (generated.contains(path) || underAny(path, generated)) {
                continue;
            }
            Optional<String> unsafe = TreePaths.unsafe(path);
            if (unsafe.isPresent()) {
                warnings.accept("path " + Texts.quote(path) + " is not included: " + unsafe.get() + " (SD-04)");
                continue;
            }
            if (!seen.add(path)) {
                warnings.accept("path " + Texts.quote(path) + " is listed twice in the tree; only the first entry"
                        + " is included (SD-04)");
                continue;
            }
            candidates.add(e);
        }
        Set<String> leaves = new HashSet<>(generated);
        for (GitRepository.Entry e : candidates) {
            leaves.add(e.path());
        }
        List<GitRepository.Entry> placed = new ArrayList<>();
        for (GitRepository.Entry e : candidates) {
            String below = parentIn(e.path(), leaves);
            if (below != null) {
                warnings.accept("path " + Texts.quote(e.path()) + " is below the file or link " + Texts.quote(below)
                        + " and is not included (SD-04)");
                continue;
            }
            placed.add(e);
            switch (e.kind()) {
                case SYMLINK -> {
                    kinds.put(e.path(), Kind.LINK);
                    byte[] raw = links.read(e.objectId(), MAX_TARGET + 1);
                    targets.put(e.path(), new String(raw, StandardCharsets.UTF_8));
                    if (raw.length > MAX_TARGET) {
                        targets.put(e.path(), "");
                    }
                }
                case SUBMODULE -> {
                    // not written: its path is unknown to the archive, like a missing folder
                }
                default -> kinds.put(e.path(), Kind.FILE);
            }
        }
        List<Member> out = new ArrayList<>();
        for (GitRepository.Entry e : placed) {
            switch (e.kind()) {
                case SUBMODULE -> warnings.accept("submodule " + Texts.quote(e.path())
                        + " is not included in the sdist");
                case SYMLINK -> {
                    String target = targets.get(e.path());
                    Optional<String> why = escapes(e.path());
                    if (why.isPresent()) {
                        warnings.accept("symbolic link " + Texts.quote(e.path()) + " " + why.get()
                                + " and is not included (SD-04)");
                    } else {
                        out.add(new Member(e, target));
                    }
                }
                default -> out.add(new Member(e, null));
            }
        }
        return out;
    }

    private static boolean underAny(String path, Set<String> roots) {
        for (String r : roots) {
            if (path.startsWith(r + "/")) {
                return true;
            }
        }
        return false;
    }

    /** @return the nearest proper prefix of {@code path} that is itself a leaf entry, or null */
    private static @Nullable String parentIn(String path, Set<String> leaves) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String prefix = path.substring(0, slash);
            if (leaves.contains(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * Resolves a link against the archive as the operating system will after extraction.
     *
     * @param link the link's path
     * @return why it leaves the folder (or cannot be resolved safely), or empty when it stays inside
     */
    Optional<String> escapes(String link) {
        Deque<String> resolved = new ArrayDeque<>();
        String[] own = link.split("/");
        for (int i = 0; i < own.length - 1; i++) {
            resolved.addLast(own[i]);
        }
        Deque<String> todo = new ArrayDeque<>();
        Optional<String> bad = push(todo, targets.get(link), link);
        if (bad.isPresent()) {
            return bad;
        }
        int followed = 1;
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (resolved.isEmpty()) {
                    return Optional.of(followed == 1 ? "points outside the project folder"
                            : "points outside the project folder through other links");
                }
                resolved.removeLast();
                continue;
            }
            resolved.addLast(c);
            String path = String.join("/", resolved);
            Kind kind = kinds.get(path);
            if (kind == Kind.LINK) {
                if (++followed > MAX_LINKS) {
                    return Optional.of("is a chain of more than " + MAX_LINKS + " links (or a loop)");
                }
                resolved.removeLast();
                bad = push(todo, targets.get(path), path);
                if (bad.isPresent()) {
                    return Optional.of("points through " + Texts.quote(path) + ", which " + bad.get());
                }
            } else if (kind == Kind.FILE && todo.stream().anyMatch(s -> !s.isEmpty() && !s.equals("."))) {
                return Optional.empty(); // a file used as a folder: resolution fails there, inside the folder
            }
        }
        return Optional.empty();
    }

    private static Optional<String> push(Deque<String> todo, @Nullable String target, String link) {
        if (target == null || target.isEmpty()) {
            return Optional.of("has an empty or over-long target");
        }
        if (target.startsWith("/")) {
            return Optional.of("points outside the project folder (an absolute target)");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' || TreePaths.isControl(c)) {
                return Optional.of("has a target with a backslash or control characters");
            }
        }
        String[] parts = target.split("/", -1);
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.addFirst(parts[i]);
        }
        return Optional.empty();
    }
}
