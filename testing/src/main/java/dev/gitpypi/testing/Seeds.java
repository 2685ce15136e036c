package dev.gitpypi.testing;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeds for property tests: every generated input stream starts from a seed that is printed, and
 * {@code -Dgitpypi.seed=N} replays it.
 */
public final class Seeds {
    /** The system property that replays a seed. */
    public static final String PROPERTY = "gitpypi.seed";

    private Seeds() {
    }

    /**
     * The seed for one generator: the {@code gitpypi.seed} property if set, otherwise a fresh one. Prints it.
     *
     * @param what names the generator in the printed line
     * @return the seed
     */
    public static long seed(String what) {
        String configured = System.getProperty(PROPERTY);
        long seed = configured == null || configured.isBlank() ? new SplittableRandom().nextLong()
                : Long.parseLong(configured.strip());
        System.out.println("[seed] " + what + ": " + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }

    /**
     * A random generator started from {@link #seed(String)}.
     *
     * @param what names the generator in the printed line
     * @return the generator
     */
    public static Random random(String what) {
        return new Random(seed(what));
    }
}
