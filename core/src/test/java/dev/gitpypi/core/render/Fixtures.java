package dev.gitpypi.core.render;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small index that uses every feature the renderers know, for golden-file tests. */
final class Fixtures {
    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "0123456789abcdef".repeat(4);
    static final String SHA_C = "c".repeat(64);
    static final String SHA_M = "d".repeat(64);

    private Fixtures() {
    }

    /** Files with every attribute: requires-python, yanked with and without reason, metadata, gpg-sig. */
    static Project fooBar() {
        return Project.builder(ProjectName.of("Foo_Bar"))
                .add(Distribution.builder("https://files.example/foo_bar-1.0-py3-none-any.whl", "foo_bar-1.0-py3-none-any.whl")
                        .hash("sha256", SHA_A).requiresPython(">=3.8, <4").coreMetadata(Map.of("sha256", SHA_M))
                        .gpgSig(false).size(1234).uploadTime(Instant.parse("2024-01-02T03:04:05Z")).build())
                .add(Distribution.builder("../../files/foo-bar/foo_bar-1.0.tar.gz", "foo_bar-1.0.tar.gz")
                        .hash("sha256", SHA_B).hash("md5", "0".repeat(32)).yanked("").gpgSig(true).size(99)
                        .uploadTime(Instant.parse("2024-01-02T03:04:05.123456789Z")).build())
                .add(Distribution.builder("https://files.example/foo_bar-0.9.tar.gz", "foo_bar-0.9.tar.gz")
                        .hash("sha256", SHA_C).yanked("broken <build> & \"bad\" 'metadata'").size(7)
                        .coreMetadata(Map.of()).build())
                .build();
    }

    /** An archived project with a reason and a source URL. */
    static Project archived() {
        return Project.builder(ProjectName.of("old.tool"))
                .status(new ProjectStatus(ProjectStatus.Marker.ARCHIVED, "moved to <new-tool>"))
                .sourceUrl("https://github.com/example/old-tool")
                .add(Distribution.builder("https://files.example/old_tool-2.0-py2.py3-none-any.whl",
                        "old_tool-2.0-py2.py3-none-any.whl").hash("sha256", SHA_A).size(10).build())
                .build();
    }

    /** A quarantined project: its files are not listed (P792-03). */
    static Project quarantined() {
        return Project.builder(ProjectName.of("evil-pkg"))
                .status(new ProjectStatus(ProjectStatus.Marker.QUARANTINED, null))
                .add(Distribution.builder("https://files.example/evil_pkg-1.0.tar.gz", "evil_pkg-1.0.tar.gz")
                        .hash("sha256", SHA_A).size(1).build())
                .build();
    }

    /** VCS links: one classic recipe link, one pip would reject (PIP-06) and that is left out. */
    static Project vcs() {
        return Project.builder(ProjectName.of("vcs-pkg"))
                .add(Distribution.builder("git+https://github.com/example/vcs-pkg@v1.0#egg=vcs-pkg-1.0",
                        "vcs-pkg-1.0").build())
                .add(Distribution.builder("git+https://github.com/example/vcs-pkg@v1.1+local#egg=vcs-pkg-1.1+local",
                        "vcs-pkg-1.1+local").build())
                .build();
    }

    /** Provenance raises the page to 1.3. */
    static Project provenance() {
        return Project.builder(ProjectName.of("prov"))
                .add(Distribution.builder("https://files.example/prov-1.0-py3-none-any.whl", "prov-1.0-py3-none-any.whl")
                        .hash("sha256", SHA_A).size(5)
                        .provenance("https://files.example/prov-1.0-py3-none-any.whl.provenance").build())
                .build();
    }

    /** A file without a size: the JSON page stays at 1.0 without versions (P629-05). */
    static Project noSize() {
        return Project.builder(ProjectName.of("nosize"))
                .add(Distribution.builder("https://files.example/nosize-1.0.tar.gz", "nosize-1.0.tar.gz")
                        .hash("sha256", SHA_A).build())
                .build();
    }

    /**
     * A project as people see it: versions whose text order differs from PEP 440 order (1.9 and 1.10), a
     * pre-release and a development release newer than the latest final one, a yanked release, dates, sizes, and
     * core metadata with a Markdown README that tries every trick a README can.
     */
    static Project people() {
        CoreMetadata.Builder m = CoreMetadata.builder("Hello.World", "1.10")
                .set(CoreMetadata.Field.SUMMARY, "Says <hello> & \"goodbye\"")
                .set(CoreMetadata.Field.REQUIRES_PYTHON, ">=3.9")
                .set(CoreMetadata.Field.LICENSE_EXPRESSION, "Apache-2.0")
                .add(CoreMetadata.Field.REQUIRES_DIST, "requests>=2.31")
                .add(CoreMetadata.Field.REQUIRES_DIST, "click>=8; extra == \"cli\"")
                .projectUrl("Source", "https://github.com/example/hello-world")
                .set(CoreMetadata.Field.DESCRIPTION_CONTENT_TYPE, "text/markdown; charset=UTF-8; variant=GFM")
                .set(CoreMetadata.Field.DESCRIPTION, README);
        CoreMetadata latest = m.build();
        CoreMetadata old = CoreMetadata.builder("Hello.World", "1.9").set(CoreMetadata.Field.SUMMARY, "older").build();
        return Project.builder(ProjectName.of("Hello.World"))
                .add(file("hello_world-1.10-py3-none-any.whl", "2024-03-01T10:00:00Z", 2_345).metadata(latest).build())
                .add(file("hello_world-1.10.tar.gz", "2024-03-01T10:05:00Z", 1_234_567).metadata(latest).build())
                .add(file("hello_world-1.9-py3-none-any.whl", "2023-11-20T08:00:00Z", 2_300).metadata(old).build())
                .add(file("hello_world-2.0rc1-py3-none-any.whl", "2024-04-01T00:00:00Z", 2_400).build())
                .add(file("hello_world-2.1.dev3-py3-none-any.whl", "2024-04-02T00:00:00Z", 2_410).build())
                .add(file("hello_world-0.9.tar.gz", "2023-01-01T00:00:00Z", 999).yanked("broke <everything>")
                        .build())
                .build();
    }

    static final String README = String.join("\n",
            "# Hello World",
            "",
            "Says hello, *politely*. See [the docs](https://docs.example/hello) and [a file](docs/usage.md).",
            "",
            "| option | meaning |",
            "|---|---|",
            "| `-v` | louder |",
            "",
            "<script>alert('script')</script>",
            "<img src=\"https://img.example/logo.png\" alt=\"logo\" onerror=\"alert('onerror')\">",
            "<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\" alt=\"data\">",
            "<a href=\"javascript:alert('href')\">click me</a> <a href=\"JaVaScRiPt&colon;alert(1)\">obfuscated</a>",
            "<svg onload=\"alert('svg')\"><script>alert('svg script')</script></svg>",
            "<iframe src=\"https://evil.example/\"></iframe><style>body{display:none}</style>",
            "<p style=\"position:fixed\" onclick=\"alert('click')\">styled</p>",
            "",
            "[markdown js](javascript:alert('md')) and ![markdown data](data:image/png;base64,AAAA)",
            "",
            "```python",
            "print(\"<hello>\")",
            "```",
            "");

    private static Distribution.Builder file(String filename, String uploaded, long size) {
        return Distribution.builder("https://files.example/" + filename, filename)
                .hash("sha256", dev.gitpypi.core.internal.Digests.sha256(filename.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))
                .size(size).uploadTime(Instant.parse(uploaded));
    }

    static List<Project> all() {
        return List.of(fooBar(), archived(), quarantined(), vcs(), provenance(), noSize());
    }

    static Index index() {
        return Index.of(all());
    }
}
