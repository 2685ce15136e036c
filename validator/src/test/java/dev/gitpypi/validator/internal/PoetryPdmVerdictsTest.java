package dev.gitpypi.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Python;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of poetry's and pdm's file-name rules, against the Python they are read from. */
class PoetryPdmVerdictsTest {
    private static final List<String> NAMES = List.of("demo-1.0.tar.gz", "demo-1.0.TAR.GZ", "demo-1.0.tgz",
            "demo-1.0.tar", "demo-1.0.tar.Z", "demo-1.0-py3-none-any.whl", "demo-2.0", "demo", ".hidden", "..x",
            "a..tar.gz", ".tar.gz", "r.git@v1.0", "demo-1.0.tar.bz2", "x.tar", "tar.gz", "demo-1.0.zip", "a.b.c",
            "demo-1.0.tar.lzma", "");

    @Test
    void splitextIsPoetryCoresAndUnearths() {
        // poetry-core utils.splitext and unearth utils.splitext: posixpath.splitext, then .tar kept with the extension
        List<String> python = Python.mapLines("""
                import json, posixpath, sys
                for line in sys.stdin:
                    name = line.rstrip("\\n")
                    base, ext = posixpath.splitext(name)
                    if base.lower().endswith(".tar"):
                        ext = base[-4:] + ext
                        base = base[:-4]
                    print(json.dumps([base, ext]))
                    sys.stdout.flush()
                """, NAMES);
        for (int i = 0; i < NAMES.size(); i++) {
            String[] java = PoetryPdmVerdicts.splitext(NAMES.get(i));
            assertThat("[\"" + java[0] + "\", \"" + java[1] + "\"]").as(NAMES.get(i)).isEqualTo(python.get(i));
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "demo-2.0,demo,2.0",
        "demo_2.0,demo,2.0",
        "Demo.Pkg-2.0,demo-pkg,2.0",
        "demo-pkg-2.0,demo-pkg,2.0",
        "demo-pkg_2.0,demo-pkg,2.0",
        "demo2.0,demo,NULL",
        "other-2.0,demo,NULL",
        "demo-,demo,''",
    })
    void versionFollowsTheFirstPrefixThatIsTheProject(String info, String project, String version) {
        // unearth evaluator.parse_version_from_egg_info
        assertThat(PoetryPdmVerdicts.versionAfterName(info, project)).isEqualTo(version);
    }
}
