package dev.gitpypi.git.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommitMessageTest {
    private static SiteChanges changes(List<SiteChanges.ProjectVersions> added, List<SiteChanges.Yank> yanked) {
        return new SiteChanges(added, List.of(), List.of(), List.of(), yanked, List.of(), 10, 0, 0);
    }

    @Test
    void aLargeFirstPublishIsListedWithinBounds() {
        List<SiteChanges.ProjectVersions> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new SiteChanges.ProjectVersions("p" + i, IntStream.range(0, 40).mapToObj(v -> "1." + v)
                    .toList()));
        }
        String m = CommitMessage.of(null, changes(many, List.of()), s -> s);

        assertThat(m).startsWith("Publish the package index: 250 projects added, 10000 versions added\n\n"
                + "Added project p0: 1.10, 1.11, ");
        assertThat(m.lines().filter(l -> l.startsWith("Added project"))).hasSize(CommitMessage.MAX_LINES);
        assertThat(m).contains("1.39 (and 10 older)\n", "... and 50 more changes\n");
        assertThat(m).endsWith("\nFiles: 10 added, 0 modified, 0 removed.\n");
    }

    @Test
    void textFromPagesCannotForgeLinesOrHideCharacters() {
        String reason = "broken\n\nSigned-off-by: mallory\u0000\u202e\tx" + "y".repeat(500);
        String m = CommitMessage.of("Subject\u0007 line\nsecond line", changes(List.of(), List.of(
                new SiteChanges.Yank("a", "a-1.0.tar.gz\r\nFake: trailer", "1.0", reason))), s -> s);

        assertThat(m).startsWith("Subject line\nsecond line\n\nPublish the package index: 1 file yanked\n\n");
        assertThat(m).contains("Yanked a-1.0.tar.gz  Fake: trailer (a 1.0): broken  Signed-off-by: mallory xyyy");
        assertThat(m.lines().filter(l -> l.startsWith("Signed-off-by"))).isEmpty();
        assertThat(m).doesNotContain("\u0000", "\u202e", "\u0007", "\r").contains("y...");
    }

    @Test
    void theRedactionSeesTheWholeMessage() {
        String m = CommitMessage.of("token abc", SiteChanges.none(), s -> s.replace("abc", "***"));
        assertThat(m).startsWith("token ***\n\nPublish the package index: no change\n");
    }
}
