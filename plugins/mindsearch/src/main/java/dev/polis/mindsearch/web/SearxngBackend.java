package dev.polis.mindsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.mindsearch.fetch.PageFetcher;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches a SearXNG server through its JSON API: {@code GET <url>/search?q=...&format=json} (with {@code engines},
 * {@code categories}, {@code language} and {@code safesearch} when set), reading {@code results[]} ({@code url},
 * {@code title}, {@code content}) in the server's order. The server must allow the JSON format ({@code search.formats}
 * in its {@code settings.yml}); otherwise it answers 403.
 */
final class SearxngBackend extends WebBackend {

    private final URI search;
    private final Map<String, String> parameters;
    private final JsonGet http;

    SearxngBackend(URI base, Map<String, String> parameters, Duration timeout, PageFetcher pages,
                   int concurrency) {
        super(pages, concurrency);
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        this.search = base.resolve(path.endsWith("/search") ? path : path + "/search");
        this.parameters = new LinkedHashMap<>(parameters);
        this.http = new JsonGet("the SearXNG server", timeout);
    }

    /** Returns the search endpoint asked. */
    URI endpoint() {
        return search;
    }

    @Override
    List<WebResult> query(String query, int limit) {
        StringBuilder url = new StringBuilder(search.toString()).append("?q=").append(encode(query))
                .append("&format=json");
        parameters.forEach((k, v) -> url.append('&').append(k).append('=').append(encode(v)));
        JsonNode answer = http.get(URI.create(url.toString()), Map.of(), status -> status == 403
                ? "the server does not allow the JSON format; add 'json' to search.formats in its settings.yml"
                : status == 429 ? "the server's limiter refused the request; raise its limits or search less often"
                : null);
        JsonNode results = answer.get("results");
        if (results == null || !results.isArray()) {
            throw new SearchUnavailableException("the SearXNG server's answer has no 'results' list: is " + search
                    + " a SearXNG server? (setting url)");
        }
        List<WebResult> out = new ArrayList<>();
        for (JsonNode result : results) {
            String link = result.path("url").asText("");
            if (!link.isBlank()) {
                out.add(new WebResult(link.strip(), result.path("title").asText("").strip(),
                        result.path("content").asText("").strip()));
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    void closeClient() {
        http.close();
    }
}
