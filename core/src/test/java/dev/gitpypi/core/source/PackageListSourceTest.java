package dev.gitpypi.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageListSourceTest {
    /** Percent-encoding as SPEC §18 Q5 asks, byte by byte of the UTF-8 form: the reference for the link builder. */
    private static String referenceEncode(String filename) {
        StringBuilder s = new StringBuilder();
        for (byte b : filename.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~!".indexOf(c) >= 0) {
                s.append((char) c);
            } else {
                s.append(String.format("%%%02X", c));
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo-1.0.tar.gz", "foo_bar-1.0+local.1-py3-none-any.whl", "naïve-1.0.tar.gz",
        "日本語-1.0.zip", "emoji-\uD83D\uDE00-1.0.tar.gz", "space and%percent-1.0.tar.gz", "epoch-1!2.0~x.tar.gz",
        "lone-\uD800-1.0.tar.gz", "ctl-\u0001\u007f-1.0.zip", "q?h#s/b-1.zip", ""})
    void linksPercentEncodeEveryByteAUrlPathSegmentCannotHold(String name) {
        String filename = name.translateEscapes();
        assertThat(PackageListSource.link("https://h/p/", filename))
                .isEqualTo("https://h/p/" + referenceEncode(filename));
    }

    @Test
    void linksAgreeWithTheReferenceOnRandomNames() {
        java.util.Random random = new java.util.Random(20261201);
        char[] alphabet = "aZ09-._~!+ %/é日\uD83D\uDE00\u0000\u007f\u0080".translateEscapes().toCharArray();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(PackageListSource.link("u/", name.toString())).as(name.toString())
                    .isEqualTo("u/" + referenceEncode(name.toString()));
        }
    }

    @TempDir
    Path tmp;

    @Test
    void plainListGroupsFilesByNormalizedNameAndLinksToThePackagesUrl() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "# comment\n\nFoo.Bar-1.0.tar.gz\nfoo_bar-1.1-py3-none-any.whl\n"
                + "foo_bar-1.0+local.1-py3-none-any.whl\nother-2.0.zip\n");
        SourceResult r = PackageListSource.plain(list, "https://files.example.org/p").read();
        assertThat(r.problems()).isEmpty();
        assertThat(r.index().projects()).containsOnlyKeys("foo-bar", "other");
        Project foo = r.index().project("foo-bar").orElseThrow();
        assertThat(foo.distributions()).extracting(Distribution::url).containsExactly(
                "https://files.example.org/p/Foo.Bar-1.0.tar.gz",
                "https://files.example.org/p/foo_bar-1.0%2Blocal.1-py3-none-any.whl",
                "https://files.example.org/p/foo_bar-1.1-py3-none-any.whl");
        assertThat(foo.releaseVersions()).containsExactly("1.0", "1.0+local.1", "1.1");
    }

    @Test
    void filesNoInstallerTakesAreSkippedWithOneSummaryPerKindAndOnlyLinesNotUnderstoodAreErrors() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "good-1.0.tar.gz\nnot-a-package.exe\nbad-1.0-SNAPSHOT.tar.gz\n../evil-1.0.tar.gz\n"
                + "good-1.0.tar.gz\nfoo-1.0-py3-none.whl\nother.exe\nx-1.0-py2.7.egg\n");
        SourceResult r = PackageListSource.plain(list, "https://h/").read();
        assertThat(r.index().projects()).containsOnlyKeys("good");
        List<Problem> notes = r.problems().stream().filter(p -> p.severity() == Severity.NOTE).toList();
        assertThat(notes).extracting(Problem::location).containsExactly(list + ":2", list + ":3", list + ":6",
                list + ":7", list + ":8");
        assertThat(notes.get(1).message()).contains("bad-1.0-SNAPSHOT.tar.gz").contains("PIP-05");
        assertThat(notes.get(2).message()).contains("WHL-01");
        // one summary warning per kind, counting its files and naming the first
        List<Problem> summaries = r.problems().stream().filter(p -> p.location().equals(list.toString())).toList();
        assertThat(summaries).extracting(Problem::message).containsExactly(
                "skipped 1 egg (.egg): pip and uv install no eggs from an index (first:"
                        + " \"x-1.0-py2.7.egg\" at " + list + ":8)",
                "skipped 2 Windows installers (.exe, .msi): installers are not Python packages for pip (first:"
                        + " \"not-a-package.exe\" at " + list + ":2)",
                "skipped 1 archive without a version pip can read: such as bdist_dumb's"
                        + " NAME-VERSION.PLATFORM.tar.gz, files for one old Python (-pyX.Y) and macOS .zip builds; pip"
                        + " skips them (PIP-05) (first: \"bad-1.0-SNAPSHOT.tar.gz\" at " + list + ":3)",
                "skipped 1 wheel with a file name pip cannot read: pip skips them (WHL-01, PIP-05)"
                        + " (first: \"foo-1.0-py3-none.whl\" at " + list + ":6)");
        assertThat(summaries).allMatch(p -> p.severity() == Severity.WARNING);
        // a path is not understood (error); a line listed again is a warning
        Problem path = r.problems().stream().filter(p -> p.location().equals(list + ":4")).findFirst().orElseThrow();
        assertThat(path.severity()).isEqualTo(Severity.ERROR);
        assertThat(path.message()).contains("path separator");
        Problem again = r.problems().stream().filter(p -> p.location().equals(list + ":5")).findFirst().orElseThrow();
        assertThat(again.severity()).isEqualTo(Severity.WARNING);
        assertThat(again.message()).contains("listed again (first at line 1)");
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.ERROR).hasSize(1);
    }

    @Test
    void aLongListIsAddedUpInLineOrderAcrossTheRunsItIsReadIn() throws Exception {
        // lines are read in parallel runs of a few thousand: repeats, problems and line numbers must not see the runs
        Path list = tmp.resolve("long.txt");
        StringBuilder text = new StringBuilder();
        int lines = 30_000;
        for (int n = 1; n <= lines; n++) {
            if (n == 20_001) {
                text.append("p3-1.0.tar.gz\n"); // line 3 again, two runs later
            } else if (n % 5_000 == 0) {
                text.append("setup-").append(n).append(".exe\n");
            } else {
                text.append('p').append(n % 9_000).append("-1.").append(n / 9_000).append(".tar.gz\n");
            }
        }
        Files.writeString(list, text);
        SourceResult r = PackageListSource.plain(list, "https://files.example.org/").read();

        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.WARNING).extracting(Problem::location,
                Problem::message).first().satisfies(t -> {
                    assertThat(t.toList().get(0)).isEqualTo(list + ":20001");
                    assertThat((String) t.toList().get(1)).contains("listed again (first at line 3)");
                });
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.NOTE).extracting(Problem::location)
                .containsExactly(list + ":5000", list + ":10000", list + ":15000", list + ":20000", list + ":25000",
                        list + ":30000");
        assertThat(r.index().size()).isEqualTo(9_000);
        assertThat(r.index().project("p3").orElseThrow().distributions()).extracting(Distribution::origin)
                .containsExactly(list + ":3", list + ":9003", list + ":18003", list + ":27003");
        assertThat(r.index().projects().values().stream().mapToInt(p -> p.distributions().size()).sum())
                .isEqualTo(lines - 6 - 1);
    }

    @Test
    void everyFilePipInstallsIsListedUnderTheProjectPipReadsWithTheRuleItBreaks() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, String.join("\n", "anglerfish-1.7.5.tar.bz2", "bgpdumpy-1.0.1.tgz",
                "ztv-0.2.1_6-py2-none-any.whl", "alchimia-0.1-dev.tar.gz", "abl.jquery-1.4.2-2.tar.gz",
                "leap.bitmask-0.3.5_2_g56402b3-py27-none-any.whl", "activegit-0.25.macosx-10.5-x86_64.tar.gz",
                "notebook-4.0.5.ZIP", "django-admin-tools-0.5.0.tar.gz", "grablib-0.4-py35+-none-any.whl",
                "theark-0.1-2.7-none-any.whl", "grablib-0.3-py35-none-any.whl", ""));
        SourceResult r = PackageListSource.plain(list, "https://h/").read();
        assertThat(r.index().projects()).containsOnlyKeys("anglerfish", "bgpdumpy", "ztv", "alchimia", "abl-jquery",
                "django-admin-tools", "grablib", "theark");
        assertThat(r.index().project("ztv").orElseThrow().releaseVersions()).containsExactly("0.2.1.post6");
        assertThat(r.index().project("abl-jquery").orElseThrow().releaseVersions()).containsExactly("1.4.2.post2");
        assertThat(r.index().project("alchimia").orElseThrow().releaseVersions()).containsExactly("0.1.dev0");
        Map<String, String> warnings = new java.util.TreeMap<>();
        r.problems().stream().filter(p -> p.severity() == Severity.WARNING
                && !p.location().equals(list.toString())).forEach(p -> warnings.put(p.location(), p.message()));
        assertThat(warnings).containsOnlyKeys(list + ":1", list + ":2", list + ":3", list + ":4", list + ":5",
                list + ":10", list + ":11");
        assertThat(warnings.get(list + ":1")).contains("uv takes only .tar.gz and .zip (SD-05)");
        assertThat(warnings.get(list + ":2")).contains("SD-05");
        assertThat(warnings.get(list + ":3")).contains("\"0.2.1-6\" (0.2.1.post6)").contains("WHL-03");
        assertThat(warnings.get(list + ":4")).contains("alchimia 0.1.dev0").contains("SD-01");
        assertThat(warnings.get(list + ":5")).contains("abl-jquery 1.4.2.post2").contains("abl-jquery-1-4-2 2");
        // pip's parser reads these names, so they are listed; no interpreter has such a python tag (WHL-05)
        assertThat(warnings.get(list + ":10")).contains("python tag \"py35+\"").contains("WHL-05");
        assertThat(warnings.get(list + ":11")).contains("python tag \"2\"").contains("WHL-05");
        assertThat(r.index().project("grablib").orElseThrow().releaseVersions()).containsExactly("0.3", "0.4");
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void credentialsInThePackagesUrlOrAnEntrysUrlNeverReachTheLinks() throws Exception {
        String secret = "s3cr" + "et-" + Long.toHexString(System.nanoTime());
        Path list = tmp.resolve("list.jsonl");
        Files.writeString(list, "{\"filename\": \"a-1.0.tar.gz\"}\n"
                + "{\"filename\": \"b-1.0.tar.gz\", \"url\": \"https://u:" + secret + "@mirror.example/b-1.0.tar.gz\"}\n");
        SourceResult r = PackageListSource.json(list, "https://deploy:" + secret + "@files.example/p/").read();
        assertThat(r.index().project("a").orElseThrow().distributions().get(0).url())
                .isEqualTo("https://files.example/p/a-1.0.tar.gz");
        assertThat(r.index().project("b").orElseThrow().distributions().get(0).url())
                .isEqualTo("https://mirror.example/b-1.0.tar.gz");
        assertThat(r.problems()).extracting(Problem::severity).containsOnly(Severity.WARNING).hasSize(2);
        assertThat(r.problems().toString()).doesNotContain(secret).contains("credentials");
        assertThat(r.index().toString() + r.index().projects().values().stream()
                .flatMap(p -> p.distributions().stream()).map(Distribution::toString).toList())
                .doesNotContain(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "FILE:/etc/passwd", "vbscript:x"})
    void scriptDataAndFileUrlsAreRefusedNamingTheLine(String url) throws Exception {
        Path list = tmp.resolve("list.jsonl");
        Files.writeString(list, "{\"filename\": \"ok-1.0.tar.gz\"}\n{\"filename\": \"x-1.0.tar.gz\", \"url\": \""
                + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(url)) + "\"}\n");
        SourceResult r = PackageListSource.json(list, "https://h/").read();
        assertThat(r.index().projects()).containsOnlyKeys("ok");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.location()).isEqualTo(list + ":2");
            assertThat(p.message()).contains("refusing").contains("x-1.0.tar.gz");
        });
        assertThatThrownBy(() -> PackageListSource.plain(list, url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme");
    }

    @Test
    void jsonLinesCarryHashesRequiresPythonUploadTimeYankAndMetadata() throws Exception {
        Path list = tmp.resolve("list.jsonl");
        String sha = "a".repeat(64);
        Files.writeString(list, "{\"filename\": \"pkg-1.0-py3-none-any.whl\", \"hash\": \"sha256=" + sha + "\","
                + " \"requires_python\": \">=3.8\", \"upload_timestamp\": 1515783971, \"uploaded_by\": \"ckuehl\","
                + " \"yanked_reason\": \"broken\", \"core_metadata\": \"sha256=" + sha + "\"}\n"
                + "{\"filename\": \"pkg-2.0.tar.gz\", \"url\": \"https://mirror.example/pkg-2.0.tar.gz\"}\n"
                + "{\"filename\": \"pkg-3.0.tar.gz\", \"hash\": \"sha256:" + sha + "\"}\n"
                + "[1, 2]\n{\"nofilename\": 1}\n{broken\n");
        SourceResult r = PackageListSource.json(list, "https://h/files/").read();
        Project pkg = r.index().project("pkg").orElseThrow();
        Distribution wheel = pkg.distributions().get(0);
        assertThat(wheel.url()).isEqualTo("https://h/files/pkg-1.0-py3-none-any.whl");
        assertThat(wheel.hashes()).isEqualTo(Map.of("sha256", sha));
        assertThat(wheel.requiresPython()).hasValue(">=3.8");
        assertThat(wheel.uploadTime()).hasValue(Instant.ofEpochSecond(1515783971));
        assertThat(wheel.yankedReason()).hasValue("broken");
        assertThat(wheel.coreMetadata()).hasValue(Map.of("sha256", sha));
        assertThat(pkg.distributions().get(1).url()).isEqualTo("https://mirror.example/pkg-2.0.tar.gz");
        assertThat(r.problems()).hasSize(4);
        assertThat(r.problems().get(0).message()).contains("P503-08");
        assertThat(r.problems()).allMatch(p -> p.severity() == Severity.ERROR);
    }
}
