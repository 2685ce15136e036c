package dev.gitpypi.validator.internal;

/**
 * A compact set of project names for duplicate detection on root pages of any size: each name is kept as two
 * 64-bit hashes (of its normalized form and of its spelling) in open-addressing arrays, about 32 bytes per name
 * instead of two strings and a map entry. A false "duplicate" needs a 64-bit collision.
 */
final class NameSet {
    /** What {@link #add} found. */
    enum Seen {
        /** The normalized name is new. */
        NEW,
        /** The same spelling was seen before. */
        SAME,
        /** Another spelling of the same normalized name was seen before. */
        OTHER_SPELLING
    }

    private long[] keys = new long[1024];
    private long[] spellings = new long[1024];
    private int size;

    Seen add(String normalized, String spelling) {
        long k = hash(normalized);
        if (k == 0) {
            k = 1;
        }
        long s = hash(spelling);
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (mix(k) & mask);
        while (keys[i] != 0) {
            if (keys[i] == k) {
                return spellings[i] == s ? Seen.SAME : Seen.OTHER_SPELLING;
            }
            i = (i + 1) & mask;
        }
        keys[i] = k;
        spellings[i] = s;
        size++;
        return Seen.NEW;
    }

    /**
     * Whether a normalized name was added (in any spelling).
     *
     * @param normalized the normalized name
     * @return true if it was
     */
    boolean contains(String normalized) {
        long k = hash(normalized);
        if (k == 0) {
            k = 1;
        }
        int mask = keys.length - 1;
        int i = (int) (mix(k) & mask);
        while (keys[i] != 0) {
            if (keys[i] == k) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSpellings = spellings;
        keys = new long[oldKeys.length * 2];
        spellings = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = (int) (mix(oldKeys[j]) & mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                spellings[i] = oldSpellings[j];
            }
        }
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
