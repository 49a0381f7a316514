/**
 * Page fetching for web search results: bounded HTTP reads (timeouts, a size limit, redirects, content types) and
 * readable text extracted with jsoup.
 */
package dev.polis.mindsearch.fetch;
