package dev.polis.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A loopback HTTP server for client tests whose answers are given by a handler of (exchange, request number). */
public final class LoopbackServer implements AutoCloseable {

    /** Answers one exchange; {@code number} counts requests from 1. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, int number) throws Exception;
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> lastBody = new AtomicReference<>();

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static LoopbackServer start(Handler handler) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LoopbackServer server = new LoopbackServer(http);
        http.createContext("/", exchange -> {
            int number = server.requests.incrementAndGet();
            try {
                server.lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                handler.handle(exchange, number);
            } catch (Exception e) {
                // the test decides what a failed handler means; the exchange is closed below
            } finally {
                exchange.close();
            }
        });
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return server;
    }

    /** Sends {@code body} with {@code status} and a JSON content type. */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A valid non-streamed completion answering {@code text}. */
    public static String completion(String text) {
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    }

    /** Returns the base URL, {@code http://127.0.0.1:port/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Returns how many requests arrived. */
    public int requests() {
        return requests.get();
    }

    /** Returns the body of the latest request, or {@code null} before any. */
    public String lastBody() {
        return lastBody.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
