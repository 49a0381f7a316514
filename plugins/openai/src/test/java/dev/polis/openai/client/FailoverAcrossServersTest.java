package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.openai.LoopbackServer;
import dev.polis.openai.OpenAiChatModelProvider;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One {@code openai} model over two real loopback servers: calls are spread over both and each answer names its
 * server; a server that is closed, or answers 5xx, is failed over at once; a 400 is not; each server's own
 * concurrency limit holds; when every server fails the error names each.
 */
@Timeout(60)
class FailoverAcrossServersTest {

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

    private LoopbackServer answering(String text) throws Exception {
        return server((exchange, n) -> LoopbackServer.send(exchange, 200, LoopbackServer.completion(text)));
    }

    private LoopbackServer server(LoopbackServer.Handler handler) throws Exception {
        LoopbackServer server = LoopbackServer.start(handler);
        closing.add(server);
        return server;
    }

    private ChatModel model(String location, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(Map.of("initialBackoff", "10ms", "maxRetries", 1,
                "readTimeout", "20s", "connectTimeout", "2s"));
        options.putAll(extra);
        ChatModel model = new OpenAiChatModelProvider(name -> null).create(ModelRequest.of(new ModelSpec("openai",
                location, "m", options)));
        closing.add(model);
        return model;
    }

    @Test
    void callsAreSpreadOverBothServersAndEachAnswerNamesItsServer() throws Exception {
        LoopbackServer a = answering("from a");
        LoopbackServer b = answering("from b");
        ChatModel model = model(a.baseUrl() + "," + b.baseUrl(), Map.of());

        List<ChatResponse> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(model.chat(HELLO));
        }

        assertThat(a.requests()).isEqualTo(5);
        assertThat(b.requests()).isEqualTo(5);
        assertThat(answers).allSatisfy(r -> assertThat(r.endpoint()).isEqualTo(r.text().equals("from a")
                ? a.baseUrl() : b.baseUrl()));
        assertThat(model.spec()).isEqualTo("openai:" + a.baseUrl() + "," + b.baseUrl() + "#m");
    }

    @Test
    void aServerClosedMidRunLeavesEveryCallAnsweredByTheOther() throws Exception {
        LoopbackServer a = answering("from a");
        LoopbackServer b = answering("from b");
        ChatModel model = model(a.baseUrl() + "," + b.baseUrl(), Map.of("maxRetries", 0));

        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 6) {
                a.close();
            }
            endpoints.add(model.chat(HELLO).endpoint());
        }

        assertThat(endpoints.subList(0, 6)).containsOnly(a.baseUrl(), b.baseUrl()).contains(a.baseUrl());
        assertThat(endpoints.subList(6, 20)).containsOnly(b.baseUrl());
        assertThat(a.requests()).isEqualTo(3);
    }

    @Test
    void aServerAnsweringServiceUnavailableIsFailedOverButABadRequestIsNot() throws Exception {
        LoopbackServer busy = server((exchange, n) -> LoopbackServer.send(exchange, 503, "{\"error\":{\"message\":"
                + "\"overloaded\"}}"));
        LoopbackServer good = answering("ok");
        ChatModel spread = model(busy.baseUrl() + "," + good.baseUrl(), Map.of("maxRetries", 0));
        for (int i = 0; i < 4; i++) {
            assertThat(spread.chat(HELLO).endpoint()).isEqualTo(good.baseUrl());
        }

        LoopbackServer refusing = server((exchange, n) -> LoopbackServer.send(exchange, 400, "{\"error\":{\"message\":"
                + "\"bad field\"}}"));
        LoopbackServer other = answering("ok");
        ChatModel strict = model(refusing.baseUrl() + "," + other.baseUrl(), Map.of());
        assertThatThrownBy(() -> strict.chat(HELLO)).isInstanceOf(PolisException.class)
                .hasMessageContaining(refusing.baseUrl()).hasMessageContaining("HTTP 400");
        assertThat(other.requests()).isZero();
    }

    @Test
    void eachServersOwnConcurrencyLimitHolds() throws Exception {
        AtomicInteger inA = new AtomicInteger();
        AtomicInteger inB = new AtomicInteger();
        LoopbackServer a = server(held(inA));
        LoopbackServer b = server(held(inB));
        ChatModel model = model("", Map.of("baseUrls", List.of(Map.of("url", a.baseUrl(), "maxConcurrency", 1),
                Map.of("url", b.baseUrl(), "maxConcurrency", 3))));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> model.chat(HELLO)));
            }
            while (inA.get() + inB.get() < 4) {
                Thread.sleep(5);
            }
            Thread.sleep(200); // a fifth request, if the limits let one through, would arrive now

            assertThat(inA.get()).isEqualTo(1);
            assertThat(inB.get()).isEqualTo(3);
            release.countDown();
            for (Future<ChatResponse> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).text()).isEqualTo("ok");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void whenEveryServerIsDownTheErrorNamesEachServer() throws Exception {
        LoopbackServer a = answering("a");
        LoopbackServer b = answering("b");
        a.close();
        b.close();
        ChatModel model = model(a.baseUrl() + "," + b.baseUrl(), Map.of("maxRetries", 1));

        assertThatThrownBy(() -> model.chat(HELLO)).isInstanceOf(PolisException.class)
                .hasMessageContaining("every one of its 2 servers failed, 2 rounds")
                .hasMessageContaining(a.baseUrl()).hasMessageContaining(b.baseUrl());
    }

    @Test
    void serversNamedBothInTheSpecAndInBaseUrlsAreRefused() {
        assertThatThrownBy(() -> model("http://127.0.0.1:1/v1", Map.of("baseUrls", List.of("http://127.0.0.1:2/v1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> model("", Map.of("baseUrls", List.of(Map.of("url", "http://127.0.0.1:2/v1",
                "weight", 2))))).isInstanceOf(InvalidInputException.class).hasMessageContaining("baseUrls[0].weight");
    }

    private LoopbackServer.Handler held(AtomicInteger inFlight) {
        return (exchange, n) -> {
            inFlight.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
                LoopbackServer.send(exchange, 200, LoopbackServer.completion("ok"));
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }
}
