package dev.gitpypi.bench;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.github.ApiUsage;
import dev.gitpypi.github.GitHubResult;
import dev.gitpypi.github.GitHubSource;
import dev.gitpypi.testing.github.FakeGitHub;
import dev.gitpypi.testing.github.Organizations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the GitHub source spends, in GitHub's units, for docs/performance.md "GitHub API cost" (run once, not a JMH
 * harness): for organisations of N repositories with R releases each (a wheel per release, an sdist without digest
 * every other one), the requests and points of a first build, of a rebuild with nothing changed, and of a rebuild
 * after one new release, with GraphQL (the default) and REST only, in the vcs and release link styles. Points are
 * counted by the GitHub stand-in ({@code FakeGitHub}: REST requests other than 304s, GraphQL by GitHub's documented
 * formula) and by the source ({@code ApiUsage}); the two must agree. The stand-in enforces GitHub's primary limits
 * (5,000 an hour each): a configuration that needs more says so in its row.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gitpypi.bench.GitHubCostMeasurements [R] [N...]
 * </pre>
 */
public final class GitHubCostMeasurements {
    private GitHubCostMeasurements() {
    }

    /**
     * Prints the table.
     *
     * @param args releases per repository, then organisation sizes (default {@code 5 100 130 1000})
     * @throws IOException if the stand-in cannot start
     */
    public static void main(String[] args) throws IOException {
        int releases = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> sizes = args.length > 1 ? java.util.Arrays.stream(args).skip(1).map(Integer::valueOf).toList()
                : List.of(100, 130, 1000);
        System.out.println("| repositories | style | API | first build: requests / points | no change: requests /"
                + " points | one new release: requests / points | first build points per 100 repositories |");
        System.out.println("|---:|---|---|---:|---:|---:|---:|");
        for (int n : sizes) {
            for (Object[] c : new Object[][] {{LinkStyle.VCS, true}, {LinkStyle.VCS, false},
                    {LinkStyle.RELEASE, false}}) {
                row(n, releases, (LinkStyle) c[0], (Boolean) c[1]);
            }
        }
    }

    private static void row(int n, int releases, LinkStyle style, boolean graphql) throws IOException {
        Path cache = Files.createTempDirectory("gitpypi-cost");
        try (FakeGitHub gh = FakeGitHub.start()) {
            String token = FakeGitHub.randomToken("ghp");
            gh.token(token, "octocat");
            Organizations.pythonPackages(gh, "acme", n, releases);
            GitHubSource source = GitHubSource.organization("acme").apiUrl(gh.apiUrl()).token(() -> token)
                    .cacheDir(cache).clock(gh.clock()).sleeper(d -> { }).linkStyle(style).useGraphql(graphql)
                    .build();
            ApiUsage first;
            try {
                first = measure(gh, source);
            } catch (dev.gitpypi.github.GitHubApiException e) {
                System.out.printf(Locale.ROOT, "| %d | %s | %s | more than the 5,000 an hour GitHub allows (%s) | |"
                        + " | |%n", n, style.value(), graphql ? "GraphQL + REST" : "REST", e.getMessage());
                return;
            }
            ApiUsage same = measure(gh, source);
            gh.advance(Duration.ofMinutes(1));
            FakeGitHub.Repo one = gh.organization("acme").repository("lib-0001");
            one.tag("v9.0", Map.of("pyproject.toml", "[project]\nname = \"lib-0001\"\nversion = \"9.0\"\n"));
            one.release("v9.0").asset("lib_0001-9.0-py3-none-any.whl", new byte[] {9}, true);
            ApiUsage changed = measure(gh, source);
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %d / %d | %d / %d | %d / %d | %.1f |%n", n,
                    style.value(), graphql ? "GraphQL + REST" : "REST", first.requests(), first.points(),
                    same.requests(), same.points(), changed.requests(), changed.points(),
                    first.points() * 100.0 / n);
        } finally {
            try (var files = Files.walk(cache)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static ApiUsage measure(FakeGitHub gh, GitHubSource source) throws IOException {
        gh.resetCounters();
        GitHubResult r = source.readWithUsage();
        ApiUsage u = r.usage();
        if (u.points() != gh.restPoints() + gh.graphqlPoints() || !gh.graphqlProblems().isEmpty()) {
            throw new IllegalStateException("the source counted " + u + ", the stand-in " + gh.restPoints()
                    + " REST and " + gh.graphqlPoints() + " GraphQL points; " + gh.graphqlProblems());
        }
        return u;
    }
}
