package dev.gitpypi.testing.github;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Made-up organisations for cost tests and benchmarks: every repository is a Python project with a handful of
 * tagged releases, each release carrying a wheel (with a digest) and, every other one, an sdist (without one, as
 * assets uploaded before June 2025 are).
 */
public final class Organizations {
    private Organizations() {
    }

    /**
     * Fills an organisation.
     *
     * @param gh the stand-in
     * @param login the organisation's login
     * @param repositories how many repositories ({@code lib-0000} …)
     * @param releases how many tags and releases each ({@code v1.0} …)
     * @return the organisation
     */
    public static FakeGitHub.Owner pythonPackages(FakeGitHub gh, String login, int repositories, int releases) {
        FakeGitHub.Owner org = gh.organization(login);
        for (int i = 0; i < repositories; i++) {
            String name = String.format(Locale.ROOT, "lib-%04d", i);
            FakeGitHub.Repo repo = org.repository(name).topics("python");
            for (int v = 0; v < releases; v++) {
                String version = "1." + v;
                repo.tag("v" + version, Map.of("pyproject.toml", "[project]\nname = \"" + name + "\"\nversion = \""
                        + version + "\"\nrequires-python = \">=3.9\"\ndependencies = [\"requests>=2\"]\n"));
                FakeGitHub.Release r = repo.release("v" + version);
                String stem = name.replace('-', '_') + "-" + version;
                r.asset(stem + "-py3-none-any.whl", (stem + " wheel").getBytes(StandardCharsets.UTF_8), true);
                if (v % 2 == 0) {
                    r.asset(stem + ".tar.gz", (stem + " sdist").getBytes(StandardCharsets.UTF_8), false);
                }
            }
        }
        return org;
    }
}
