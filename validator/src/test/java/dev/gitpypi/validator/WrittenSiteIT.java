package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.core.source.LocalFilesSource;
import dev.gitpypi.testing.StaticSiteServer;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site written by gitpypi from real distributions (wheels with PEP 658 sidecars, sdists) passes the deep
 * validation from the folder and over HTTP with JSON negotiation, and reads back into the index it was written
 * from.
 */
class WrittenSiteIT {
    @TempDir
    Path tmp;

    @Test
    void gitpypisOwnSitePassesDeepValidation() throws IOException {
        Path dists = Files.createDirectories(tmp.resolve("dists"));
        TestDistributions.wheel(dists, "alpha", "1.0", "Requires-Python: >=3.8");
        TestDistributions.wheel(dists, "alpha", "1.1");
        TestDistributions.sdist(dists, "alpha", "1.1");
        TestDistributions.wheel(dists, "beta_pkg", "2.0rc1", "Requires-Dist: alpha>=1.0");
        SourceResult source = LocalFilesSource.of(dists).read();
        assertThat(source.hasErrors()).isFalse();
        Path site = tmp.resolve("site");
        SiteWriter.builder().build().write(source.index(), site);

        Validator deep = Validator.builder().deep(true).build();
        Report folder = deep.validate(site);
        assertThat(folder.findings()).isEmpty();
        assertThat(folder.links()).hasSize(4).allSatisfy(l -> {
            assertThat(l.pip().usable()).isTrue();
            assertThat(l.uv().usable()).isTrue();
        });

        Index read = IndexReader.defaults().read(site);
        assertThat(read.projects().keySet()).containsExactly("alpha", "beta-pkg");
        assertThat(read.project("alpha").get().distributions()).hasSize(3);

        try (StaticSiteServer server = StaticSiteServer.start(site, true)) {
            Report http = deep.validate(server.baseUrl() + "simple/");
            assertThat(http.findings()).allSatisfy(f -> assertThat(f.severity()).isNotEqualTo(Severity.ERROR));
            assertThat(http.links()).hasSize(4);
            assertThat(http.links().get(0).location().pointer()).startsWith("/files/");
        }
    }

    /**
     * The pages for people outside {@code simple/} list a project's files with hashes like a project page does; the
     * generator meta tells them apart, and the message names the index to validate instead, as the user would type
     * it (relative targets stay relative).
     */
    @Test
    void pagesForPeopleAreNotReadAsIndexPages() throws IOException {
        Path dists = Files.createDirectories(tmp.resolve("dists"));
        TestDistributions.wheel(dists, "alpha", "1.0");
        TestDistributions.sdist(dists, "alpha", "1.0");
        Path site = tmp.resolve("site");
        SiteWriter.builder().build().write(LocalFilesSource.of(dists).read().index(), site);
        String page = Files.readString(site.resolve("project/alpha/index.html"));
        assertThat(page).contains("<meta name=\"generator\" content=\"gitpypi\">").contains("alpha-1.0.tar.gz");

        Validator validator = Validator.builder().build();
        String root = site.toString();
        assertThatThrownBy(() -> validator.validate(root + "/project/alpha"))
                .isInstanceOf(NotAnIndexException.class)
                .hasMessage("not an index: \"" + root + "/project/alpha\": its index.html is a site's page for people;"
                        + " validate the index it links to: \"" + root + "/simple\"");
        assertThatThrownBy(() -> validator.validate(root + "/project/alpha/index.html"))
                .isInstanceOf(NotAnIndexException.class)
                .hasMessageEndingWith("is a site's page for people; validate the index it links to: \"" + root
                        + "/simple\"");
        assertThatThrownBy(() -> validator.validate(root + "/index.html"))
                .isInstanceOf(NotAnIndexException.class)
                .hasMessageEndingWith("validate the index it links to: \"" + root + "/simple\"");
        // the site folder itself is the index
        assertThat(validator.validate(root).findings()).isEmpty();
    }
}
