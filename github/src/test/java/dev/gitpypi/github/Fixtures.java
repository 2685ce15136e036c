package dev.gitpypi.github;

import dev.gitpypi.testing.TestDistributions;
import dev.gitpypi.testing.github.FakeGitHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test tokens, project files and a made-up organisation for the GitHub stand-in. */
final class Fixtures {
    private Fixtures() {
    }

    /** A random classic-token-shaped token, made at run time. */
    static String token() {
        return FakeGitHub.randomToken("ghp");
    }

    /** The bytes of a real, installable wheel (deterministic), with {@code Requires-Python: >=3.8}. */
    static byte[] wheel(String name, String version) {
        return archive(dir -> TestDistributions.wheel(dir, name, version, "Requires-Python: >=3.8"));
    }

    /** The bytes of a real sdist with an in-tree build backend (deterministic). */
    static byte[] sdist(String name, String version) {
        return archive(dir -> TestDistributions.sdist(dir, name, version, "Requires-Python: >=3.8"));
    }

    private interface Maker {
        Path make(Path dir) throws IOException;
    }

    private static byte[] archive(Maker maker) {
        try {
            Path dir = Files.createTempDirectory("gitpypi-fixture");
            try {
                Path f = maker.make(dir);
                byte[] b = Files.readAllBytes(f);
                Files.delete(f);
                return b;
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> pyproject(String name, String version, String... extraLines) {
        StringBuilder b = new StringBuilder("[project]\nname = \"").append(name).append("\"\nversion = \"")
                .append(version).append("\"\n");
        for (String l : extraLines) {
            b.append(l).append('\n');
        }
        return Map.of("pyproject.toml", b.toString(), "README.md", "# " + name + "\n");
    }

    /**
     * 250 repositories in organisation {@code acme}, {@code pkg-000} to {@code pkg-249}: every 10th (index ending in
     * 4) a fork, every 10th (ending in 6) archived, even ones with topic {@code python} (odd ones {@code docs}),
     * every 25th private; three tags each ({@code v1.0}, {@code v1.1}, {@code v1.2}) with a pyproject.toml; a
     * release for {@code v1.1}, and for {@code v1.2} with a wheel (digest) and an sdist (no digest); a draft for a
     * tag {@code v1.3} that does not exist yet; every 50th repository's {@code v1.2} is a GitHub pre-release.
     */
    static void organization(FakeGitHub gh) {
        FakeGitHub.Owner acme = gh.organization("acme");
        for (int i = 0; i < 250; i++) {
            String name = String.format(java.util.Locale.ROOT, "pkg-%03d", i);
            FakeGitHub.Repo r = acme.repository(name).topics(i % 2 == 0 ? "python" : "docs");
            if (i % 10 == 4) {
                r.fork();
            }
            if (i % 10 == 6) {
                r.archived();
            }
            if (i % 25 == 0) {
                r.privateRepo(true);
            }
            for (String v : new String[] {"1.0", "1.1", "1.2"}) {
                r.tag("v" + v, pyproject(name, v, "requires-python = \">=3.8\""), v.equals("1.1"));
            }
            r.release("v1.1");
            FakeGitHub.Release rel = r.release("v1.2");
            String file = name.replace('-', '_');
            rel.asset(file + "-1.2-py3-none-any.whl", wheel(file, "1.2"), true);
            rel.asset(file + "-1.2.tar.gz", sdist(file, "1.2"), false);
            if (i % 50 == 0) {
                rel.prerelease();
            }
            r.release("v1.3").draft().asset(file + "-1.3-py3-none-any.whl", new byte[] {1}, true);
        }
    }
}
