package dev.gitpypi.example.embedding;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.site.SiteReport;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.core.source.LocalFilesSource;
import dev.gitpypi.validator.Finding;
import dev.gitpypi.validator.IndexReader;
import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.PageText;
import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.Validator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * How a Java tool embeds gitpypi, using only the packages the library modules export (it runs on the module path,
 * so anything else would not even link):
 *
 * <ol>
 *   <li>build an index from a folder of wheels and sdists ({@link LocalFilesSource});</li>
 *   <li>write it as a static site ({@link SiteWriter});</li>
 *   <li>validate the site it wrote ({@link Validator});</li>
 *   <li>read a project page given as a string ({@link PageText}, {@link IndexReader#read(PageText)});</li>
 *   <li>validate a private index that demands basic authentication, when its URL is given: the user and
 *       password come from the environment variables {@code INDEX_USER} and {@code INDEX_PASSWORD}.</li>
 * </ol>
 *
 * <p>Usage: {@code EmbeddingExample DIST_DIR SITE_DIR [PRIVATE_INDEX_URL]}. It prints one line per step and exits
 * with 1 when a validated index has an error finding.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /**
     * Runs the example.
     *
     * @param args the folder of distributions and the site folder to write
     * @throws IOException if a folder cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: EmbeddingExample DIST_DIR SITE_DIR");
            System.exit(2);
        }
        Path dist = Path.of(args[0]);
        Path site = Path.of(args[1]);

        // 1. An index from a folder of distributions: names, versions, sha256 and PEP 658 metadata from the files.
        SourceResult result = LocalFilesSource.of(dist).read();
        for (Problem problem : result.problems()) {
            System.out.println("problem: " + problem);
        }
        Index index = result.index();
        for (Project project : index.projects().values()) {
            System.out.println("project: " + project.name().normalized() + " " + project.distributions().size()
                    + " files");
        }

        // 2. The static site: built aside and swapped in whole; a rebuild rewrites only what changed.
        SiteReport report = SiteWriter.builder().build().write(index, site);
        System.out.println("site: " + report.filesWritten() + " files written");

        // 3. Validate what was written, as any index would be validated.
        Report findings = Validator.defaults().validate(site);
        for (Finding finding : findings.findings()) {
            System.out.println("finding: " + finding);
        }
        System.out.println("validated: " + findings.findings().size() + " findings");

        // 4. A page given as text, with the URL it came from (the base of its relative links) and its media type.
        String html = "<!DOCTYPE html><title>Links for demo</title><a href=\"demo-1.0.tar.gz#sha256="
                + "0".repeat(64) + "\">demo-1.0.tar.gz</a>";
        Index page = IndexReader.defaults().read(PageText.of(html, URI.create("https://example.org/simple/demo/"),
                "text/html"));
        for (Project project : page.projects().values()) {
            System.out.println("page: " + project.name().normalized() + " " + project.distributions().get(0)
                    .filename());
        }

        // 5. A private index: the credentials go to the index's own host only, and never into a report.
        boolean failed = findings.exceeds(Severity.ERROR);
        if (args.length > 2) {
            IndexReader reader = IndexReader.builder()
                    .basicAuth(System.getenv("INDEX_USER"), System.getenv("INDEX_PASSWORD"))
                    .build();
            Report remote = Validator.builder().reader(reader).build().validate(args[2]);
            for (LinkVerdict link : remote.links()) {
                System.out.println("private: " + link.filename() + " pip " + link.verdict(Installer.PIP).usability()
                        + ", uv " + link.verdict(Installer.UV).usability());
            }
            System.out.println("private: " + remote.summary());
            failed |= remote.exceeds(Severity.ERROR);
        }
        if (failed) {
            System.exit(1);
        }
    }
}
