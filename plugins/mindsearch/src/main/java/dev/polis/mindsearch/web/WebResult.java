package dev.polis.mindsearch.web;

/**
 * One result of one web query, in the API's rank order.
 *
 * @param url     the page's address
 * @param title   its title, plain text
 * @param snippet the API's excerpt, plain text
 */
record WebResult(String url, String title, String snippet) {
}
