package dev.polis.mindsearch.lucene;

/**
 * A document of a corpus folder, as text.
 *
 * @param id    its path relative to the corpus folder, with {@code /} separators: the id hits and pages carry
 * @param url   {@code local://<corpus>/<id>}
 * @param title its title: a Markdown heading, the HTML title, a short first line, else the file name
 * @param text  its readable text, paragraphs separated by blank lines
 */
public record SourceDocument(String id, String url, String title, String text) {
}
