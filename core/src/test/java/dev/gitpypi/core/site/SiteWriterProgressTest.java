package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteWriterProgressTest {
    @TempDir
    Path tmp;

    /** Counts what a writer reports. */
    static final class Counting implements Progress {
        final List<String> starts = new ArrayList<>();
        final AtomicLong done = new AtomicLong();

        @Override
        public synchronized void start(String what, long units) {
            starts.add(what + ":" + units);
        }

        @Override
        public void advance(long units) {
            done.addAndGet(units);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void everyProjectIsCountedOncePerPass(int threads) throws Exception {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = "p" + i;
            projects.add(Project.builder(ProjectName.of(name)).add(Distribution.builder("https://h/" + name
                    + "-1.0.tar.gz", name + "-1.0.tar.gz").hash("sha256", "ab".repeat(32)).build()).build());
        }
        Index index = Index.of(projects);
        Counting first = new Counting();
        SiteWriter.builder().threads(threads).progress(first).build().write(index, tmp.resolve("site"));
        assertThat(first.starts).containsExactly("projects:25");
        assertThat(first.done).hasValue(25);
        // an unchanged rebuild checks every project once and writes nothing
        Counting again = new Counting();
        SiteReport report = SiteWriter.builder().threads(threads).progress(again).build()
                .write(index, tmp.resolve("site"));
        assertThat(report.filesWritten()).isZero();
        assertThat(again.starts).containsExactly("projects:25");
        assertThat(again.done).hasValue(25);
    }
}
