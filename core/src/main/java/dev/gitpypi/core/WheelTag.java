package dev.gitpypi.core;

import java.util.Comparator;
import java.util.Objects;

/**
 * One expanded compatibility tag of a wheel (SPEC WHL-05), lower-cased as packaging's {@code Tag} does.
 *
 * @param interpreter the Python tag, such as {@code py3} or {@code cp312}
 * @param abi the ABI tag, such as {@code none} or {@code abi3}
 * @param platform the platform tag, such as {@code any} or {@code manylinux_2_17_x86_64}
 */
public record WheelTag(String interpreter, String abi, String platform) implements Comparable<WheelTag> {
    private static final Comparator<WheelTag> ORDER = Comparator.comparing(WheelTag::interpreter)
            .thenComparing(WheelTag::abi).thenComparing(WheelTag::platform);

    /**
     * Creates a tag; the parts are kept as given.
     *
     * @param interpreter the Python tag
     * @param abi the ABI tag
     * @param platform the platform tag
     */
    public WheelTag {
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(platform, "platform");
    }

    /** Orders by interpreter, ABI, platform. */
    @Override
    public int compareTo(WheelTag other) {
        return ORDER.compare(this, other);
    }

    /** The tag as {@code interpreter-abi-platform}. */
    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
