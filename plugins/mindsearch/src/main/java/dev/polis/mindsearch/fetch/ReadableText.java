package dev.polis.mindsearch.fetch;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a web page into readable text with jsoup: scripts, styles, navigation, headers and footers, asides and forms
 * dropped; the main content ({@code <main>}, {@code <article>} or {@code role=main}) when the page marks it, else the
 * body; one paragraph per block element, whitespace collapsed.
 */
public final class ReadableText {

    private static final String DROPPED = "script, style, noscript, template, nav, footer, header, aside, form, svg,"
            + " iframe, button, [role=navigation], [role=contentinfo], [role=banner], [aria-hidden=true]";

    private ReadableText() {
    }

    /**
     * The title and text of a page.
     *
     * @param title the title, or empty
     * @param text  the readable text, paragraphs separated by blank lines
     */
    public record Extracted(String title, String text) { }

    /** Extracts the title and readable text of {@code document}. */
    public static Extracted of(Document document) {
        String title = document.title().strip();
        Element body = document.body();
        body.select(DROPPED).remove();
        if (title.isEmpty()) {
            Element h1 = body.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        Element main = body.selectFirst("main, article, [role=main]");
        return new Extracted(title, blockText(main == null ? body : main));
    }

    /** Extracts the title and readable text of an HTML string. */
    public static Extracted ofHtml(String html, String baseUri) {
        return of(Jsoup.parse(html, baseUri));
    }

    /** Returns {@code text} cut to at most {@code maxChars} characters, at a word boundary where one is near. */
    public static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        int space = text.lastIndexOf(' ', end);
        if (space > maxChars - 40 && space > 0) {
            end = space;
        }
        return text.substring(0, end).strip();
    }

    /**
     * Returns the text under {@code root}: one paragraph per block element (a line break per {@code <br>}),
     * whitespace collapsed, paragraphs separated by one blank line. Nothing is removed first.
     */
    public static String blockText(Element root) {
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
        }, root);
        return normalise(out.toString());
    }

    /** Collapses whitespace inside paragraphs and separates paragraphs by one blank line. */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder();
        for (String p : text.replace("\r", "").split("\n\\s*\n")) {
            String clean = p.replaceAll("[ \\t\\x0B\\f\\u00A0]+", " ").replaceAll(" ?\n ?", "\n").strip();
            if (!clean.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(clean);
            }
        }
        return out.toString();
    }
}
