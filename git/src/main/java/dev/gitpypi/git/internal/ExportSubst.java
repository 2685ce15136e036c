package dev.gitpypi.git.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code export-subst} attribute as {@code git archive} applies it: each {@code $Format:PLACEHOLDERS$} in a
 * file is replaced with {@code git log -1 --format=PLACEHOLDERS} of the archived commit. Supported placeholders:
 * {@code %H %h %T %t %P %p}, {@code %an %ae %al %ad %aD %ai %aI %as %at} (and {@code %aN %aE %aL} without a
 * mailmap) and the {@code %c…} committer forms, {@code %s %b %B}, {@code %d %D}, {@code %n %% %xNN}, and
 * {@code %(trailers)} (without options), and {@code %(describe)} with {@code tags}, {@code match},
 * {@code exclude} and {@code abbrev} — expanded once per archive, as git does. Anything else (relative dates, colours, padding, signatures) is left as written, as git
 * leaves placeholders it does not know.
 *
 * <p>Two deliberate differences keep an sdist a function of its commit: {@code %d}/{@code %D} list only the tags
 * that point at the commit (git also lists branches and {@code HEAD}, which move), and {@code %h} abbreviates to
 * the shortest unique prefix of at least 7 digits. Not thread-safe: one instance per archive.
 */
final class ExportSubst {
    private static final DateTimeFormatter NORMAL = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z",
            Locale.ROOT);
    private static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx",
            Locale.ROOT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final GitRepository repo;
    private final GitRepository.CommitInfo commit;
    private boolean describeUsed;

    ExportSubst(GitRepository repo, String commitId) throws IOException {
        this.repo = repo;
        this.commit = repo.commitInfo(commitId);
    }

    /**
     * Applies the substitution to a file's bytes: each {@code $Format:…$} (the format read as UTF-8) is replaced by
     * its expansion in UTF-8; every other byte is kept.
     *
     * @param data the file
     * @return the file with each {@code $Format:…$} replaced
     * @throws IOException if the repository cannot be read
     */
    byte[] apply(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length);
        byte[] marker = "$Format:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int from = 0;
        while (true) {
            int b = indexOf(data, marker, from);
            if (b < 0) {
                break;
            }
            int c = -1;
            for (int k = b + marker.length; k < data.length; k++) {
                if (data[k] == '$') {
                    c = k;
                    break;
                }
            }
            if (c < 0) {
                break;
            }
            out.write(data, from, b - from);
            StringBuilder expanded = new StringBuilder();
            format(new String(data, b + marker.length, c - b - marker.length, java.nio.charset.StandardCharsets.UTF_8),
                    expanded);
            out.writeBytes(expanded.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            from = c + 1;
        }
        out.write(data, from, data.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void format(String f, StringBuilder out) throws IOException {
        int i = 0;
        while (i < f.length()) {
            char ch = f.charAt(i);
            if (ch != '%' || i + 1 >= f.length()) {
                out.append(ch);
                i++;
                continue;
            }
            int used = placeholder(f, i + 1, out);
            if (used == 0) {
                out.append('%');
                i++;
            } else {
                i += 1 + used;
            }
        }
    }

    /** Expands the placeholder after a {@code %}; returns how many characters it took, 0 if unknown. */
    private int placeholder(String f, int at, StringBuilder out) throws IOException {
        char c = f.charAt(at);
        switch (c) {
            case 'n' -> out.append('\n');
            case '%' -> out.append('%');
            case 'H' -> out.append(commit.id());
            case 'h' -> out.append(repo.abbreviate(commit.id()));
            case 'T' -> out.append(commit.tree());
            case 't' -> out.append(repo.abbreviate(commit.tree()));
            case 'P' -> out.append(String.join(" ", commit.parents()));
            case 'p' -> {
                List<String> abbreviated = new ArrayList<>();
                for (String p : commit.parents()) {
                    abbreviated.add(repo.abbreviate(p));
                }
                out.append(String.join(" ", abbreviated));
            }
            case 'D' -> out.append(decorations());
            case 'd' -> {
                String d = decorations();
                out.append(d.isEmpty() ? "" : " (" + d + ")");
            }
            case 's' -> out.append(subject());
            case 'b' -> out.append(body());
            case 'B' -> out.append(commit.message());
            case 'x' -> {
                if (at + 2 < f.length() && isHex(f.charAt(at + 1)) && isHex(f.charAt(at + 2))) {
                    out.append((char) Integer.parseInt(f.substring(at + 1, at + 3), 16));
                    return 3;
                }
                return 0;
            }
            case 'a', 'c' -> {
                return at + 1 < f.length() && person(c == 'a' ? commit.author() : commit.committer(),
                        f.charAt(at + 1), out) ? 2 : 0;
            }
            case '(' -> {
                return describe(f, at, out);
            }
            default -> {
                return 0;
            }
        }
        return 1;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean person(GitRepository.Ident p, char field, StringBuilder out) {
        OffsetDateTime when = p.time().atOffset(ZoneOffset.ofTotalSeconds(p.offsetMinutes() * 60));
        switch (field) {
            case 'n', 'N' -> out.append(p.name());
            case 'e', 'E' -> out.append(p.email());
            case 'l', 'L' -> out.append(p.email().contains("@") ? p.email().substring(0, p.email().indexOf('@'))
                    : p.email());
            case 'd' -> out.append(NORMAL.format(when));
            case 'D' -> out.append(RFC2822.format(when));
            case 'i' -> out.append(ISO.format(when));
            case 'I' -> out.append(STRICT.format(when));
            case 's' -> out.append(SHORT.format(when));
            case 't' -> out.append(p.time().getEpochSecond());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code tag: b, tag: a}: the tags at the commit, in git's order (by ref name, last first). */
    private String decorations() {
        List<String> tags = new ArrayList<>(commit.tags());
        java.util.Collections.reverse(tags);
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            out.add("tag: " + t.substring("refs/tags/".length()));
        }
        return String.join(", ", out);
    }

    /** The subject: the first paragraph of the message, its lines joined with spaces. */
    private String subject() {
        StringBuilder s = new StringBuilder();
        for (String line : commit.message().split("\n", -1)) {
            if (line.isBlank()) {
                if (s.length() > 0) {
                    break;
                }
                continue;
            }
            s.append(s.length() == 0 ? "" : " ").append(line.strip());
        }
        return s.toString();
    }

    /** The body: the message after the subject paragraph and the blank lines that follow it. */
    private String body() {
        String[] lines = commit.message().split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        while (i < lines.length && !lines[i].isBlank()) {
            i++;
        }
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i >= lines.length ? "" : String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
    }

    /**
     * {@code %(trailers)}: the message's last paragraph when every line of it is a {@code Token: value} trailer
     * (git's {@code interpret-trailers} rules in their common form), each line ending with a newline.
     */
    private String trailers() {
        String[] paragraphs = commit.message().strip().split("\n\\s*\n");
        if (paragraphs.length < 2) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : paragraphs[paragraphs.length - 1].split("\n")) {
            if (!line.matches("[A-Za-z0-9-]+:\\s.*")) {
                return "";
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** {@code %(describe[:options])}: expanded the first time only, as git limits it per archive. */
    private int describe(String f, int at, StringBuilder out) throws IOException {
        int close = f.indexOf(')', at);
        if (close < 0) {
            return 0;
        }
        String spec = f.substring(at + 1, close);
        if (spec.equals("trailers")) {
            out.append(trailers());
            return close - at + 1;
        }
        if (!spec.equals("describe") && !spec.startsWith("describe:")) {
            return 0;
        }
        if (describeUsed) {
            return 0;
        }
        describeUsed = true;
        boolean tags = false;
        int abbrev = -1;
        List<String> match = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        if (spec.startsWith("describe:")) {
            for (String option : spec.substring(9).split(",")) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option : option.substring(0, eq);
                String value = eq < 0 ? null : option.substring(eq + 1);
                switch (key) {
                    case "tags" -> tags = value == null || value.equals("true") || value.equals("1");
                    case "abbrev" -> {
                        if (value == null || !value.matches("[0-9]{1,2}")) {
                            return 0;
                        }
                        abbrev = Integer.parseInt(value);
                    }
                    case "match" -> match.add(value == null ? "" : value);
                    case "exclude" -> exclude.add(value == null ? "" : value);
                    default -> {
                        return 0;
                    }
                }
            }
        }
        Optional<String> d = repo.describe(commit.id(), tags, match, exclude, abbrev);
        d.ifPresent(out::append);
        return close - at + 1;
    }
}
