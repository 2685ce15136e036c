package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.CoreMetadata.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreMetadataTest {
    @Test
    void writesTheSpecificationsFieldOrderWithTheDescriptionAsBody() {
        CoreMetadata m = CoreMetadata.builder("Hello_World", "1.2.0")
                .set(Field.SUMMARY, "Says hello")
                .set(Field.REQUIRES_PYTHON, ">=3.8")
                .add(Field.REQUIRES_DIST, "world>=1.0")
                .add(Field.REQUIRES_DIST, "rich; extra == \"pretty\"")
                .add(Field.PROVIDES_EXTRA, "pretty")
                .set(Field.LICENSE_EXPRESSION, "MIT")
                .add(Field.LICENSE_FILE, "LICENSE")
                .add(Field.CLASSIFIER, "Programming Language :: Python :: 3")
                .projectUrl("Source", "https://example.org/hello")
                .add(Field.KEYWORDS, "greeting").add(Field.KEYWORDS, "demo")
                .set(Field.DESCRIPTION_CONTENT_TYPE, "text/markdown")
                .set(Field.DESCRIPTION, "# Hello\n\nSays hello.\n")
                .add(Field.DYNAMIC, "Classifier")
                .build();
        assertThat(m.toText()).isEqualTo("""
                Metadata-Version: 2.4
                Name: Hello_World
                Version: 1.2.0
                Dynamic: Classifier
                Summary: Says hello
                Description-Content-Type: text/markdown
                Keywords: greeting,demo
                License-Expression: MIT
                License-File: LICENSE
                Classifier: Programming Language :: Python :: 3
                Requires-Dist: world>=1.0
                Requires-Dist: rich; extra == "pretty"
                Requires-Python: >=3.8
                Project-URL: Source, https://example.org/hello
                Provides-Extra: pretty

                # Hello

                Says hello.
                """);
        assertThat(CoreMetadata.parse(m.toBytes())).isEqualTo(m);
        assertThat(m.keywords()).containsExactly("greeting", "demo");
        assertThat(m.projectUrls()).containsExactly(Map.entry("Source", "https://example.org/hello"));
    }

    @Test
    void metadataVersionIsTheLowestThatHasEveryFieldAndAtLeast22() {
        assertThat(CoreMetadata.builder("a", "1").build().metadataVersion()).contains("2.2");
        assertThat(CoreMetadata.builder("a", "1").set(Field.DESCRIPTION_CONTENT_TYPE, "text/plain").build()
                .metadataVersion()).contains("2.2");
        assertThat(CoreMetadata.builder("a", "1").set(Field.LICENSE_EXPRESSION, "MIT").build().metadataVersion())
                .contains("2.4");
        assertThat(CoreMetadata.builder("a", "1").add(Field.IMPORT_NAME, "a").build().metadataVersion())
                .contains("2.5");
        assertThat(CoreMetadata.builder("a", "1").metadataVersion("2.1").set(Field.LICENSE_EXPRESSION, "MIT")
                .build().metadataVersion()).as("explicit wins").contains("2.1");
        CoreMetadata computed = CoreMetadata.builder("a", "1").build();
        assertThat(computed.toBuilder().set(Field.LICENSE_EXPRESSION, "MIT").build().metadataVersion())
                .as("toBuilder keeps the version it had").contains("2.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n"})
    void noValueCanStartAHeaderOfItsOwn(String newline) {
        CoreMetadata m = CoreMetadata.builder("good", "1.0")
                .set(Field.SUMMARY, "innocent" + newline + "Name: evil" + newline + newline + "body")
                .add(Field.CLASSIFIER, "x" + newline + "Version: 666")
                .build();
        CoreMetadata read = CoreMetadata.parse(m.toBytes());
        assertThat(read.name()).contains("good");
        assertThat(read.version()).contains("1.0");
        assertThat(read.description()).isEmpty();
        assertThat(read.summary()).contains("innocent\n        Name: evil\n        \n        body");
        assertThat(read.unparsed()).isEmpty();
    }

    @Test
    void readsAsPythonsEmailParserDoes() {
        CoreMetadata m = CoreMetadata.parse("""
                Metadata-Version: 2.1
                name: a
                VERSION: 1
                License: line1
                        line2
                Summary:   spaced \s
                Keywords: a, b ,c
                Project-URL: Home, https://x
                Project-URL: Bad
                X-Unknown: 1

                Body text
                """);
        assertThat(m.name()).contains("a");
        assertThat(m.version()).contains("1");
        assertThat(m.license()).contains("line1\n        line2");
        assertThat(m.summary()).contains("spaced  ");
        assertThat(m.keywords()).containsExactly("a", "b", "c");
        assertThat(m.projectUrls()).containsExactly(Map.entry("Home", "https://x"), Map.entry("Bad", ""));
        assertThat(m.description()).contains("Body text\n");
        assertThat(m.unparsed()).containsExactly(Map.entry("x-unknown", List.of("1")));
    }

    @Test
    void whatCannotBeUsedIsKeptAsUnparsed() {
        CoreMetadata twice = CoreMetadata.parse("Name: a\nName: b\nDescription: d\n\nbody");
        assertThat(twice.name()).isEmpty();
        assertThat(twice.description()).isEmpty();
        assertThat(twice.unparsed()).containsEntry("name", List.of("a", "b"))
                .containsEntry("description", List.of("d", "body"));
        CoreMetadata latin1 = CoreMetadata.parse(new byte[] {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xe9, '\n'});
        assertThat(latin1.name()).isEmpty();
        assertThat(latin1.unparsed()).containsEntry("name", List.of("é"));
        assertThat(CoreMetadata.parse("No header at all\n").description()).contains("No header at all\n");
        assertThat(CoreMetadata.parse(new byte[0])).isEqualTo(CoreMetadata.parse(""));
    }

    @Test
    void fieldsAreAskedForByTheirKind() {
        CoreMetadata m = CoreMetadata.parse("Name: a\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> m.get(Field.CLASSIFIER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Classifier");
        assertThatThrownBy(() -> m.getAll(Field.NAME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoreMetadata.builder("a", "1").set(Field.CLASSIFIER, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Field.byName("REQUIRES-dist")).contains(Field.REQUIRES_DIST);
        assertThat(Field.byName("nope")).isEmpty();
    }

    @Test
    void emptyImportNameMeansNoneAndIsWrittenSo() {
        CoreMetadata none = CoreMetadata.builder("a", "1").setAll(Field.IMPORT_NAME, List.of()).build();
        assertThat(none.has(Field.IMPORT_NAME)).isTrue();
        assertThat(none.toText()).contains("Import-Name: \n");
        assertThat(CoreMetadata.parse(none.toText())).isEqualTo(none);
        assertThat(none.toBuilder().remove(Field.IMPORT_NAME).build().has(Field.IMPORT_NAME)).isFalse();
    }

    @Test
    void distributionsCarryTheirReleasesMetadata() {
        CoreMetadata m = CoreMetadata.builder("a", "1.0").set(Field.SUMMARY, "s").build();
        Distribution d = Distribution.builder("a-1.0.tar.gz", "a-1.0.tar.gz").metadata(m).build();
        assertThat(d.metadata()).contains(m);
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThat(d.toBuilder().metadata(null).build()).isNotEqualTo(d);
    }
}
