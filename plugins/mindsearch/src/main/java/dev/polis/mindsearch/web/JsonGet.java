package dev.polis.mindsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * GETs a JSON document from a search API within a time limit that bounds the whole exchange, body included; every
 * failure is a {@link SearchUnavailableException} saying what failed (with the caller's hint for an HTTP status).
 */
final class JsonGet implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 8 << 20;

    private final HttpClient client;
    private final Duration timeout;
    private final String server;

    /** Creates a client for {@code server} (named in messages) with this time limit per request. */
    JsonGet(String server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Returns the JSON at {@code uri}.
     *
     * @param hint says what an HTTP error status means for this API (null: nothing to add)
     */
    JsonNode get(URI uri, Map<String, String> headers, IntFunction<String> hint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").header("User-Agent", "Polis-MindSearch/0.1");
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new SearchUnavailableException(server + " did not answer within " + timeout.toMillis() / 1000.0
                    + " s (setting timeout)", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + server);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new SearchUnavailableException(server + " did not answer within " + timeout.toMillis() / 1000.0
                        + " s (setting timeout)", cause);
            }
            if (cause instanceof ConnectException) {
                throw new SearchUnavailableException("cannot connect to " + server + " at " + base(uri)
                        + ": is it running? (setting url)", cause);
            }
            throw new SearchUnavailableException("cannot reach " + server + " at " + base(uri) + ": "
                    + (cause instanceof IOException ? cause.getClass().getSimpleName() + ": " : "") + cause.getMessage(),
                    cause);
        }
        byte[] body = response.body();
        if (response.statusCode() >= 400) {
            String extra = hint == null ? null : hint.apply(response.statusCode());
            throw new SearchUnavailableException(server + " answered HTTP " + response.statusCode()
                    + (extra == null ? "" : ": " + extra) + " (" + excerpt(body) + ")");
        }
        if (body.length > MAX_BODY) {
            throw new SearchUnavailableException(server + " answered " + body.length + " bytes, more than " + MAX_BODY);
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SearchUnavailableException(server + " did not answer JSON (" + excerpt(body) + ")", e);
        }
    }

    private static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.isBlank() ? "empty body" : text.strip();
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
