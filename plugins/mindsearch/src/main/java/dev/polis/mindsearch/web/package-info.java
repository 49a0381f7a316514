/**
 * Web search backends: {@code search.searxng} (a SearXNG server's JSON API) and {@code search.brave} (the Brave
 * Search API, keyed), with their pages read by the {@link dev.polis.mindsearch.fetch.PageFetcher}.
 */
package dev.polis.mindsearch.web;
