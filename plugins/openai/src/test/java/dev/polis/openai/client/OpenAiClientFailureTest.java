package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.openai.LoopbackServer;
import dev.polis.openai.OpenAiChatModelProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenAiClientFailureTest {

    private static final ChatRequest HELLO = ChatRequest.of(Message.user("hello"));

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        release.countDown();
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private LoopbackServer server(LoopbackServer.Handler handler) throws Exception {
        LoopbackServer server = LoopbackServer.start(handler);
        closing.add(server);
        return server;
    }

    private ChatModel client(String baseUrl, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(Map.of("initialBackoff", "10ms", "maxRetries", 2,
                "readTimeout", "2s", "connectTimeout", "2s"));
        options.putAll(extra);
        ChatModel model = new OpenAiChatModelProvider(name -> null).create(ModelRequest.of(new ModelSpec("openai", baseUrl,
                "qwen", options)));
        closing.add(model);
        return model;
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        LoopbackServer server = server((exchange, n) -> {
            if (n == 1) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                LoopbackServer.send(exchange, 429, "{\"error\":{\"message\":\"slow down\"}}");
            } else {
                LoopbackServer.send(exchange, 200, LoopbackServer.completion("ok"));
            }
        });
        long start = System.nanoTime();
        assertThat(client(server.baseUrl(), Map.of()).chat(HELLO).text()).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void retries500sThenSucceeds() throws Exception {
        LoopbackServer server = server((exchange, n) -> {
            if (n < 3) {
                LoopbackServer.send(exchange, 500, "{\"error\":{\"message\":\"overloaded\"}}");
            } else {
                LoopbackServer.send(exchange, 200, LoopbackServer.completion("third time"));
            }
        });
        assertThat(client(server.baseUrl(), Map.of()).chat(HELLO).text()).isEqualTo("third time");
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void stopsRetryingAtTheBoundAndNamesEndpointStatusAndCause() throws Exception {
        LoopbackServer server = server((exchange, n) ->
                LoopbackServer.send(exchange, 503, "{\"error\":{\"message\":\"model is loading\"}}"));
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of()).chat(HELLO))
                .isInstanceOf(PolisException.class)
                .hasMessage("openai " + server.baseUrl() + " (model qwen): HTTP 503: model is loading after 3 attempts");
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void doesNotRetryAClientError() throws Exception {
        LoopbackServer server = server((exchange, n) ->
                LoopbackServer.send(exchange, 404, "{\"error\":{\"message\":\"model 'qwen' not found\"}}"));
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of()).chat(HELLO))
                .hasMessageContaining("HTTP 404: model 'qwen' not found; check the base URL")
                .hasMessageContaining("after 1 attempt");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void givesUpWhenRetryAfterPassesTheWaitBudget() throws Exception {
        LoopbackServer server = server((exchange, n) -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            LoopbackServer.send(exchange, 429, "{}");
        });
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of("maxRetryWait", "5s")).chat(HELLO))
                .hasMessageContaining("HTTP 429").hasMessageContaining("after 1 attempt")
                .hasMessageContaining("waiting 120 s (as Retry-After asked) would pass maxRetryWait (5 s)");
    }

    @Test
    void reportsMalformedJson() throws Exception {
        LoopbackServer server = server((exchange, n) -> LoopbackServer.send(exchange, 200, "{\"choices\": [oops"));
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of()).chat(HELLO))
                .hasMessageStartingWith("openai " + server.baseUrl() + " (model qwen): the server answered with a "
                        + "body that is not JSON")
                .hasMessageContaining("{\"choices\": [oops");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void reportsAStreamCutMidWayWithoutRetrying() throws Exception {
        LoopbackServer server = server((exchange, n) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                    + ": keep-alive\n\n"
                    + "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            // the handler returns without [DONE]: the chunked body ends and the connection is released
        });
        List<String> pieces = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of()).stream(HELLO, new ChatStreamListener() {
            @Override
            public void onText(String piece) {
                pieces.add(piece);
            }

            @Override
            public void onError(Throwable error) {
                errors.incrementAndGet();
            }
        })).hasMessageContaining("the stream ended after 2 pieces without a finish_reason or [DONE] after 1 attempt");
        assertThat(pieces).containsExactly("Hel", "lo");
        assertThat(errors).hasValue(1);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void readsMultiLineEventsAndIgnoresComments() throws Exception {
        LoopbackServer server = server((exchange, n) -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write((": ping\n\nevent: message\ndata: {\"choices\":[{\"delta\":\ndata: {\"content\":\"Hi\"}}]}\n\n"
                    + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
                    + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1}}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        });
        var response = client(server.baseUrl(), Map.of()).stream(HELLO, piece -> { });
        assertThat(response.text()).isEqualTo("Hi");
        assertThat(response.finishReason()).isEqualTo(dev.polis.api.chat.FinishReason.LENGTH);
        assertThat(response.usage().totalTokens()).isEqualTo(3);
    }

    @Test
    void readTimeoutFiresAndRetriesStopAtTheirBound() throws Exception {
        LoopbackServer server = server((exchange, n) -> release.await(20, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of("readTimeout", "300ms", "maxRetries", 1)).chat(HELLO))
                .hasMessage("openai " + server.baseUrl() + " (model qwen): no response within 0.3 s (readTimeout)"
                        + " after 2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + port + "/v1";
        assertThatThrownBy(() -> client(baseUrl, Map.of()).chat(HELLO))
                .hasMessage("openai " + baseUrl + " (model qwen): connection refused after 3 attempts");
    }

    @Test
    void interruptingTheCallerCancelsTheCall() throws Exception {
        LoopbackServer server = server((exchange, n) -> release.await(20, TimeUnit.SECONDS));
        ChatModel model = client(server.baseUrl(), Map.of("readTimeout", "20s"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                model.chat(HELLO);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        waitFor(() -> server.requests() == 1);
        caller.interrupt();
        caller.join(5000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).hasMessageContaining("cancelled: the calling thread was interrupted");
    }

    @Test
    void closingTheModelCancelsCallsInFlight() throws Exception {
        LoopbackServer server = server((exchange, n) -> release.await(20, TimeUnit.SECONDS));
        ChatModel model = client(server.baseUrl(), Map.of("readTimeout", "20s"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> call = pool.submit(() -> model.chat(HELLO));
            waitFor(() -> server.requests() == 1);
            model.close();
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrencyPerEndpointStaysWithinItsLimit() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        LoopbackServer server = server((exchange, n) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(100);
            running.decrementAndGet();
            LoopbackServer.send(exchange, 200, LoopbackServer.completion("ok"));
        });
        ChatModel model = client(server.baseUrl(), Map.of("maxConcurrency", 2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> model.chat(HELLO)));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peak.get()).isEqualTo(2);
        assertThat(server.requests()).isEqualTo(6);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 5 s").isTrue();
    }
}
