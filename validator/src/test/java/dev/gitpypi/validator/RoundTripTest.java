package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for every generated index, reading the site the {@link SiteWriter} renders gives the same index
 * ({@code read(render(index)) == index}), and validating it finds no error. Seeded; replay one case with
 * {@code -Dgitpypi.seed=N}.
 */
class RoundTripTest {
    private static final String[] REQUIRES = {">=3.8", ">=3.9,<4", "!=3.0.*,>=2.7", "~=3.10", "==3.*"};
    private static final String[] VERSIONS = {"1.0", "1.0.1", "2.0rc1", "2.0", "0.1.dev3", "1!1.0", "3.2.post1",
        "1.0+local.7"};
    private static final String[] REASONS = {"", "broken <build> & \"quotes\"", "security issue 'CVE'"};

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        String replay = System.getProperty("gitpypi.seed");
        if (replay != null) {
            return Stream.of(Long.parseLong(replay));
        }
        long base = 0x5eed_2026L;
        return LongStream.range(0, 40).mapToObj(i -> base + i);
    }

    static Index generate(long seed) {
        Random r = new Random(seed);
        HexFormat hex = HexFormat.of();
        List<Project> projects = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int p = 0; p < n; p++) {
            String base = "pkg" + p + (r.nextBoolean() ? "" : "-extra");
            String display = switch (r.nextInt(3)) {
                case 0 -> base;
                case 1 -> base.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
                default -> base.replace('-', '.');
            };
            ProjectName name = ProjectName.of(display);
            Project.Builder b = Project.builder(name);
            boolean quarantined = r.nextInt(8) == 0;
            TreeSet<Version> versions = new TreeSet<>();
            java.util.Set<String> filenames = new java.util.HashSet<>();
            int files = quarantined ? 0 : r.nextInt(5);
            for (int f = 0; f < files; f++) {
                String version = VERSIONS[r.nextInt(VERSIONS.length)];
                String stem = name.fileNameForm() + "-" + Version.parse(version);
                String filename = r.nextBoolean() ? stem + "-py3-none-any.whl" : stem + ".tar.gz";
                if (!filenames.add(filename)) {
                    continue;
                }
                byte[] digest = new byte[32];
                r.nextBytes(digest);
                Distribution.Builder d = Distribution.builder("https://files.example/" + name.normalized() + "/"
                        + filename, filename).hash("sha256", hex.formatHex(digest)).size(r.nextInt(1 << 20));
                if (r.nextInt(4) == 0) {
                    byte[] md5 = new byte[16];
                    r.nextBytes(md5);
                    d.hash("md5", hex.formatHex(md5));
                }
                if (r.nextBoolean()) {
                    d.requiresPython(REQUIRES[r.nextInt(REQUIRES.length)]);
                }
                if (r.nextInt(4) == 0) {
                    d.yanked(REASONS[r.nextInt(REASONS.length)]);
                }
                switch (r.nextInt(3)) {
                    case 0 -> d.coreMetadata(Map.of());
                    case 1 -> {
                        byte[] m = new byte[32];
                        r.nextBytes(m);
                        d.coreMetadata(Map.of("sha256", hex.formatHex(m)));
                    }
                    default -> {
                    }
                }
                if (r.nextInt(3) == 0) {
                    d.gpgSig(r.nextBoolean());
                }
                if (r.nextBoolean()) {
                    d.uploadTime(Instant.ofEpochSecond(1_600_000_000L + r.nextInt(100_000_000)));
                }
                if (r.nextInt(5) == 0) {
                    d.provenance("https://files.example/" + name.normalized() + "/" + filename + ".provenance");
                }
                b.add(d.build());
                versions.add(Version.parse(version));
            }
            versions.forEach(v -> b.version(v.toString()));
            if (quarantined) {
                b.status(new ProjectStatus(ProjectStatus.Marker.QUARANTINED, "malware"));
            } else if (r.nextInt(5) == 0) {
                b.status(new ProjectStatus(r.nextBoolean() ? ProjectStatus.Marker.ARCHIVED
                        : ProjectStatus.Marker.DEPRECATED, r.nextBoolean() ? null : "moved to <other> & co"));
            }
            if (r.nextBoolean()) {
                b.sourceUrl("https://git.example/o/" + name.normalized());
            }
            projects.add(b.build());
        }
        return Index.of(projects);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readOfRenderIsTheIndexAndHasNoError(long seed) throws IOException {
        Index index = generate(seed);
        Path out = tmp.resolve("site");
        SiteWriter.builder().build().write(index, out);

        Index read = IndexReader.defaults().read(out);
        assertThat(read).as("seed %d", seed).isEqualTo(index.withApiVersion("1.0"));
        for (Project p : index.projects().values()) {
            assertThat(read.projects().get(p.name().normalized()).distributions())
                    .as("seed %d", seed).containsExactlyElementsOf(p.distributions());
        }

        Report report = Validator.defaults().validate(out);
        assertThat(report.findings().stream().filter(f -> f.severity() == Severity.ERROR))
                .as("seed %d", seed).isEmpty();
        assertThat(report.links()).as("seed %d", seed).allSatisfy(l -> {
            assertThat(l.pip().usable()).isTrue();
            assertThat(l.uv().usable()).isTrue();
        });
    }
}
