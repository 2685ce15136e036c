package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web server running as another user can read every path of a built site (issue 12): folders {@code rwxr-xr-x}
 * and files {@code rw-r--r--} under the umask, even though the site was built in a {@code rwx------} temporary
 * folder from {@code rw-------} hosted files, and a rebuild over a site with other permissions repairs them.
 */
class PermissionsTest {
    @TempDir
    Path tmp;
    Set<PosixFilePermission> folder;
    Set<PosixFilePermission> file;

    @BeforeEach
    void expectedPermissions() throws IOException {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        // what the umask leaves, measured the plain way: a folder created with the default mode
        Set<PosixFilePermission> allowed = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe")));
        Files.delete(tmp.resolve("probe"));
        folder = EnumSet.copyOf(PosixFilePermissions.fromString("rwxr-xr-x"));
        folder.retainAll(allowed);
        file = EnumSet.copyOf(PosixFilePermissions.fromString("rw-r--r--"));
        file.retainAll(allowed);
    }

    private Index index() throws IOException {
        Path dist = tmp.resolve("dist");
        Path wheel = TestDistributions.wheel(dist, "alpha", "1.0");
        Path sdist = TestDistributions.sdist(dist, "alpha", "1.0");
        // as Git sdists in a cache: private files
        Files.setPosixFilePermissions(wheel, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(sdist, PosixFilePermissions.fromString("rw-------"));
        return Index.of(List.of(Project.builder(ProjectName.of("alpha"))
                .add(Distribution.builder("x", wheel.getFileName().toString()).localFile(wheel).coreMetadata(Map.of())
                        .build())
                .add(Distribution.builder("x", sdist.getFileName().toString()).localFile(sdist).build()).build(),
                Project.builder(ProjectName.of("beta")).add(Distribution.builder("https://h/beta-1.0.tar.gz",
                        "beta-1.0.tar.gz").build()).build()));
    }

    /** Every path of the tree with its permissions, folders marked with a trailing slash. */
    private static Map<String, String> permissions(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                all.put(root.relativize(p) + (Files.isDirectory(p) ? "/" : ""), PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return all;
    }

    private void assertReadableByAll(Path site) throws IOException {
        Map<String, String> all = permissions(site);
        assertThat(all).containsKeys("/", "files/alpha/alpha-1.0.tar.gz", "files/alpha/", "simple/beta/index.json");
        all.forEach((path, mode) -> assertThat(mode).as(path).isEqualTo(PosixFilePermissions.toString(
                path.endsWith("/") ? folder : file)));
    }

    @Test
    void everyFolderAndFileOfTheSiteHasTheWebServersPermissions() throws IOException {
        Path site = tmp.resolve("site");
        SiteWriter.builder().build().write(index(), site);
        assertReadableByAll(site);
    }

    @Test
    void aRebuildOverASiteWithOtherPermissionsRepairsThem() throws IOException {
        Path site = tmp.resolve("site");
        SiteWriter writer = SiteWriter.builder().build();
        writer.write(index(), site);
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwx------"));
        Path page = site.resolve("simple/alpha/index.html");
        Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-------"));

        SiteReport report = writer.write(index(), site);
        assertThat(report.unchanged()).as("a site with other permissions is not the same site").isFalse();
        assertThat(report.filesWritten()).as("the private page is written again, not linked").isEqualTo(1);
        assertReadableByAll(site);
        // and then it is unchanged
        assertThat(writer.write(index(), site).unchanged()).isTrue();
    }

    @Test
    void anotherUserCanReadEveryPathOfTheSite() throws IOException {
        Assumptions.assumeTrue(file.contains(PosixFilePermission.OTHERS_READ), "the umask hides files from others");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "runuser needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser"))
                || Files.isExecutable(Path.of("/sbin/runuser")), "no runuser on this machine");
        // the test's own temporary folder is private; open it (and only it) so another user can reach the site
        for (Path p = tmp; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
            if (!mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                Assumptions.assumeTrue(p.equals(tmp), "an ancestor of the temporary folder is private: " + p);
                mode.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, mode);
            }
        }
        Path site = tmp.resolve("site");
        SiteWriter.builder().build().write(index(), site);
        ProcessResult r = Processes.run(tmp, env -> { }, 60, List.of("runuser", "-u", "nobody", "--", "sh", "-c",
                "find \"$1\" \\( -type d \\( ! -readable -o ! -executable \\) \\) -o \\( ! -type d ! -readable \\)"
                        + " && find \"$1\" -type f -exec cat {} + > /dev/null && echo all-read", "sh",
                site.toString()));
        assertThat(r.output()).as("paths nobody cannot read").isEqualTo("all-read\n");
        assertThat(r.exitCode()).isZero();
    }
}
