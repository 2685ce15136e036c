package dev.gitpypi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for property and differential tests: the tricky alphabet of issue 2 and strings over it, enumerated
 * exhaustively or drawn at random.
 */
public final class TrickyStrings {
    /**
     * The tricky alphabet used for exhaustive enumeration. Letters and digits are a representative subset (the
     * full 52 letters would make 4-character enumeration 30 million strings): {@code a A i I z Z} (with
     * {@code i}/{@code I} for the Turkish locale trap), digits {@code 0 9}, then {@code - _ .}, space, {@code /},
     * {@code +}, {@code !}, dotless {@code ı}, dotted {@code İ}, {@code é}, tab, and the Kelvin sign {@code K}
     * (U+212A, which Python's {@code str.lower()} maps to ASCII {@code k}).
     */
    public static final List<String> ALPHABET = List.of("a", "A", "i", "I", "z", "Z", "0", "9", "-", "_", ".", " ",
            "/", "+", "!", "\u0131", "\u0130", "\u00e9", "\t", "\u212a");

    private TrickyStrings() {
    }

    /**
     * Every string of length {@code 0..maxLength} over {@code alphabet}, shortest first.
     *
     * @param alphabet the symbols (each may be more than one char)
     * @param maxLength the longest length, in symbols
     * @return all strings
     */
    public static List<String> enumerate(List<String> alphabet, int maxLength) {
        List<String> out = new ArrayList<>();
        List<String> level = List.of("");
        out.add("");
        for (int len = 1; len <= maxLength; len++) {
            List<String> next = new ArrayList<>(level.size() * alphabet.size());
            for (String prefix : level) {
                for (String symbol : alphabet) {
                    next.add(prefix + symbol);
                }
            }
            out.addAll(next);
            level = next;
        }
        return out;
    }

    /**
     * A random string of up to {@code maxLength} symbols: mostly from {@code alphabet}, sometimes printable
     * ASCII, sometimes any BMP character that is not a surrogate.
     *
     * @param random the generator
     * @param alphabet the preferred symbols
     * @param maxLength the longest length
     * @return the string
     */
    public static String random(Random random, List<String> alphabet, int maxLength) {
        int len = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int kind = random.nextInt(10);
            if (kind < 7) {
                sb.append(alphabet.get(random.nextInt(alphabet.size())));
            } else if (kind < 9) {
                sb.append((char) (0x20 + random.nextInt(0x5f)));
            } else {
                char c;
                do {
                    c = (char) random.nextInt(0x10000);
                } while (Character.isSurrogate(c));
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A random valid project name (SPEC NAME-01) of mixed case with runs of separators.
     *
     * @param random the generator
     * @return the name
     */
    public static String randomValidName(Random random) {
        String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String separators = "-_.";
        StringBuilder sb = new StringBuilder();
        int words = 1 + random.nextInt(4);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                int run = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
                for (int r = 0; r < run; r++) {
                    sb.append(separators.charAt(random.nextInt(3)));
                }
            }
            int len = 1 + random.nextInt(8);
            for (int i = 0; i < len; i++) {
                sb.append(alnum.charAt(random.nextInt(alnum.length())));
            }
        }
        return sb.toString();
    }
}
