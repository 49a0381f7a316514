package dev.polis.mindsearch.fetch;

/**
 * A page read by the {@link PageFetcher}.
 *
 * @param url       the URL asked for
 * @param finalUrl  where the page was read, after redirects
 * @param title     its title ({@code <title>}, else the first {@code <h1>}, else empty)
 * @param text      its readable text, cut to the fetcher's character limit
 * @param truncated whether the page was longer than the byte limit (the rest was not read) or the text longer than
 *                  the character limit
 */
public record FetchedPage(String url, String finalUrl, String title, String text, boolean truncated) {
}
