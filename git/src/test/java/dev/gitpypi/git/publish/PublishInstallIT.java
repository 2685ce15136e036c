package dev.gitpypi.git.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.BareRepo;
import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.StaticSiteServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip installs from what a publish pushed: a fresh checkout of the branch, served the way GitHub Pages serves a
 * project site (under {@code /REPO/}, HTML only, folders answer with their {@code index.html}).
 */
class PublishInstallIT {
    @TempDir
    Path tmp;

    @Test
    void pipInstallsFromACheckoutOfThePushedBranchServedUnderTheRepositoryPath() throws Exception {
        BareRepo remote = BareRepo.init(tmp.resolve("python-index.git"));
        SitePublisher publisher = SitePublisher.builder(remote.fileUrl()).workDirectory(tmp).build();
        publisher.publish(Sites.site(tmp.resolve("v1"), "hello==1.0", "world==1.0"));
        publisher.publish(Sites.site(tmp.resolve("v2"), "hello==1.0", "hello==1.1", "world==1.0"));
        Path checkout = tmp.resolve("checkout");
        BareRepo.run(null, "clone", "-q", "--branch", "gh-pages", remote.fileUrl(), checkout.toString());

        PipVenv venv = PipVenv.create(tmp.resolve("venv"));
        try (StaticSiteServer pages = StaticSiteServer.startUnder(checkout, "/python-index/")) {
            ProcessResult r = venv.install(pages.baseUrl() + "simple/", "hello>=1.1", "world");

            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(venv.installedVersion("hello")).isEqualTo("1.1");
            assertThat(venv.installedVersion("world")).isEqualTo("1.0");
            assertThat(pages.requests()).contains("GET /python-index/simple/hello/",
                    "GET /python-index/files/hello/hello-1.1-py3-none-any.whl");
        }
    }
}
