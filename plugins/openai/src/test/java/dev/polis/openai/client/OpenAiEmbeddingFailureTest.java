package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.openai.LoopbackServer;
import dev.polis.openai.OpenAiEmbeddingModelProvider;
import dev.polis.openai.wire.WireJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code openai} embedding client against loopback stubs that answer out of order, fail, or want a key. */
@Timeout(30)
class OpenAiEmbeddingFailureTest {

    private static final String KEY = "sk-polis-embed-7c1e55a0";
    private static final List<String> THREE = List.of("first", "second", "third");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private LoopbackServer server(LoopbackServer.Handler handler) throws Exception {
        LoopbackServer server = LoopbackServer.start(handler);
        closing.add(server);
        return server;
    }

    private EmbeddingModel client(String baseUrl, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(Map.of("initialBackoff", "10ms", "maxRetries", 2,
                "readTimeout", "2s", "connectTimeout", "2s"));
        options.putAll(extra);
        EmbeddingModel model = new OpenAiEmbeddingModelProvider(Map.of("EMBED_KEY", KEY)::get)
                .create(ModelRequest.of(new ModelSpec("openai", baseUrl, "mxbai", options)));
        closing.add(model);
        return model;
    }

    /** An answer whose entry for text {@code i} is the vector {@code [i, 10 + i]}, listed in the order given. */
    private static String answer(int... order) {
        StringBuilder data = new StringBuilder();
        for (int index : order) {
            data.append(data.isEmpty() ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(index)
                    .append(",\"embedding\":[").append(index).append(".0,").append(10 + index).append(".5]}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"mxbai-embed-large\","
                + "\"usage\":{\"prompt_tokens\":9,\"total_tokens\":9}}";
    }

    private static Embedding vector(int i) {
        return new Embedding(new float[] {i, 10 + i + 0.5f});
    }

    @Test
    void ordersShuffledVectorsByIndexAndSendsModelAndInput() throws Exception {
        LoopbackServer server = server((exchange, n) -> LoopbackServer.send(exchange, 200, answer(2, 0, 1)));
        EmbeddingResponse response = client(server.baseUrl(), Map.of()).embed(EmbeddingRequest.documents(THREE));
        assertThat(response.embeddings()).containsExactly(vector(0), vector(1), vector(2));
        assertThat(response.inputTokens()).isEqualTo(9);
        assertThat(response.model()).isEqualTo("mxbai-embed-large");
        JsonNode sent = WireJson.MAPPER.readTree(server.lastBody());
        assertThat(sent.path("model").asText()).isEqualTo("mxbai");
        assertThat(sent.path("input").toString()).isEqualTo("[\"first\",\"second\",\"third\"]");
    }

    @Test
    void retries429And5xxThenSucceeds() throws Exception {
        LoopbackServer server = server((exchange, n) -> {
            if (n == 1) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                LoopbackServer.send(exchange, 429, "{\"error\":{\"message\":\"slow down\"}}");
            } else if (n == 2) {
                LoopbackServer.send(exchange, 503, "{\"error\":{\"message\":\"model is loading\"}}");
            } else {
                LoopbackServer.send(exchange, 200, answer(0, 1, 2));
            }
        });
        assertThat(client(server.baseUrl(), Map.of()).embed(EmbeddingRequest.documents(THREE)).embeddings())
                .containsExactly(vector(0), vector(1), vector(2));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void stopsRetryingAtTheBoundAndNamesEndpointStatusAndCause() throws Exception {
        LoopbackServer server = server((exchange, n) ->
                LoopbackServer.send(exchange, 500, "{\"error\":{\"message\":\"CUDA out of memory\"}}"));
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of()).embed(EmbeddingRequest.query("x")))
                .isInstanceOf(PolisException.class)
                .hasMessage("openai embeddings " + server.baseUrl() + " (model mxbai): HTTP 500: CUDA out of memory "
                        + "after 3 attempts");
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/v1";
        assertThatThrownBy(() -> client(base, Map.of("maxRetries", 0)).embed(EmbeddingRequest.query("x")))
                .hasMessage("openai embeddings " + base + " (model mxbai): connection refused after 1 attempt");
    }

    @Test
    void anAnswerWithTheWrongVectorsIsReportedWithoutRetrying() throws Exception {
        LoopbackServer server = server((exchange, n) -> LoopbackServer.send(exchange, 200, answer(0, 0, 1)));
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of()).embed(EmbeddingRequest.documents(THREE)))
                .hasMessageContaining("the server's answer is not an embeddings list: data[1].index 0 appears twice")
                .hasMessageEndingWith("after 1 attempt");
        LoopbackServer tooFew = server((exchange, n) -> LoopbackServer.send(exchange, 200, answer(0, 1)));
        assertThatThrownBy(() -> client(tooFew.baseUrl(), Map.of()).embed(EmbeddingRequest.documents(THREE)))
                .hasMessageContaining("the body has 2 embeddings for 3 texts");
        assertThat(server.requests() + tooFew.requests()).isEqualTo(2);
    }

    @Test
    void aMissingKeyVariableIsNamedBeforeAnyRequest() throws Exception {
        LoopbackServer server = server((exchange, n) -> LoopbackServer.send(exchange, 200, answer(0)));
        assertThatThrownBy(() -> client(server.baseUrl(), Map.of("apiKeyEnv", "NOPE_EMBED_KEY")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NOPE_EMBED_KEY, which is not set");
        assertThat(server.requests()).isZero();
    }

    @Test
    void theKeyIsSentAsBearerButNeverReportedOrLogged() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        LoopbackServer server = server((exchange, n) -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            LoopbackServer.send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
        });
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            EmbeddingModel model = client(server.baseUrl(), Map.of("apiKeyEnv", "EMBED_KEY"));
            assertThatThrownBy(() -> model.embed(EmbeddingRequest.query("x")))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY)
                            .contains("HTTP 401: Incorrect API key provided: ***")
                            .contains("check the key in the environment variable EMBED_KEY"));
            assertThat(model.spec()).doesNotContain(KEY);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    }

    @Test
    void readsBase64VectorsAndEntriesWithoutIndex() throws Exception {
        // [1.0f, -2.0f] as little-endian float32
        LoopbackServer server = server((exchange, n) -> LoopbackServer.send(exchange, 200,
                "{\"data\":[{\"embedding\":\"AACAPwAAAMA=\"},{\"embedding\":[3,4]}]}"));
        EmbeddingResponse response = client(server.baseUrl(), Map.of())
                .embed(EmbeddingRequest.documents(List.of("a", "b")));
        assertThat(response.embeddings()).containsExactly(new Embedding(new float[] {1, -2}),
                new Embedding(new float[] {3, 4}));
        assertThat(response.inputTokens()).isZero();
        assertThat(response.model()).isEqualTo("mxbai");
    }
}
