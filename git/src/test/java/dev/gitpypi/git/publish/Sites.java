package dev.gitpypi.git.publish;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.core.source.LocalFilesSource;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real sites for publish tests: wheels made by {@link TestDistributions}, written by {@link SiteWriter}. */
public final class Sites {
    private Sites() {
    }

    /**
     * Writes a site.
     *
     * @param dir where the site goes (its wheels go beside it)
     * @param privateSite whether the site is marked private
     * @param yanked file names to yank, with their reasons
     * @param releases {@code name==version} strings
     * @return the site folder
     */
    public static Path site(Path dir, boolean privateSite, Map<String, String> yanked, String... releases)
            throws IOException {
        Path wheels = Files.createTempDirectory(dir.toAbsolutePath().getParent(), "wheels-");
        for (String r : releases) {
            String[] nv = r.split("==");
            TestDistributions.wheel(wheels, nv[0], nv[1]);
        }
        Index index = LocalFilesSource.of(wheels).read().index();
        List<Project> projects = new ArrayList<>();
        for (Project p : index.projects().values()) {
            Project.Builder b = Project.builder(p.name());
            for (Distribution d : p.distributions()) {
                String reason = yanked.get(d.filename());
                b.add(reason == null ? d : d.toBuilder().yanked(reason).build());
            }
            projects.add(b.build());
        }
        SiteWriter.builder().privateSite(privateSite).build().write(Index.of(projects), dir);
        return dir;
    }

    public static Path site(Path dir, String... releases) throws IOException {
        return site(dir, false, Map.of(), releases);
    }
}
