package dev.polis.mindsearch.web;

import dev.polis.api.Settings;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.mindsearch.fetch.FetchLimits;
import dev.polis.mindsearch.fetch.PageFetcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Opens {@code search.searxng} backends: a SearXNG server's JSON API. Settings: {@code url} (required, the server's
 * base URL), {@code engines}, {@code categories} (comma-separated or lists), {@code language}, {@code safesearch}
 * (0, 1, 2), {@code timeout} (seconds per search, default 10), {@code concurrency} (requests at once, default 4)
 * and the page-reading limits of {@link FetchLimits}.
 */
@Extension
public final class SearxngBackendProvider implements SearchBackendProvider {

    /** The extension id. */
    public static final String ID = "search.searxng";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("web", "no-key");
    }

    @Override
    public String description() {
        return "a SearXNG metasearch server's JSON API (setting url); pages read over HTTP";
    }

    @Override
    public SearchBackend open(SearchBackendContext context) {
        Settings settings = context.settings();
        var base = WebSettings.url(settings, ID, "url", null, "http://127.0.0.1:8888 (a SearXNG server with"
                + " 'json' in search.formats)");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : new String[] {"engines", "categories", "language", "safesearch"}) {
            String value = WebSettings.joined(settings, key);
            if (!value.isEmpty()) {
                parameters.put(key, value);
            }
        }
        return new SearxngBackend(base, parameters, WebSettings.seconds(settings, ID, "timeout", 10),
                new PageFetcher(FetchLimits.from(settings, ID, FetchLimits.DEFAULTS.maxChars())),
                WebSettings.count(settings, ID, "concurrency", 4));
    }
}
