package dev.gitpypi.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.testing.github.FakeGitHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub source against the stand-in organisation of {@link Fixtures#organization}: 250 repositories over three
 * pages, filtered by topic, forks and archived ones left out; the first build, a rebuild with nothing changed (only
 * 304s, 0 points) and a rebuild after one new release (only that repository read again), counted by the stand-in.
 */
class GitHubSourceTest {
    /** Kept by topic "python" (the even ones), without the forks and archived ones: 125 - 25 - 25. */
    private static final int KEPT = 75;

    @TempDir
    Path cache;

    private FakeGitHub gh;
    private String token;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        gh = FakeGitHub.start();
        token = Fixtures.token();
        gh.token(token, "octocat");
        Fixtures.organization(gh);
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private GitHubSource.Builder acme() {
        return GitHubSource.organization("acme").apiUrl(gh.apiUrl()).token(() -> token).cacheDir(cache)
                .clock(gh.clock()).sleeper(sleeps::add).topics("python");
    }

    @Test
    void firstBuildNoChangeRebuildAndOneNewRelease() throws Exception {
        GitHubResult first = acme().build().readWithUsage();
        assertThat(gh.graphqlProblems()).isEmpty();
        Map<String, Project> projects = first.result().index().projects();
        assertThat(projects).hasSize(KEPT).containsKeys("pkg-000", "pkg-002", "pkg-248")
                .doesNotContainKeys("pkg-001", "pkg-004", "pkg-006");
        Project p = projects.get("pkg-002");
        assertThat(p.distributions()).extracting(Distribution::url).containsExactly(
                gitUrl("pkg-002", "v1.0", "1.0"), gitUrl("pkg-002", "v1.1", "1.1"), gitUrl("pkg-002", "v1.2", "1.2"));
        assertThat(p.distributions()).allSatisfy(d -> assertThat(d.requiresPython()).contains(">=3.8"));
        assertThat(p.distributions()).allSatisfy(d -> assertThat(d.uploadTime()).isPresent());
        assertThat(p.sourceUrl()).contains(gh.webUrl() + "acme/pkg-002");
        // 3 listing pages (REST), 75 repositories in 2 GraphQL queries of 1 point each (74 + 1)
        assertThat(first.usage().restPoints()).isEqualTo(3);
        assertThat(first.usage().graphqlPoints()).isEqualTo(2);
        assertThat(gh.restPoints()).isEqualTo(3);
        assertThat(gh.graphqlPoints()).isEqualTo(2);
        assertThat(first.usage().requests()).isEqualTo(5);
        // notes: the GitHub pre-releases whose version is final (pkg-000, -050, -100, -150, -200), private repos
        List<String> warnings = first.result().problems().stream().map(Problem::toString).toList();
        assertThat(warnings.stream().filter(w -> w.contains("github marks this release a pre-release"))).hasSize(5);
        assertThat(warnings).anyMatch(w -> w.contains("5 private repositories are listed"));
        assertThat(first.result().hasErrors()).isFalse();

        gh.resetCounters();
        GitHubResult again = acme().build().readWithUsage();
        assertThat(again.usage().requests()).isEqualTo(3);
        assertThat(again.usage().notModified()).isEqualTo(3);
        assertThat(again.usage().points()).isZero();
        assertThat(gh.restPoints() + gh.graphqlPoints()).isZero();
        assertThat(gh.requests()).allMatch(r -> r.endsWith("-> 304"));
        assertThat(again.result().index()).isEqualTo(first.result().index());

        gh.resetCounters();
        gh.advance(Duration.ofHours(1));
        FakeGitHub.Repo changed = gh.organization("acme").repository("pkg-002");
        changed.tag("v2.0", Fixtures.pyproject("pkg-002", "2.0"));
        changed.release("v2.0");
        GitHubResult after = acme().build().readWithUsage();
        assertThat(after.result().index().projects().get("pkg-002").releaseVersions())
                .containsExactly("1.0", "1.1", "1.2", "2.0");
        // the first listing page changed (1 REST point), the other two did not; one repository read again
        assertThat(after.usage().restPoints()).isEqualTo(1);
        assertThat(after.usage().notModified()).isEqualTo(2);
        assertThat(after.usage().graphqlPoints()).isEqualTo(1);
        assertThat(gh.graphqlQueries()).hasSize(1);
        assertThat(gh.graphqlQueries().get(0)).contains("r0: repository").doesNotContain("r1: repository");
        assertThat(sleeps).isEmpty();
    }

    private String gitUrl(String repo, String tag, String version) {
        return "git+" + gh.webUrl() + "acme/" + repo + ".git@" + tag + "#egg=" + repo + "-" + version;
    }
}
