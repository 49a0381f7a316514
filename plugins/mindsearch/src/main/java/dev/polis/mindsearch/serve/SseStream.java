package dev.polis.mindsearch.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events to one exchange: {@code data: <json>} frames, named ({@code event: final}) or not.
 * Headers go out with the first frame. Once a write fails (the client went away) the stream is {@link #gone()},
 * further frames are dropped and the {@code onGone} action runs (once). Thread-safe.
 */
final class SseStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private OutputStream out;
    private final Runnable onGone;
    private volatile boolean gone;

    SseStream(HttpExchange exchange) {
        this(exchange, () -> { });
    }

    SseStream(HttpExchange exchange, Runnable onGone) {
        this.exchange = exchange;
        this.onGone = onGone;
    }

    /** Sends one frame; {@code name} null for an unnamed (message) frame. Returns false when the client is gone. */
    synchronized boolean send(String name, Object data) {
        if (gone) {
            return false;
        }
        String frame;
        try {
            frame = (name == null ? "" : "event: " + name + "\n") + "data: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("an event could not be written as JSON", e);
        }
        return write(frame);
    }

    /** Sends an SSE comment that clients ignore, to find out whether the client is still there. */
    synchronized boolean ping() {
        return !gone && write(": ping\n\n");
    }

    private boolean write(String text) {
        try {
            if (out == null) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(200, 0);
                out = exchange.getResponseBody();
            }
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return went();
        }
    }

    private boolean went() {
        if (!gone) {
            gone = true;
            onGone.run();
        }
        return false;
    }

    /** Returns whether the client went away. */
    boolean gone() {
        return gone;
    }

    /** Ends the response. */
    synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            gone = true;
        }
        exchange.close();
    }
}
