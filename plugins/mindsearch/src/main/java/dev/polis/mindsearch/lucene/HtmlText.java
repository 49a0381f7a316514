package dev.polis.mindsearch.lucene;

import dev.polis.mindsearch.fetch.ReadableText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns HTML files into the text {@code polis index} indexes: scripts, styles, navigation and forms removed (headers,
 * footers and asides kept: a local file's are part of its content), then {@link ReadableText#blockText}.
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
        return new Extracted(title, ReadableText.blockText(doc.body()));
    }
}
