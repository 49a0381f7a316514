package dev.polis.mindsearch.cite;

/**
 * A document a searcher cited.
 *
 * @param key     what identifies it across nodes: the backend's hit id, else its URL
 * @param url     where it lives
 * @param title   its title
 * @param snippet the excerpt the search showed
 * @param node    the first node that cited it
 */
public record Source(String key, String url, String title, String snippet, String node) {
}
