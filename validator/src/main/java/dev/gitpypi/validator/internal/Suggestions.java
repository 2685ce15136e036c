package dev.gitpypi.validator.internal;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …?" for a word the user mistyped, by edit distance (commons-text's Levenshtein). */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private Suggestions() {
    }

    /**
     * The nearest known word, as a message suffix.
     *
     * @param typed what the user typed
     * @param known the words that exist
     * @return {@code " (did you mean X?)"} for the nearest word at most 3 edits away (case ignored), else empty
     */
    public static String didYouMean(String typed, Collection<String> known) {
        String t = typed.strip().toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = DISTANCE.apply(t, k.toUpperCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }
}
