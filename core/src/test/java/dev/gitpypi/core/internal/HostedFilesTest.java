package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.ProjectName;
import org.junit.jupiter.api.Test;

class HostedFilesTest {
    @Test
    void hostedFileUrlEncodesPlus() {
        assertThat(HostedFiles.url(ProjectName.of("Foo.Bar"), "foo_bar-1.0+local-py3-none-any.whl"))
                .isEqualTo("../../files/foo-bar/foo_bar-1.0%2Blocal-py3-none-any.whl");
    }
}
