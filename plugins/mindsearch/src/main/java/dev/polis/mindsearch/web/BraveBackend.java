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
import org.jsoup.Jsoup;

/**
 * Searches the Brave Search API: {@code GET <url>?q=...&count=n} with the key in header {@code X-Subscription-Token},
 * reading {@code web.results[]} ({@code title}, {@code url}, {@code description}; their {@code <strong>} marks
 * removed). At most 20 results per query, the API's limit.
 */
final class BraveBackend extends WebBackend {

    /** The API's largest {@code count}. */
    static final int MAX_COUNT = 20;

    private final URI endpoint;
    private final String key;
    private final Map<String, String> parameters;
    private final JsonGet http;

    BraveBackend(URI endpoint, String key, Map<String, String> parameters, Duration timeout, PageFetcher pages,
                 int concurrency) {
        super(pages, concurrency);
        this.endpoint = endpoint;
        this.key = key;
        this.parameters = new LinkedHashMap<>(parameters);
        this.http = new JsonGet("the Brave Search API", timeout);
    }

    @Override
    List<WebResult> query(String query, int limit) {
        StringBuilder url = new StringBuilder(endpoint.toString()).append(endpoint.getQuery() == null ? '?' : '&')
                .append("q=").append(encode(query)).append("&count=").append(Math.min(limit, MAX_COUNT));
        parameters.forEach((k, v) -> url.append('&').append(k).append('=').append(encode(v)));
        JsonNode answer = http.get(URI.create(url.toString()), Map.of("X-Subscription-Token", key),
                status -> status == 401 || status == 403 || status == 422
                        ? "the API refused the key; check setting api-key or the variable named by api-key-env"
                        : status == 429 ? "rate limited: the plan's queries per second or month are used up" : null);
        List<WebResult> out = new ArrayList<>();
        for (JsonNode result : answer.path("web").path("results")) {
            String link = result.path("url").asText("");
            if (!link.isBlank()) {
                out.add(new WebResult(link.strip(), plain(result.path("title").asText("")),
                        plain(result.path("description").asText(""))));
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static String plain(String html) {
        return html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html.strip() : Jsoup.parse(html).text().strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    void closeClient() {
        http.close();
    }
}
