package dev.gitpypi.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.testing.github.Organizations;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost targets, held as facts about the requests the source sends (GitHub's formula, charged by the
 * stand-in; not timings): a first build of a 130-repository organisation with five releases each within 15
 * points, a rebuild with nothing changed 0 points, a rebuild after one new release a few. Numbers for more sizes
 * and both APIs: {@code bench} {@code GitHubCostMeasurements}, docs/performance.md.
 */
class GitHubCostTest {
    @TempDir
    Path cache;

    @RegisterExtension
    final StandIn standIn = new StandIn();

    @BeforeEach
    void start() throws Exception {
        Organizations.pythonPackages(standIn.gh(), "acme", 130, 5);
    }

    private GitHubSource.Builder builder(LinkStyle style) {
        return standIn.local(GitHubSource.organization("acme"), cache).linkStyle(style);
    }

    private GitHubSource source(LinkStyle style) {
        return builder(style).build();
    }

    @Test
    void vcsFirstBuildWithinFifteenPointsRebuildFree() throws Exception {
        GitHubResult first = source(LinkStyle.VCS).readWithUsage();
        assertThat(first.result().index().projects()).hasSize(130);
        assertThat(standIn.gh().graphqlProblems()).isEmpty();
        // 2 listing pages, 130 repositories in 2 GraphQL queries of 1 point
        assertThat(first.usage().points()).isEqualTo(4).isLessThanOrEqualTo(15);
        assertThat(standIn.gh().restPoints() + standIn.gh().graphqlPoints()).isEqualTo(4);
        assertThat(source(LinkStyle.VCS).readWithUsage().usage().points()).isZero();
        standIn.gh().advance(Duration.ofMinutes(1));
        standIn.gh().organization("acme").repository("lib-0042").tag("v2.0", Fixtures.pyproject("lib-0042", "2.0"));
        GitHubResult one = source(LinkStyle.VCS).readWithUsage();
        assertThat(one.usage().points()).isEqualTo(2);
        assertThat(one.result().index().projects().get("lib-0042").releaseVersions()).hasSize(6);
    }

    @Test
    void releaseStyleSpendsOneRestPointPerRepositoryOnceThenNothing() throws Exception {
        GitHubSource twenty = builder(LinkStyle.RELEASE).namePattern("lib-00[01][0-9]").build();
        GitHubResult first = twenty.readWithUsage();
        assertThat(first.result().index().projects()).hasSize(20);
        assertThat(first.usage().points()).isEqualTo(2 + 20);
        assertThat(first.usage().downloads()).as("sdists without a digest, hashed once").isEqualTo(20 * 3);
        GitHubResult again = twenty.readWithUsage();
        assertThat(again.usage().points()).isZero();
        assertThat(again.usage().downloads()).isZero();
    }
}
