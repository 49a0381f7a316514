package dev.polis.mindsearch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.polis.api.InvalidInputException;
import dev.polis.mindsearch.exec.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The MindSearch HTTP server: {@code POST /solve} with {@code {"inputs": "<question>" | [{role, content}, ...],
 * "session_id": n}} answers with {@code text/event-stream}: the original's envelope events as unnamed frames, then
 * {@code event: final} ({@code answer}, {@code complete}, {@code references}), {@code event: error} when the
 * request failed, and always {@code event: done} last. Each request runs on its own thread; its client is pinged
 * with an SSE comment every second, and one that went away cancels the request ({@link ClientWatch}).
 * {@code GET /} serves the graph page ({@link UiAssets}).
 */
public final class SolveServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;
    /** How often a running request's client is pinged, to notice one that went away (see {@link ClientWatch}). */
    private static final java.time.Duration PING = java.time.Duration.ofSeconds(1);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Solver solver;
    private final ClientWatch watch = new ClientWatch(PING);

    private SolveServer(HttpServer server, ExecutorService executor, Solver solver) {
        this.server = server;
        this.executor = executor;
        this.solver = solver;
    }

    /**
     * Starts serving on {@code host}:{@code port} (0 picks a free port).
     *
     * @throws InvalidInputException when the port is taken or the host cannot be bound
     */
    public static SolveServer start(String host, int port, Solver solver) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new InvalidInputException("--port " + port + " on " + host + " is in use (or the host is not an"
                    + " address of this machine); choose another with --port", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        SolveServer server = new SolveServer(http, executor, solver);
        http.setExecutor(executor);
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** Returns the URL of the solve endpoint. */
    public String solveUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort() + "/solve";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/solve")) {
                if (!UiAssets.serve(exchange)) {
                    error(exchange, 404, "no such endpoint: " + exchange.getRequestURI().getPath()
                            + "; use POST /solve, or GET / for the graph page");
                }
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                error(exchange, 405, "use POST /solve with {\"inputs\": \"<question>\"}");
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    error(exchange, 413, "the request body is larger than " + MAX_BODY + " bytes");
                    return;
                }
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                error(exchange, 400, "the request body is not JSON: " + e.getMessage());
                return;
            }
            String question;
            try {
                question = question(body);
            } catch (InvalidInputException e) {
                error(exchange, 400, e.getMessage());
                return;
            }
            long session = body.path("session_id").canConvertToLong() ? body.path("session_id").asLong()
                    : ThreadLocalRandom.current().nextLong(1_000_000);
            solve(exchange, question, session);
        }
    }

    private void solve(HttpExchange exchange, String question, long session) {
        Cancellation cancel = new Cancellation();
        SseStream stream = new SseStream(exchange, () -> cancel.cancel("the client went away"));
        Envelope envelope = new Envelope(stream);
        String run = "";
        ScheduledFuture<?> ping = watch.watch(stream);
        try {
            run = solver.solve(question, session, envelope, cancel);
        } catch (CancellationException e) {
            return;
        } catch (RuntimeException e) {
            stream.send("error", Map.of("error", Map.of("msg", "An error occurred while generating the response.",
                    "details", String.valueOf(e.getMessage()))));
        } finally {
            ping.cancel(false);
            stream.send("done", Map.of("session_id", session, "run", run));
            stream.close();
        }
    }

    /** Reads the question: {@code inputs} as a string, or the last user message of a list. */
    static String question(JsonNode body) {
        JsonNode inputs = body == null ? null : body.get("inputs");
        String question = null;
        if (inputs != null && inputs.isTextual()) {
            question = inputs.asText();
        } else if (inputs != null && inputs.isArray()) {
            for (JsonNode message : inputs) {
                if ("user".equals(message.path("role").asText()) && message.path("content").isTextual()) {
                    question = message.path("content").asText();
                }
            }
        }
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("inputs: give the question as a string, {\"inputs\": \"...\"}, or as a list"
                    + " of {\"role\": \"user\", \"content\": \"...\"} messages");
        }
        return question;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(Map.of("error", Map.of("msg", message, "status", status)));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stops accepting requests and waits up to a second for those running. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        watch.close();
    }
}
