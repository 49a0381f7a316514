package dev.polis.mindsearch.lucene;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns HTML into readable text with jsoup: scripts, styles, navigation and forms removed, one paragraph per block
 * element, whitespace collapsed.
 */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * The title and text of an HTML page.
     *
     * @param title the {@code <title>}, else the first {@code <h1>}, else empty
     * @param text  the readable text, paragraphs separated by blank lines
     */
    record Extracted(String title, String text) { }

    static Extracted extract(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template, nav, form, svg, iframe, head > *:not(title)").remove();
        String title = doc.title().strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    out.append(e.nameIs("br") ? "\n" : "\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append("\n\n");
                }
            }
        }, doc.body());
        return new Extracted(title, Paragraphs.normalise(out.toString()));
    }
}
