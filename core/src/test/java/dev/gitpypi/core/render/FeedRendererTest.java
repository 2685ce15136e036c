package dev.gitpypi.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The release feed parses as XML and holds what RFC 4287 requires: {@code atom:feed} with exactly one
 * {@code atom:id} (an absolute IRI), {@code atom:title}, {@code atom:updated} (an RFC 3339 date-time) and an
 * {@code atom:author} (no entry has its own); each {@code atom:entry} with exactly one {@code atom:id},
 * {@code atom:title} and {@code atom:updated}, and an {@code alternate} link since it has no {@code atom:content};
 * ids unique; entries newest first.
 */
class FeedRendererTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @ParameterizedTest
    @ValueSource(strings = {"", "https://example.github.io/python-index/"})
    void theFeedParsesAndHasEveryElementRfc4287Requires(String base) throws Exception {
        List<Project> all = new ArrayList<>(Fixtures.all());
        all.add(Fixtures.people());
        String xml = FeedRenderer.of("Example <packages> & \u0001co", base.isEmpty() ? null : base)
                .render(Index.of(all));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(
                StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(URI.create(only(feed, "id").getTextContent()).isAbsolute()).isTrue();
        assertThat(only(feed, "title").getTextContent()).isEqualTo("Example <packages> & \uFFFDco");
        OffsetDateTime updated = OffsetDateTime.parse(only(feed, "updated").getTextContent());
        assertThat(only(only(feed, "author"), "name").getTextContent()).isNotBlank();

        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(6); // every dated release of the fixtures: 5 of hello-world, 1 of foo-bar
        Set<String> ids = new HashSet<>();
        OffsetDateTime previous = null;
        for (Element entry : entries) {
            String id = only(entry, "id").getTextContent();
            assertThat(URI.create(id).isAbsolute()).as(id).isTrue();
            assertThat(ids.add(id)).as("unique %s", id).isTrue();
            assertThat(only(entry, "title").getTextContent()).isNotBlank();
            OffsetDateTime when = OffsetDateTime.parse(only(entry, "updated").getTextContent());
            assertThat(when).isBeforeOrEqualTo(updated);
            if (previous != null) {
                assertThat(when).as("newest first").isBeforeOrEqualTo(previous);
            }
            previous = when;
            assertThat(children(entry, "content")).isEmpty();
            assertThat(children(entry, "link")).anySatisfy(l -> assertThat(l.getAttribute("rel"))
                    .isEqualTo("alternate"));
            if (!base.isEmpty()) {
                assertThat(id).startsWith(base + "project/");
            }
        }
        assertThat(only(entries.get(0), "title").getTextContent()).isEqualTo("Hello.World 2.1.dev3");
        assertThat(entries).anySatisfy(e -> assertThat(only(e, "title").getTextContent())
                .isEqualTo("Hello.World 0.9 (yanked)"));
    }

    @org.junit.jupiter.api.Test
    void anEmptyFeedIsStillValidAndDeterministic() throws Exception {
        String xml = FeedRenderer.of("t", null).render(Index.empty());
        assertThat(xml).contains("<updated>1970-01-01T00:00:00Z</updated>").doesNotContain("<entry>");
        assertThat(FeedRenderer.of("t", null).render(Index.empty())).isEqualTo(xml);
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("exactly one atom:%s in atom:%s", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
