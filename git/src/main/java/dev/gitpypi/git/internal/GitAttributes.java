package dev.gitpypi.git.internal;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.git.internal.metadata.MetadataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code .gitattributes} files of one commit's tree, as {@code git archive} reads them (gitattributes(5),
 * git's {@code attr.c}): one file per folder, patterns relative to their folder (a pattern without {@code /}
 * matches a name at any depth below it; a trailing {@code /} matches folders only), matched with git's
 * {@link WildMatch}; the deepest file's last matching line decides; {@code [attr]} macros from the root file and
 * the built-in {@code binary}; quoted patterns; negative patterns ignored, as git ignores them. Folders are asked
 * about too, as {@code git archive} asks before it enters one (git passes them with a trailing {@code /}, which
 * only folder-only patterns look at).
 *
 * <p>Only the tree's own files count: a local repository's {@code .git/info/attributes} and the user's
 * {@code core.attributesFile} are not read, so that an sdist depends on the commit alone. A {@code .gitattributes}
 * that is not a regular file (a symbolic link) is ignored, as git ignores it. Not thread-safe.
 */
final class GitAttributes {
    /** An attribute's state for a path. */
    enum State {
        /** {@code attr}. */
        SET,
        /** {@code -attr}. */
        UNSET,
        /** {@code attr=value}. */
        VALUE,
        /** Not mentioned, or {@code !attr}. */
        UNSPECIFIED
    }

    private record Assignment(String name, State state) {
    }

    private record Rule(String pattern, boolean mustBeDir, boolean noDir, List<Assignment> assignments) {
    }

    /** Reads one file of the tree. */
    @FunctionalInterface
    interface Reader {
        Optional<byte[]> read(String path) throws IOException, MetadataException;
    }

    private final Reader reader;
    private final Consumer<String> warnings;
    private final Map<String, List<Rule>> files = new HashMap<>();
    private final Map<String, List<Assignment>> macros = new LinkedHashMap<>();

    /**
     * Attributes read from a tree.
     *
     * @param reader reads a file of the tree by path from the root (bounded)
     * @param warnings receives what was ignored (an unreadable or oversized file)
     */
    GitAttributes(Reader reader, Consumer<String> warnings) {
        this.reader = reader;
        this.warnings = warnings;
        macros.put("binary", List.of(new Assignment("diff", State.UNSET), new Assignment("merge", State.UNSET),
                new Assignment("text", State.UNSET)));
    }

    /**
     * Whether an attribute is set ({@code attr}, not {@code -attr}, {@code attr=value} or unspecified) for a path,
     * as {@code git archive} tests {@code export-ignore} and {@code export-subst}.
     *
     * @param path a path from the tree's root, {@code /}-separated
     * @param folder whether the path is a folder
     * @param attribute the attribute
     * @return true when set
     * @throws IOException if the tree cannot be read
     */
    boolean isSet(String path, boolean folder, String attribute) throws IOException {
        return state(path, folder, attribute) == State.SET;
    }

    /**
     * An attribute's state for a path.
     *
     * @param path a path from the tree's root, {@code /}-separated, without a trailing {@code /}
     * @param folder whether the path is a folder
     * @param attribute the attribute
     * @return its state
     * @throws IOException if the tree cannot be read
     */
    State state(String path, boolean folder, String attribute) throws IOException {
        rules("");
        List<String> dirs = new ArrayList<>();
        dirs.add("");
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            dirs.add(path.substring(0, slash));
        }
        Map<String, State> found = new HashMap<>();
        String basename = path.substring(path.lastIndexOf('/') + 1);
        for (int d = dirs.size() - 1; d >= 0; d--) {
            String base = dirs.get(d);
            List<Rule> rules = rules(base);
            for (int i = rules.size() - 1; i >= 0; i--) {
                Rule r = rules.get(i);
                if (matches(r, path, basename, folder, base)) {
                    fill(r.assignments(), found, 0);
                    if (found.containsKey(attribute)) {
                        return found.get(attribute);
                    }
                }
            }
        }
        return State.UNSPECIFIED;
    }

    /** git's {@code fill_one}: the rule's assignments from last to first, each expanding a set macro. */
    private void fill(List<Assignment> assignments, Map<String, State> found, int depth) {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            Assignment a = assignments.get(i);
            if (!found.containsKey(a.name())) {
                found.put(a.name(), a.state());
                List<Assignment> macro = macros.get(a.name());
                if (macro != null && a.state() == State.SET && depth < 16) {
                    fill(macro, found, depth + 1);
                }
            }
        }
    }

    /** git's {@code path_matches}. */
    private static boolean matches(Rule r, String path, String basename, boolean folder, String base) {
        if (r.mustBeDir() && !folder) {
            return false;
        }
        if (r.noDir()) {
            return WildMatch.matches(r.pattern(), basename, 0);
        }
        String pattern = r.pattern().startsWith("/") ? r.pattern().substring(1) : r.pattern();
        String name;
        if (base.isEmpty()) {
            name = path;
        } else if (path.startsWith(base + "/")) {
            name = path.substring(base.length() + 1);
        } else {
            return false;
        }
        // git's match_pathname: the literal prefix is compared first and wildmatch sees only the rest, so a "**"
        // right after the prefix counts as leading (it then matches across folders)
        int prefix = 0;
        while (prefix < pattern.length() && "*?[\\".indexOf(pattern.charAt(prefix)) < 0) {
            prefix++;
        }
        if (prefix > 0) {
            if (!name.startsWith(pattern.substring(0, prefix))) {
                return false;
            }
            pattern = pattern.substring(prefix);
            name = name.substring(prefix);
            if (pattern.isEmpty() && name.isEmpty()) {
                return true;
            }
        }
        return WildMatch.matches(pattern, name, WildMatch.PATHNAME);
    }

    private List<Rule> rules(String dir) throws IOException {
        List<Rule> known = files.get(dir);
        if (known != null) {
            return known;
        }
        String file = dir.isEmpty() ? ".gitattributes" : dir + "/.gitattributes";
        List<Rule> rules = new ArrayList<>();
        try {
            Optional<byte[]> bytes = reader.read(file);
            if (bytes.isPresent()) {
                parse(new String(bytes.get(), StandardCharsets.UTF_8), dir.isEmpty(), rules);
            }
        } catch (MetadataException e) {
            warnings.accept(Texts.quote(file) + " is ignored: " + e.getMessage());
        }
        files.put(dir, rules);
        return rules;
    }

    private void parse(String text, boolean root, List<Rule> out) {
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i == line.length() || line.charAt(i) == '#' || line.length() > 2048) {
                continue;
            }
            String pattern;
            int end;
            if (line.charAt(i) == '"') {
                int[] stop = new int[1];
                pattern = unquote(line, i, stop);
                if (pattern == null) {
                    continue;
                }
                end = stop[0];
            } else {
                end = i;
                while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                    end++;
                }
                pattern = line.substring(i, end);
            }
            List<Assignment> assignments = new ArrayList<>();
            for (String token : line.substring(end).trim().split("[ \t]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                Assignment a = token.startsWith("-") ? new Assignment(token.substring(1), State.UNSET)
                        : token.startsWith("!") ? new Assignment(token.substring(1), State.UNSPECIFIED)
                        : token.contains("=") ? new Assignment(token.substring(0, token.indexOf('=')), State.VALUE)
                        : new Assignment(token, State.SET);
                if (validName(a.name())) {
                    assignments.add(a);
                }
            }
            if (pattern.startsWith("[attr]")) {
                String macro = pattern.substring(6);
                if (root && validName(macro)) {
                    macros.put(macro, assignments);
                }
                continue;
            }
            if (pattern.startsWith("!") || pattern.isEmpty()) {
                continue;
            }
            boolean mustBeDir = pattern.endsWith("/");
            String p = mustBeDir ? pattern.substring(0, pattern.length() - 1) : pattern;
            out.add(new Rule(p, mustBeDir, p.indexOf('/') < 0, List.copyOf(assignments)));
        }
    }

    /** git's {@code attr_name_valid}: {@code [-._0-9a-zA-Z]}, not starting with {@code -}. */
    private static boolean validName(String name) {
        if (name.isEmpty() || name.startsWith("-")) {
            return false;
        }
        return name.chars().allMatch(c -> c == '-' || c == '.' || c == '_' || (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    /** A C-style quoted string starting at {@code start}; null if malformed. */
    private static @Nullable String unquote(String line, int start, int[] end) {
        StringBuilder out = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                end[0] = i + 1;
                flush(bytes, out);
                return out.toString();
            }
            if (c != '\\') {
                flush(bytes, out);
                out.append(c);
                continue;
            }
            if (++i >= line.length()) {
                return null;
            }
            char e = line.charAt(i);
            switch (e) {
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(0x0b);
                case '\\', '"' -> bytes.write(e);
                default -> {
                    if (e >= '0' && e <= '3' && i + 2 < line.length()
                            && line.substring(i, i + 3).chars().allMatch(d -> d >= '0' && d <= '7')) {
                        int v = Integer.parseInt(line.substring(i, i + 3), 8);
                        bytes.write(v);
                        i += 2;
                    } else {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}
