package dev.gitpypi.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Inputs for version and specifier tests: seeded random version-ish strings and their mutations, exhaustive
 * enumeration of short strings over a tricky alphabet, real versions, and JSON string encoding for Python.
 */
final class VersionStrings {
    /** Letters of both cases, digits, separators, space, tab and the non-ASCII letters that trip case folding. */
    static final String TRICKY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. /+!\u0131\u0130\u00e9\t";

    /** Characters that matter most to the version grammar, for longer exhaustive enumeration. */
    static final String GRAMMAR = "019.-_+!aAcCrRvVdpPtse \u0131";

    private static final String[] PRE = {"a", "A", "alpha", "ALPHA", "Alpha", "b", "beta", "BETA", "c", "C", "rc", "RC",
        "Rc", "pre", "PRE", "preview", "Preview", "prev", "al", "bet", "r"};
    private static final String[] POST = {"post", "POST", "Post", "rev", "REV", "r", "R", "pos", "po"};
    private static final String[] DEV = {"dev", "DEV", "Dev", "de", "devel"};
    private static final String[] SEP = {"", "", "", ".", "-", "_", "..", "+", " "};
    private static final String[] SPACE = {"", "", "", "", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u200b",
        "\u001c", "\u0085", "  "};

    private VersionStrings() {
    }

    static String number(Random r) {
        int k = r.nextInt(40);
        if (k == 0) {
            return "0" + r.nextInt(100);
        }
        if (k == 1) {
            StringBuilder b = new StringBuilder();
            int n = 15 + r.nextInt(30);
            for (int i = 0; i < n; i++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            return b.toString();
        }
        if (k == 2) {
            return "9223372036854775807" + r.nextInt(10);
        }
        if (k < 8) {
            return "0";
        }
        return Integer.toString(r.nextInt(k < 30 ? 20 : 100000));
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    /**
     * A random string from a loose version grammar: mostly valid, often just wrong.
     *
     * @param r the random source
     * @return the candidate
     */
    static String versionish(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(pick(r, SPACE));
        if (r.nextInt(10) == 0) {
            b.append(r.nextBoolean() ? 'v' : 'V');
        }
        if (r.nextInt(8) == 0) {
            b.append(number(r)).append('!');
        }
        int parts = 1 + r.nextInt(r.nextInt(6) + 1);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                b.append(r.nextInt(30) == 0 ? pick(r, SEP) : ".");
            }
            b.append(number(r));
        }
        if (r.nextInt(3) == 0) {
            b.append(pick(r, SEP)).append(pick(r, PRE)).append(pick(r, SEP));
            if (r.nextInt(4) != 0) {
                b.append(number(r));
            }
        }
        if (r.nextInt(3) == 0) {
            if (r.nextInt(4) == 0) {
                b.append('-').append(number(r));
            } else {
                b.append(pick(r, SEP)).append(pick(r, POST)).append(pick(r, SEP));
                if (r.nextInt(4) != 0) {
                    b.append(number(r));
                }
            }
        }
        if (r.nextInt(3) == 0) {
            b.append(pick(r, SEP)).append(pick(r, DEV)).append(pick(r, SEP));
            if (r.nextInt(4) != 0) {
                b.append(number(r));
            }
        }
        if (r.nextInt(4) == 0) {
            b.append('+');
            int segs = 1 + r.nextInt(4);
            for (int i = 0; i < segs; i++) {
                if (i > 0) {
                    b.append(".-_".charAt(r.nextInt(3)));
                }
                switch (r.nextInt(4)) {
                    case 0 -> b.append(number(r));
                    case 1 -> b.append(pick(r, new String[] {"ubuntu", "Ubuntu", "abc", "ABC", "g1234ab", "0a", "x"}));
                    case 2 -> b.append(pick(r, new String[] {"", "-", "\u00e9", "\u0131", "K"}));
                    default -> b.append(r.nextInt(10));
                }
            }
        }
        b.append(pick(r, SPACE));
        String s = b.toString();
        return r.nextInt(3) == 0 ? mutate(r, s) : s;
    }

    /**
     * Mutates a string: inserts, deletes, replaces or duplicates a few characters.
     *
     * @param r the random source
     * @param s the string
     * @return the mutant
     */
    static String mutate(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            char c = TRICKY.charAt(r.nextInt(TRICKY.length()));
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, c);
                    }
                }
                default -> {
                    int to = Math.min(b.length(), at + 1 + r.nextInt(4));
                    b.insert(at, b.substring(at, to));
                }
            }
        }
        return b.toString();
    }

    /**
     * Every string of length 0..maxLength over the alphabet.
     *
     * @param alphabet the characters
     * @param maxLength the longest length
     * @return all strings, shortest first
     */
    static List<String> exhaustive(String alphabet, int maxLength) {
        List<String> out = new ArrayList<>();
        out.add("");
        int from = 0;
        for (int len = 1; len <= maxLength; len++) {
            int to = out.size();
            for (int i = from; i < to; i++) {
                String prefix = out.get(i);
                for (int k = 0; k < alphabet.length(); k++) {
                    out.add(prefix + alphabet.charAt(k));
                }
            }
            from = to;
        }
        return out;
    }

    /**
     * The real version strings of the test resource (cut from real PyPI file names).
     *
     * @return the versions, some invalid
     */
    static List<String> real() {
        List<String> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(VersionStrings.class.getResourceAsStream("real-versions.txt"));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A JSON string literal with every non-printable-ASCII char escaped (lone surrogates survive).
     *
     * @param s the string
     * @return the literal
     */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.append('"').toString();
    }
}
