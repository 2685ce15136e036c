package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git options of {@code gitpypi build}, run as a user runs them: the jar as a separate process, in a working
 * folder, with relative paths — names from metadata or {@code --project} (also per repository in
 * {@code gitpypi.toml}), yanking, skipped tags summarized ({@code -v} lists them), an empty result that does not
 * replace a site, and a folder that is not a repository.
 */
class GitOptionsIT {
    @TempDir
    Path tmp;

    private void git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessResult r = Processes.run(dir, env -> {
            env.keySet().removeIf(k -> k.startsWith("GIT_"));
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            env.put("GIT_AUTHOR_NAME", "T");
            env.put("GIT_AUTHOR_EMAIL", "t@example.invalid");
            env.put("GIT_COMMITTER_NAME", "T");
            env.put("GIT_COMMITTER_EMAIL", "t@example.invalid");
        }, 60, cmd);
        assertThat(r.ok()).as(r.output()).isTrue();
    }

    /** A repository whose setup.py computes its name: nothing static says it. */
    private Path computedName() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("tool-repo"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("setup.py"), "import setuptools, about\nsetuptools.setup(name=about.NAME"
                + ".lower(), python_requires='>=3.8')\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "one");
        git(repo, "tag", "v1.0");
        Files.writeString(repo.resolve("README"), "two");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "two");
        git(repo, "tag", "v1.1");
        for (String t : List.of("latest", "nightly", "stable", "docs-2024", "old", "wip")) {
            git(repo, "tag", t);
        }
        return repo;
    }

    @Test
    void theNameComesFromTheUserWhenTheMetadataCannotSayIt() throws Exception {
        computedName();
        ProcessResult unknown = Cli.run(tmp, "build", "--git", "tool-repo", "--out", "site");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(1);
        assertThat(unknown.output()).contains("tag \"v1.0\": the project name is not known: setup.py passes setup()"
                + " a name that is computed when it runs. Name it with --project NAME");

        ProcessResult named = Cli.run(tmp, "build", "--git", "tool-repo", "--out", "site", "--project", "My_Tool",
                "--yank", "my-tool==1.0:do not use", "--yank", "nope==9.0");
        assertThat(named.exitCode()).as(named.output()).isZero();
        String page = Files.readString(tmp.resolve("site/simple/my-tool/index.html"));
        assertThat(page).contains("@v1.0#egg=my-tool-1.0\" data-requires-python=\"&gt;=3.8\" data-yanked=\"do not"
                + " use\"", "@v1.1#egg=my-tool-1.1\" data-requires-python=\"&gt;=3.8\">");
        assertThat(named.output()).contains("warning: yank nope==9.0: no source has this release; nothing yanked",
                "6 of 8 tags do not match the tag pattern", "(\"docs-2024\", \"latest\", \"nightly\", \"old\","
                        + " \"stable\", … (-v lists them all))")
                .doesNotContain("tag \"wip\" does not match");
        ProcessResult verbose = Cli.run(tmp, "build", "--git", "tool-repo", "--out", "site", "--project", "My_Tool",
                "-v");
        assertThat(verbose.output()).contains("tag \"wip\" does not match the tag pattern; skipped");

        Files.writeString(tmp.resolve("gitpypi.toml"), String.join("\n",
                "out = \"site-from-config\"",
                "git = [{ url = \"tool-repo\", project = \"my-tool\" }]",
                "[yanked]",
                "my-tool = { \"1.1.0\" = \"superseded\" }",
                ""));
        ProcessResult config = Cli.run(tmp, "build");
        assertThat(config.exitCode()).as(config.output()).isZero();
        assertThat(Files.readString(tmp.resolve("site-from-config/simple/my-tool/index.json")))
                .contains("\"yanked\":\"superseded\"");
    }

    @Test
    void anEmptyResultDoesNotReplaceASiteWithProjects() throws Exception {
        Path repo = computedName();
        assertThat(Cli.run(tmp, "build", "--git", "tool-repo", "--out", "site", "--project", "my-tool").exitCode())
                .isZero();
        byte[] before = Files.readAllBytes(tmp.resolve("site/simple/index.html"));
        git(repo, "tag", "-d", "v1.0");
        git(repo, "tag", "-d", "v1.1");
        ProcessResult empty = Cli.run(tmp, "build", "--git", "tool-repo", "--out", "site", "--project", "my-tool");
        assertThat(empty.exitCode()).as(empty.output()).isEqualTo(1);
        assertThat(empty.output()).contains("no tag of the repository names a version", "error: nothing to publish:");
        assertThat(Files.readAllBytes(tmp.resolve("site/simple/index.html"))).isEqualTo(before);
        assertThat(tmp.resolve("site/simple/my-tool/index.html")).exists();

        ProcessResult forced = Cli.run(tmp, "build", "--git", "tool-repo", "--out", "site", "--project", "my-tool",
                "--allow-empty");
        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(tmp.resolve("site/simple/my-tool")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotARepositoryIsBadInput() throws Exception {
        Files.createDirectories(tmp.resolve("plain"));
        ProcessResult r = Cli.run(tmp, "build", "--git", "plain", "--out", "site");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
        assertThat(r.output()).contains("gitpypi: not a git repository: \"plain\"").doesNotContain("\tat ");
        ProcessResult badYank = Cli.run(tmp, "build", "--git", "plain", "--out", "site", "--yank", "x=1.0");
        assertThat(badYank.exitCode()).isEqualTo(2);
        assertThat(badYank.output()).contains("invalid --yank \"x=1.0\": expected NAME==VERSION[:REASON]");
        ProcessResult renamed = Cli.run(tmp, "build", "--git", "plain", "--out", "site", "--pin-commit");
        assertThat(renamed.exitCode()).isEqualTo(2);
        assertThat(renamed.output()).contains("--pin-commit");
    }
}
