package dev.polis.openai.server;

import java.io.IOException;
import java.io.OutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireJson;

/** Sends JSON bodies and OpenAI-style errors on an exchange. */
final class Exchanges {

    private Exchanges() {
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = WireJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendError(HttpExchange exchange, ApiError error) throws IOException {
        if (error.status() == 413 || error.status() == 503) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        sendJson(exchange, error.status(), error.toJson());
    }
}
