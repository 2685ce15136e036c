package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.CoreMetadata.Field;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The core-metadata fields of a project as they are found out, each one known (with a value, or known to be
 * absent) or dynamic. Not thread-safe.
 */
final class Draft {
    /** The fields a build backend fills besides Name and Version; each ends up known or {@code Dynamic}. */
    static final Set<Field> TRACKED = EnumSet.of(Field.SUMMARY, Field.DESCRIPTION, Field.DESCRIPTION_CONTENT_TYPE,
            Field.KEYWORDS, Field.HOME_PAGE, Field.DOWNLOAD_URL, Field.AUTHOR, Field.AUTHOR_EMAIL, Field.MAINTAINER,
            Field.MAINTAINER_EMAIL, Field.LICENSE, Field.LICENSE_EXPRESSION, Field.LICENSE_FILE, Field.CLASSIFIER,
            Field.REQUIRES_DIST, Field.REQUIRES_PYTHON, Field.PROJECT_URL, Field.PROVIDES_EXTRA, Field.PLATFORM);
    /** Fields that exist only from Metadata-Version 2.4: below it nothing is claimed about them. */
    private static final Set<Field> SINCE_2_4 = EnumSet.of(Field.LICENSE_EXPRESSION, Field.LICENSE_FILE);

    private final Map<Field, Object> values = new LinkedHashMap<>();
    private final Set<Field> known = EnumSet.noneOf(Field.class);
    private final Set<Field> dynamic = EnumSet.noneOf(Field.class);

    /** Sets a single-value field: a value, or null for known to be absent. */
    Draft single(Field f, @Nullable String value) {
        dynamic.remove(f);
        known.add(f);
        if (value == null) {
            values.remove(f);
        } else {
            values.put(f, value);
        }
        return this;
    }

    /** Sets a list field (empty: known to be absent). */
    Draft list(Field f, List<String> items) {
        dynamic.remove(f);
        known.add(f);
        if (items.isEmpty()) {
            values.remove(f);
        } else {
            values.put(f, List.copyOf(items));
        }
        return this;
    }

    /** Sets the project URLs (empty: known to be absent). */
    Draft urls(Map<String, String> urls) {
        dynamic.remove(Field.PROJECT_URL);
        known.add(Field.PROJECT_URL);
        if (urls.isEmpty()) {
            values.remove(Field.PROJECT_URL);
        } else {
            values.put(Field.PROJECT_URL, new LinkedHashMap<>(urls));
        }
        return this;
    }

    /** Declares fields dynamic: a build may fill them, and their value is not known here. */
    Draft dynamic(Field... fields) {
        for (Field f : fields) {
            known.remove(f);
            values.remove(f);
            dynamic.add(f);
        }
        return this;
    }

    /** @return whether a field is known (present or absent) */
    boolean isKnown(Field f) {
        return known.contains(f);
    }

    /** @return whether a field is declared dynamic */
    boolean isDynamic(Field f) {
        return dynamic.contains(f);
    }

    /** Declares every tracked field that is neither known nor dynamic yet as dynamic. */
    Draft rest() {
        for (Field f : TRACKED) {
            if (!known.contains(f)) {
                dynamic.add(f);
            }
        }
        return this;
    }

    /** Declares every tracked field that is neither known nor dynamic yet as known to be absent. */
    Draft restAbsent() {
        for (Field f : TRACKED) {
            if (!dynamic.contains(f)) {
                known.add(f);
            }
        }
        return this;
    }

    /**
     * The metadata without Name and Version. Fields of Metadata-Version 2.4 are listed in {@code Dynamic} only
     * when the metadata is 2.4 anyway (below it they are not part of the schema).
     */
    @SuppressWarnings("unchecked")
    CoreMetadata build() {
        CoreMetadata.Builder b = CoreMetadata.builder("-", "0").remove(Field.NAME).remove(Field.VERSION);
        boolean uses24 = false;
        for (Map.Entry<Field, Object> e : values.entrySet()) {
            Field f = e.getKey();
            uses24 |= SINCE_2_4.contains(f);
            switch (f.kind()) {
                case SINGLE -> b.set(f, (String) e.getValue());
                case MULTIPLE, COMMA_LIST -> b.setAll(f, (List<String>) e.getValue());
                case LABELED_URLS -> ((Map<String, String>) e.getValue()).forEach(b::projectUrl);
            }
        }
        List<String> names = new ArrayList<>();
        for (Field f : dynamic) {
            if (uses24 || !SINCE_2_4.contains(f)) {
                names.add(f.header());
            }
        }
        b.setAll(Field.DYNAMIC, names);
        return b.build();
    }
}
