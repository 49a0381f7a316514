package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Keeps polis-bom's versions equal to the ones the build (and so the distribution) uses. */
class BomVersionsTest {

    private static final Path ROOT = Path.of("..", "..");
    private static final List<String> SHARED = List.of("pf4j.version", "guice.version", "guava.version",
            "jackson.version", "picocli.version", "slf4j.version");

    @Test
    void theBomPinsTheLibraryVersionsTheHostIsBuiltWith() throws Exception {
        Map<String, String> build = properties(ROOT.resolve("pom.xml"));
        Map<String, String> bom = properties(ROOT.resolve("distribution/bom/pom.xml"));
        for (String name : SHARED) {
            assertThat(bom.get(name)).as("%s in distribution/bom/pom.xml", name).isEqualTo(build.get(name));
        }
    }

    @Test
    void theBomNamesThisPolisVersion() throws Exception {
        String version = text(ROOT.resolve("pom.xml"), "version");
        assertThat(properties(ROOT.resolve("distribution/bom/pom.xml")).get("polis.version")).isEqualTo(version);
        assertThat(text(ROOT.resolve("distribution/bom/pom.xml"), "version")).isEqualTo(version);
    }

    private static Map<String, String> properties(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        Map<String, String> values = new LinkedHashMap<>();
        NodeList blocks = project.getElementsByTagName("properties");
        NodeList children = blocks.item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element) {
                values.put(element.getTagName(), element.getTextContent().trim());
            }
        }
        return values;
    }

    /** Returns the text of the project's own {@code <tag>} (a direct child, not a parent's or a dependency's). */
    private static String text(Path pom, String tag) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        throw new AssertionError(pom + " has no <" + tag + ">");
    }
}
