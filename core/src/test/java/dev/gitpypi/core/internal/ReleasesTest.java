package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Version;
import dev.gitpypi.testing.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a release shows (date, yanked, reason, metadata) and which release is the latest, on generated releases. */
class ReleasesTest {
    private static final List<String> VERSIONS = List.of("3.0", "2.1rc1", "2.0", "1.5.dev2", "1.0", "0.9b1", "0.1");

    /** The definitions, written as streams. */
    private static Optional<Instant> date(Releases.Release r) {
        return r.files().stream().flatMap(d -> d.uploadTime().stream()).min(Comparator.naturalOrder());
    }

    private static boolean yanked(Releases.Release r) {
        return !r.files().isEmpty() && r.files().stream().allMatch(Distribution::isYanked);
    }

    private static Optional<String> yankReason(Releases.Release r) {
        return yanked(r) ? r.files().stream().flatMap(d -> d.yankedReason().stream()).filter(s -> !s.isBlank())
                .findFirst() : Optional.empty();
    }

    private static Optional<CoreMetadata> metadata(Releases.Release r) {
        return r.files().stream().filter(d -> d.kind() == Distribution.Kind.WHEEL)
                .flatMap(d -> d.metadata().stream()).findFirst()
                .or(() -> r.files().stream().flatMap(d -> d.metadata().stream()).findFirst());
    }

    private static Optional<Releases.Release> latest(List<Releases.Release> releases) {
        return releases.stream().filter(r -> !r.files().isEmpty() && !yanked(r) && !r.version().isPrerelease())
                .findFirst()
                .or(() -> releases.stream().filter(r -> !r.files().isEmpty() && !yanked(r)).findFirst())
                .or(() -> releases.stream().filter(r -> !r.files().isEmpty()).findFirst())
                .or(() -> releases.stream().findFirst());
    }

    private static Distribution file(Random random, String version, int k) {
        boolean wheel = random.nextBoolean();
        String name = "p-" + version + (wheel ? "-" + k + "-py3-none-any.whl" : ".tar.gz");
        Distribution.Builder b = Distribution.builder("https://files.example/" + name, name);
        switch (random.nextInt(5)) {
            case 0 -> b.yanked("");
            case 1 -> b.yanked(" ");
            case 2 -> b.yanked("reason " + k);
            default -> {
            }
        }
        if (random.nextBoolean()) {
            b.uploadTime(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(4) * 86_400L));
        }
        if (random.nextInt(3) == 0) {
            b.metadata(CoreMetadata.builder("p", version).set(CoreMetadata.Field.SUMMARY, "file " + k).build());
        }
        return b.build();
    }

    /** Newest first, each version once, with zero to four files. */
    static Stream<List<Releases.Release>> randomReleases() {
        Random random = Seeds.random("releases");
        return IntStream.range(0, 1000).mapToObj(i -> {
            List<Releases.Release> releases = new ArrayList<>();
            for (String version : VERSIONS) {
                if (random.nextInt(3) > 0) {
                    List<Distribution> files = new ArrayList<>();
                    for (int k = random.nextInt(5); k > 0; k--) {
                        files.add(file(random, version, k));
                    }
                    releases.add(new Releases.Release(Version.parse(version), files));
                }
            }
            return releases;
        });
    }

    @ParameterizedTest
    @MethodSource("randomReleases")
    void agreeWithTheDefinitions(List<Releases.Release> releases) {
        for (Releases.Release r : releases) {
            assertThat(r.date()).as("date of %s", r).isEqualTo(date(r));
            assertThat(r.yanked()).as("yanked %s", r).isEqualTo(yanked(r));
            assertThat(r.yankReason()).as("reason of %s", r).isEqualTo(yankReason(r));
            assertThat(r.metadata()).as("metadata of %s", r).isEqualTo(metadata(r));
        }
        assertThat(Releases.latest(releases)).as("latest of %s", releases).isEqualTo(latest(releases));
    }
}
