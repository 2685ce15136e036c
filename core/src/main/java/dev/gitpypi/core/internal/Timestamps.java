package dev.gitpypi.core.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The written forms of instants in gitpypi's output, each independent of the default locale and time zone. */
public final class Timestamps {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * The interoperable form of an upload time (P700-04): {@code YYYY-MM-DDTHH:MM:SSZ}, or with exactly six
     * fraction digits when the time has sub-second precision (truncated to microseconds).
     *
     * @param time the time
     * @return the text
     */
    public static String uploadTime(Instant time) {
        Instant micros = time.truncatedTo(ChronoUnit.MICROS);
        return micros.getNano() == 0 ? SECONDS.format(micros) : MICROS.format(micros);
    }
}
