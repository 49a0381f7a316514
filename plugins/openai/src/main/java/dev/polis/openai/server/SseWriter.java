package dev.polis.openai.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.polis.openai.wire.WireJson;

/**
 * Writes server-sent events: {@code data: <json>\n\n} per event and {@code data: [DONE]\n\n} at the end.
 *
 * <p>The status line and headers go out with the first event, so a model that fails before producing
 * anything still gets a plain JSON error with a proper status.
 */
final class SseWriter {

    private final HttpExchange exchange;
    private OutputStream out;

    SseWriter(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /** Returns whether the headers were sent. */
    boolean started() {
        return out != null;
    }

    /** Sends one event and flushes it; a client that went away surfaces as {@link UncheckedIOException}. */
    void event(JsonNode data) {
        try {
            send("data: " + WireJson.MAPPER.writeValueAsString(data) + "\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the client closed the stream", e);
        }
    }

    /** Sends the closing {@code [DONE]} event. */
    void done() {
        try {
            send("data: [DONE]\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the client closed the stream", e);
        }
    }

    private void send(String text) throws IOException {
        if (out == null) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            out = exchange.getResponseBody();
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
