package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ProjectScreen}: what it leaves out, and that its errors keep the index's order (it screens in parallel). */
class ProjectScreenTest {
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5".repeat(4).substring(0, 36);

    @Test
    void anIndexWithNothingToLeaveOutIsReturnedAsItIs() {
        Index index = Index.of(List.of(project("alpha", "alpha-1.0.tar.gz", null),
                project("beta", "beta-2.0-py3-none-any.whl", null)));
        ProjectScreen.Result r = ProjectScreen.screen("list", index);
        assertThat(r.index()).isSameAs(index);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void errorsComeInTheIndexsOrderWhateverThreadScreenedEachProject() {
        List<Project> projects = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String name = String.format("p%04d", i);
            if (i % 97 == 5) {
                String longName = name + "x".repeat(ProjectScreen.MAX_NAME);
                projects.add(project(longName, longName + "-1.0.tar.gz", null));
                expected.add("project name \"" + name + "xxx");
            } else if (i % 7 == 3) {
                // one of two files carries a token: the project stays with the other one
                projects.add(Project.builder(ProjectName.of(name))
                        .add(file(name + "-1.0.tar.gz", null))
                        .add(file(name + "-2.0.tar.gz", "leaked " + TOKEN)).build());
                expected.add("file \"" + name + "-2.0.tar.gz\" of project \"" + name + "\" holds text shaped like");
                kept.add(name);
            } else if (i % 11 == 4) {
                // its only file carries a token: the project is left out
                projects.add(project(name, name + "-1.0.tar.gz", TOKEN));
                expected.add("file \"" + name + "-1.0.tar.gz\" of project \"" + name + "\" holds text shaped like");
            } else {
                projects.add(project(name, name + "-1.0.tar.gz", null));
                kept.add(name);
            }
        }
        ProjectScreen.Result r = ProjectScreen.screen("list", Index.of(projects));

        assertThat(r.problems()).extracting(Problem::location).allMatch(l -> l.startsWith("list"));
        assertThat(r.problems()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(r.problems().get(i).message()).startsWith(expected.get(i)).doesNotContain(TOKEN);
        }
        assertThat(r.index().projects().keySet()).containsExactlyElementsOf(kept);
        assertThat(r.index().project("p0003").orElseThrow().distributions()).extracting(Distribution::filename)
                .containsExactly("p0003-1.0.tar.gz");
    }

    private static Project project(String name, String file, String yanked) {
        return Project.builder(ProjectName.of(name)).add(file(file, yanked)).build();
    }

    private static Distribution file(String file, String yanked) {
        Distribution.Builder b = Distribution.builder("https://files.example/" + file, file);
        if (yanked != null) {
            b.yanked(yanked);
        }
        return b.build();
    }
}
