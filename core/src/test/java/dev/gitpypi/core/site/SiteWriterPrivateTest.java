package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private-site marker is part of the site: written, kept on unchanged rebuilds, removed when not asked. */
class SiteWriterPrivateTest {
    @TempDir
    Path tmp;

    private static Index index() {
        return Index.of(List.of(Project.builder(ProjectName.of("alpha"))
                .add(Distribution.builder("https://elsewhere.example/alpha-1.0.tar.gz", "alpha-1.0.tar.gz")
                        .hash("sha256", "a".repeat(64)).size(3).build())
                .build()));
    }

    @Test
    void thePrivateMarkerIsWrittenOnlyWhenAskedAndCountsAsPartOfTheSite() throws IOException {
        Path site = tmp.resolve("site");
        Path marker = site.resolve(SiteWriter.PRIVATE_MARKER);

        SiteWriter.builder().build().write(index(), site);
        assertThat(marker).doesNotExist();

        SiteReport first = SiteWriter.builder().privateSite(true).build().write(index(), site);
        assertThat(first.filesWritten()).isEqualTo(1);
        assertThat(Files.readString(marker)).contains("private repositories", "gitpypi publish refuses");

        SiteReport again = SiteWriter.builder().privateSite(true).build().write(index(), site);
        assertThat(again.filesWritten()).isZero();
        assertThat(marker).exists();

        SiteReport notPrivate = SiteWriter.builder().build().write(index(), site);
        assertThat(notPrivate.filesDeleted()).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }
}
