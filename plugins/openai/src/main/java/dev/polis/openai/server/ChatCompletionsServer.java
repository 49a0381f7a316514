package dev.polis.openai.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import com.sun.net.httpserver.HttpServer;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link ChatModel} over an OpenAI-compatible HTTP API: {@code GET /v1/models} and
 * {@code POST /v1/chat/completions}, streamed (server-sent events) or not, and, when given an
 * {@link EmbeddingModel}, {@code POST /v1/embeddings}.
 *
 * <p>Each request runs on its own virtual thread. Errors are OpenAI-style JSON
 * ({@code {"error": {"message", "type", "param", "code"}}}): 400 for bad JSON or missing fields, 404 for an
 * unknown path or model, 405 for a wrong method, 413 for a body over the limit, 500 when the model fails.
 * {@link #close()} shuts down gracefully: new requests are refused with 503, requests in flight get up to
 * {@link ServerOptions#shutdownGrace()} to finish, then the socket is closed and remaining handlers are
 * interrupted.
 *
 * <pre>{@code
 * try (ChatCompletionsServer server = ChatCompletionsServer.start(model, "tiny",
 *         new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS)) {
 *     URI base = server.baseUrl(); // http://127.0.0.1:<port>/v1
 * }
 * }</pre>
 */
public final class ChatCompletionsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsServer.class);

    static {
        // Streamed events are small writes; without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK
        // hold each one back for up to 40 ms. The JDK server reads this property once; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServerOptions options;
    private final InFlight inFlight = new InFlight();
    private volatile boolean draining;
    private boolean closed;

    private ChatCompletionsServer(HttpServer server, ExecutorService executor, ServerOptions options) {
        this.server = server;
        this.executor = executor;
        this.options = options;
    }

    /**
     * Starts serving {@code model} under the name {@code modelName} on {@code address} (port 0 picks a free one).
     *
     * @throws PolisException when the address cannot be bound
     */
    public static ChatCompletionsServer start(ChatModel model, String modelName, InetSocketAddress address,
                                              ServerOptions options) {
        return start(model, modelName, null, null, address, options);
    }

    /**
     * Starts serving {@code model} under the name {@code modelName}, and {@code embedder} under the name
     * {@code embedderName} at {@code /v1/embeddings}, on {@code address} (port 0 picks a free one).
     *
     * @param embedder     the embedding model, or {@code null} to serve none ({@code /v1/embeddings} then answers
     *                     404)
     * @param embedderName the name clients ask for in embeddings requests; ignored without an embedder
     * @throws PolisException when the address cannot be bound
     */
    public static ChatCompletionsServer start(ChatModel model, String modelName, EmbeddingModel embedder,
                                              String embedderName, InetSocketAddress address, ServerOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelName, "modelName");
        if (embedder != null) {
            Objects.requireNonNull(embedderName, "embedderName");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, options.backlog());
        } catch (BindException e) {
            throw new InvalidInputException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage() + "; choose another port with --port (0 picks a free one), or stop the"
                    + " process that listens there", e);
        } catch (IOException e) {
            throw new PolisException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("polis-serve-", 0).factory());
        ChatCompletionsServer server = new ChatCompletionsServer(http, executor, options);
        CompletionsEndpoint completions = new CompletionsEndpoint(model, modelName, options.maxBodyBytes());
        EmbeddingsEndpoint embeddings = embedder == null ? null
                : new EmbeddingsEndpoint(embedder, embedderName, options.maxBodyBytes());
        http.createContext("/", new ApiRouter(completions, embeddings, modelName, server.inFlight,
                () -> server.draining, BearerAuth.of(options.apiKey())));
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /** Returns the port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the address listened on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Returns the base URL clients use, {@code http://host:port/v1}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/v1");
    }

    /** Returns how many requests are being handled now. */
    public int inFlight() {
        return inFlight.count();
    }

    /**
     * Stops gracefully: refuses new requests, waits up to the grace period for requests in flight, then closes.
     * Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        draining = true;
        boolean interrupted = false;
        try {
            if (!inFlight.awaitIdle(options.shutdownGrace())) {
                LOG.warn("{} request(s) still running after the shutdown grace of {}; stopping them",
                        inFlight.count(), options.shutdownGrace());
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
