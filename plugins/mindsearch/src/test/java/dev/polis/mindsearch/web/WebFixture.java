package dev.polis.mindsearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import dev.polis.mindsearch.lucene.LuceneBackendProvider;
import dev.polis.mindsearch.lucene.LuceneIndexer;
import dev.polis.testkit.TestSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback web over the fixture corpus that speaks the real protocols: SearXNG's JSON API at {@code /search}
 * ({@code results[]} with {@code url}, {@code title}, {@code content}, {@code engine}, {@code parsed_url},
 * {@code template}, {@code engines}, {@code positions}, {@code score}, {@code category}, {@code publishedDate}, beside
 * {@code query}, {@code number_of_results}, {@code answers}, {@code corrections}, {@code infoboxes},
 * {@code suggestions}, {@code unresponsive_engines}); the Brave Search web API at {@code /res/v1/web/search}
 * (header {@code X-Subscription-Token} checked, 422 {@code SUBSCRIPTION_TOKEN_INVALID} otherwise; {@code web.results[]}
 * with {@code title}, {@code url}, {@code description} holding {@code <strong>} marks); and each document as an HTML
 * page at {@code /doc/<id>} with a script, a style, navigation and a footer around its main text. Hits are ranked by a
 * Lucene index of the corpus. Every request is recorded.
 */
public final class WebFixture implements AutoCloseable {

    /** The key the fake Brave API accepts. */
    public static final String KEY = "test-key-for-loopback-only";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the fixture answered. */
    public record Request(String path, Map<String, String> query, Map<String, String> headers) { }

    private final HttpServer server;
    private final SearchBackend corpus;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean json = true;
    private volatile String extraResult;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int gather;

    /** Starts the web over {@code corpusFolder}, indexing it under {@code work}. */
    public WebFixture(Path corpusFolder, Path work) throws IOException {
        Path index = work.resolve("web-index");
        LuceneIndexer.build(corpusFolder, index, 200);
        corpus = new LuceneBackendProvider().open(new SearchBackendContext(TestSettings.of("index", index.toString()),
                RunContext.detached(0)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/search", this::searxng);
        server.createContext("/res/v1/web/search", this::brave);
        server.createContext("/doc/", this::page);
        server.start();
    }

    /** Returns the base URL, {@code http://127.0.0.1:<port>}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code /search} answer 403, as a SearXNG server whose {@code search.formats} lacks json. */
    public WebFixture withoutJson() {
        json = false;
        return this;
    }

    /** Puts a result pointing at {@code url} second in every answer. */
    public WebFixture withExtraResult(String url) {
        extraResult = url;
        return this;
    }

    /**
     * Makes each {@code /search} request wait (up to two seconds) until {@code n} are in flight, so that requests
     * sent at once are seen at once; {@link #mostInFlight()} reports the most seen.
     */
    public WebFixture gathering(int n) {
        gather = n;
        mostInFlight.set(0);
        return this;
    }

    /** Returns the most {@code /search} requests that were in flight at once. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    /** Returns the requests answered so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private List<SearchHit> hits(String query) {
        List<SearchHit> hits = new ArrayList<>(corpus.search(SearchRequest.of(query, 10)));
        if (extraResult != null) {
            hits.add(Math.min(1, hits.size()), new SearchHit("extra", extraResult, "An extra page", "More about it", 0));
        }
        return hits;
    }

    private String url(SearchHit hit) {
        return hit.id().equals("extra") ? extraResult : base() + "/doc/" + hit.id();
    }

    private void searxng(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            for (int i = 0; i < 200 && inFlight.get() < gather; i++) {
                Thread.sleep(10);
            }
            searxngAnswer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void searxngAnswer(HttpExchange exchange) throws IOException {
        Map<String, String> q = record(exchange);
        if (!json || !"json".equals(q.get("format"))) {
            send(exchange, 403, "text/html", "<html><body><h1>403 Forbidden</h1></body></html>");
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<SearchHit> hits = hits(q.getOrDefault("q", ""));
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("url", url(hit));
            r.put("title", hit.title());
            r.put("content", hit.snippet());
            r.put("engine", "duckduckgo");
            r.put("parsed_url", List.of("http", server.getAddress().getHostString(), "/doc/" + hit.id(), "", "", ""));
            r.put("template", "default.html");
            r.put("engines", List.of("duckduckgo", "brave"));
            r.put("positions", List.of(i + 1));
            r.put("publishedDate", null);
            r.put("score", 2.0 / (i + 1));
            r.put("category", "general");
            results.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q.getOrDefault("q", ""));
        body.put("number_of_results", 0);
        body.put("results", results);
        body.put("answers", List.of());
        body.put("corrections", List.of());
        body.put("infoboxes", List.of());
        body.put("suggestions", List.of());
        body.put("unresponsive_engines", List.of(List.of("wikidata", "timeout")));
        send(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }

    private void brave(HttpExchange exchange) throws IOException {
        Map<String, String> q = record(exchange);
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-Subscription-Token"))) {
            send(exchange, 422, "application/json", JSON.writeValueAsString(Map.of("type", "ErrorResponse", "error",
                    Map.of("id", "0c1a", "status", 422, "code", "SUBSCRIPTION_TOKEN_INVALID",
                            "detail", "The provided subscription token is invalid.", "meta", Map.of()))));
            return;
        }
        int count = Integer.parseInt(q.getOrDefault("count", "20"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (SearchHit hit : hits(q.getOrDefault("q", ""))) {
            if (results.size() >= count) {
                break;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("title", hit.title());
            r.put("url", url(hit));
            r.put("is_source_local", false);
            r.put("is_source_both", false);
            String first = hit.snippet().split("\\s+")[0];
            r.put("description", "<strong>" + first + "</strong>" + hit.snippet().substring(first.length()));
            r.put("language", "en");
            r.put("family_friendly", true);
            r.put("type", "search_result");
            r.put("subtype", "generic");
            r.put("meta_url", Map.of("scheme", "http", "netloc", "127.0.0.1", "hostname", "127.0.0.1"));
            results.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "search");
        body.put("query", Map.of("original", q.getOrDefault("q", ""), "more_results_available", false));
        body.put("mixed", Map.of("type", "mixed", "main", List.of()));
        if (!results.isEmpty()) {
            body.put("web", Map.of("type", "search", "results", results, "family_friendly", true));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }

    private void page(HttpExchange exchange) throws IOException {
        record(exchange);
        String id = exchange.getRequestURI().getPath().substring("/doc/".length());
        List<Page> pages = corpus.fetch(FetchRequest.of(id));
        if (pages.isEmpty()) {
            send(exchange, 404, "text/html", "<html><body>no such page</body></html>");
            return;
        }
        Page page = pages.getFirst();
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>").append(page.title())
                .append("</title><style>p { color: black }</style><script>var tracking = 'script text';</script>")
                .append("</head><body><nav><a href='/'>Home</a> | <a href='/about'>Navigation menu</a></nav>")
                .append("<main><h1>").append(page.title()).append("</h1>");
        for (String paragraph : page.text().split("\n\n")) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        html.append("</main><footer>Footer: all rights reserved</footer></body></html>");
        send(exchange, 200, "text/html; charset=utf-8", html.toString());
    }

    private Map<String, String> record(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
        requests.add(new Request(exchange.getRequestURI().getPath(), query, headers));
        return query;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        corpus.close();
    }
}
