package dev.gitpypi.core;

import java.util.Locale;

/**
 * The few pieces of Python string semantics that the reference implementation's file-name parsers rely on, so
 * that {@link WheelFilename} and {@link SdistFilename} accept and compute exactly what {@code packaging} does,
 * also for non-ASCII input. Not API.
 */
final class PythonText {
    /** The only non-ASCII character whose Python {@code str.lower()} is ASCII: the Kelvin sign, lowered to k. */
    static final char KELVIN_SIGN = '\u212a';

    private PythonText() {
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code s.lower()}: ASCII directly, otherwise Unicode lower-casing without the default locale. */
    static String lower(String s) {
        if (isAscii(s)) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    return s.toLowerCase(Locale.ROOT);
                }
            }
            return s;
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * packaging's {@code canonicalize_name(s)} without validation: Python lower-casing (Unicode-aware), then runs of
     * {@code -_.} collapsed to one {@code -}. Equal to {@link ProjectName#normalize(String)} for ASCII input.
     */
    static String canonicalizeName(String s) {
        return ProjectName.normalize(isAscii(s) ? s : s.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a code point is matched by {@code \w} in a Python {@code str} pattern: {@code str.isalnum()} or
     * {@code _}. {@code isalnum} is {@code isalpha} (letter categories L*) or a numeric character (categories Nd,
     * Nl, No; numeric CJK ideographs are letters already).
     */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Compares strings by code point, as Python compares {@code str}. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
