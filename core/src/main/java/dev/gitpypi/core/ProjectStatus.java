package dev.gitpypi.core;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PEP 792 project status marker with its optional reason (SPEC P792-01..P792-03).
 *
 * @param marker the status
 * @param reason free text, or null
 */
public record ProjectStatus(Marker marker, @Nullable String reason) {
    /** The default: active, no reason. */
    public static final ProjectStatus ACTIVE = new ProjectStatus(Marker.ACTIVE, null);

    /** The four markers the spec defines (a closed set). */
    public enum Marker {
        /** The default; the project is maintained. */
        ACTIVE,
        /** No new uploads; downloads still offered. */
        ARCHIVED,
        /** The index offers no distribution (P792-03). */
        QUARANTINED,
        /** Like active for the index; installers may warn. */
        DEPRECATED;

        /** @return the spelling on pages: lower-case */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The marker for its exact lower-case spelling (uv rejects other cases, P792-01).
         *
         * @param value the spelling
         * @return the marker, or empty
         */
        public static Optional<Marker> fromValue(String value) {
            for (Marker m : values()) {
                if (m.value().equals(value)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Creates a status.
     *
     * @param marker the status
     * @param reason free text, or null
     */
    public ProjectStatus {
        java.util.Objects.requireNonNull(marker, "marker");
    }

    /** @return the reason, if any */
    public Optional<String> reasonText() {
        return Optional.ofNullable(reason);
    }

    /** @return true when this is the default (active without a reason) */
    public boolean isDefault() {
        return marker == Marker.ACTIVE && reason == null;
    }
}
