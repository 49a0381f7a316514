package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import dev.polis.openai.HashedWords;
import dev.polis.openai.OpenAiEmbeddingModelProvider;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code openai} embedding provider against {@code polis serve}'s server, over real HTTP on loopback. */
@Timeout(30)
class OpenAiEmbeddingAgainstServerTest {

    private static final String PREFIX = "Represent this sentence for searching relevant passages: ";

    private final HashedWords words = new HashedWords();
    private ChatCompletionsServer server;

    @BeforeEach
    void start() {
        server = ChatCompletionsServer.start(ScriptedChatModel.always("x"), "tiny", words, "words",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EmbeddingModel client(String model, Map<String, Object> options) {
        return new OpenAiEmbeddingModelProvider(name -> null)
                .create(ModelRequest.of(new ModelSpec("openai", server.baseUrl().toString(), model, options)));
    }

    @Test
    void embedsABatchInOrderWithTokensAndModel() {
        List<String> texts = List.of("fish stock in the lake", "the harbour at dawn", "how many tons to catch");
        try (EmbeddingModel model = client("words", Map.of())) {
            EmbeddingResponse response = model.embed(EmbeddingRequest.documents(texts));
            assertThat(response.embeddings()).containsExactly(HashedWords.of(texts.get(0)),
                    HashedWords.of(texts.get(1)), HashedWords.of(texts.get(2)));
            assertThat(response.inputTokens()).isEqualTo(14);
            assertThat(response.model()).isEqualTo("words");
            assertThat(model.spec()).isEqualTo("openai:" + server.baseUrl() + "#words");
        }
        assertThat(words.seen()).singleElement().satisfies(r -> assertThat(r.texts()).isEqualTo(texts));
    }

    @Test
    void vectorsRankByMeaningAsTheServedModelDoes() {
        try (EmbeddingModel model = client("words", Map.of())) {
            List<String> memories = List.of("we caught ten tons of fish", "the weather was fine");
            var docs = model.embed(EmbeddingRequest.documents(memories)).embeddings();
            var query = model.embed(EmbeddingRequest.query("how many tons of fish")).embeddings().getFirst();
            assertThat(query.cosine(docs.get(0))).isGreaterThan(query.cosine(docs.get(1)));
        }
    }

    @Test
    void theQueryPrefixGoesOnlyBeforeQueries() {
        try (EmbeddingModel model = client("words", Map.of("queryPrefix", PREFIX))) {
            model.embed(EmbeddingRequest.documents(List.of("a memory", "another memory")));
            EmbeddingResponse query = model.embed(new EmbeddingRequest(List.of("what happened", "who fished"),
                    InputKind.QUERY, Map.of("agent", "a1")));
            assertThat(query.embeddings()).containsExactly(HashedWords.of(PREFIX + "what happened"),
                    HashedWords.of(PREFIX + "who fished"));
        }
        assertThat(words.seen()).hasSize(2);
        assertThat(words.seen().get(0).texts()).containsExactly("a memory", "another memory");
        assertThat(words.seen().get(1).texts()).containsExactly(PREFIX + "what happened", PREFIX + "who fished");
    }

    @Test
    void withoutAPrefixQueriesGoAsTheyAre() {
        try (EmbeddingModel model = client("words", Map.of())) {
            model.embed(EmbeddingRequest.query("what happened"));
        }
        assertThat(words.seen()).singleElement().satisfies(r -> assertThat(r.texts()).containsExactly("what happened"));
    }

    @Test
    void anUnknownModelNamesEndpointStatusAndCause() {
        try (EmbeddingModel model = client("mxbai", Map.of())) {
            assertThatThrownBy(() -> model.embed(EmbeddingRequest.query("x")))
                    .isInstanceOf(PolisException.class)
                    .hasMessageStartingWith("openai embeddings " + server.baseUrl() + " (model mxbai): HTTP 404: the "
                            + "embedding model 'mxbai' does not exist on this server; it serves 'words'")
                    .hasMessageEndingWith("after 1 attempt");
        }
    }

    @Test
    void aClosedModelRefusesCalls() {
        EmbeddingModel model = client("words", Map.of());
        model.close();
        assertThatThrownBy(() -> model.embed(EmbeddingRequest.query("x"))).hasMessageContaining("the model is closed");
    }
}
