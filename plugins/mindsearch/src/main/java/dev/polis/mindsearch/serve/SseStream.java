package dev.polis.mindsearch.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events to one exchange: {@code data: <json>} frames, named ({@code event: final}) or not.
 * Headers go out with the first frame. Once a write fails (the client went away) the stream is {@link #gone()} and
 * further frames are dropped. Thread-safe.
 */
final class SseStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private OutputStream out;
    private volatile boolean gone;

    SseStream(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /** Sends one frame; {@code name} null for an unnamed (message) frame. Returns false when the client is gone. */
    synchronized boolean send(String name, Object data) {
        if (gone) {
            return false;
        }
        try {
            if (out == null) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(200, 0);
                out = exchange.getResponseBody();
            }
            String frame = (name == null ? "" : "event: " + name + "\n") + "data: " + JSON.writeValueAsString(data)
                    + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            gone = true;
            return false;
        }
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
