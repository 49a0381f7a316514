package dev.polis.openai.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import dev.polis.openai.HashedWords;
import dev.polis.openai.wire.WireJson;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /v1/embeddings} of {@link ChatCompletionsServer}, over real HTTP on loopback. */
@Timeout(30)
class EmbeddingsEndpointTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HashedWords words = new HashedWords();
    private ChatCompletionsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private void serve(EmbeddingModel embedder) {
        server = ChatCompletionsServer.start(ScriptedChatModel.always("x"), "tiny", embedder, "words",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return WireJson.MAPPER.readTree(response.body());
    }

    private static float[] floats(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = array.get(i).floatValue();
        }
        return vector;
    }

    @Test
    void embedsABatchInOrderWithUsage() throws Exception {
        serve(words);
        HttpResponse<String> response = send("POST", "/embeddings",
                "{\"model\":\"words\",\"input\":[\"fish in the lake\",\"a quiet harbour\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("model").asText()).isEqualTo("words");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("data")).hasSize(2);
        assertThat(body.path("data").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(body.path("data").path(1).path("object").asText()).isEqualTo("embedding");
        assertThat(floats(body.path("data").path(0).path("embedding")))
                .containsExactly(HashedWords.of("fish in the lake").vector());
        assertThat(floats(body.path("data").path(1).path("embedding")))
                .containsExactly(HashedWords.of("a quiet harbour").vector());
        assertThat(words.seen()).singleElement().satisfies(r -> {
            assertThat(r.texts()).containsExactly("fish in the lake", "a quiet harbour");
            assertThat(r.kind()).isEqualTo(InputKind.DOCUMENT);
        });
    }

    @Test
    void acceptsOneStringAndAnswersBase64WhenAsked() throws Exception {
        serve(words);
        HttpResponse<String> response = send("POST", "/embeddings",
                "{\"model\":\"words\",\"input\":\"one text\",\"encoding_format\":\"base64\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] bytes = Base64.getDecoder().decode(json(response).path("data").path(0).path("embedding").asText());
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        assertThat(vector).containsExactly(HashedWords.of("one text").vector());
    }

    @Test
    void badRequestsAre400sNamingTheField() throws Exception {
        serve(words);
        HttpResponse<String> notJson = send("POST", "/embeddings", "{\"model\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("error").path("code").asText()).isEqualTo("invalid_json");
        HttpResponse<String> tokens = send("POST", "/embeddings", "{\"model\":\"words\",\"input\":[[1,2,3]]}");
        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(json(tokens).path("error").path("param").asText()).isEqualTo("input");
        assertThat(json(tokens).path("error").path("message").asText()).contains("token arrays are not supported");
        HttpResponse<String> empty = send("POST", "/embeddings", "{\"model\":\"words\",\"input\":[]}");
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> noModel = send("POST", "/embeddings", "{\"input\":\"x\"}");
        assertThat(json(noModel).path("error").path("param").asText()).isEqualTo("model");
        HttpResponse<String> format = send("POST", "/embeddings",
                "{\"model\":\"words\",\"input\":\"x\",\"encoding_format\":\"int8\"}");
        assertThat(json(format).path("error").path("param").asText()).isEqualTo("encoding_format");
        HttpResponse<String> dimensions = send("POST", "/embeddings",
                "{\"model\":\"words\",\"input\":\"x\",\"dimensions\":8}");
        assertThat(dimensions.statusCode()).isEqualTo(400);
        assertThat(json(dimensions).path("error").path("param").asText()).isEqualTo("dimensions");
        assertThat(words.seen()).isEmpty();
    }

    @Test
    void unknownModelIs404AndWrongMethodIs405() throws Exception {
        serve(words);
        HttpResponse<String> unknown = send("POST", "/embeddings", "{\"model\":\"tiny\",\"input\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("model_not_found");
        assertThat(json(unknown).path("error").path("message").asText()).contains("it serves 'words'");
        HttpResponse<String> get = send("GET", "/embeddings", null);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aFailingModelIs500() throws Exception {
        serve(request -> {
            throw new IllegalStateException("encoder ran out of memory");
        });
        HttpResponse<String> response = send("POST", "/embeddings", "{\"model\":\"words\",\"input\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("model_error");
        assertThat(json(response).path("error").path("message").asText())
                .isEqualTo("the model failed: encoder ran out of memory");
    }

    @Test
    void aModelReturningTheWrongNumberOfVectorsIs500() throws Exception {
        serve(request -> new EmbeddingResponse(List.of(HashedWords.of("only one")), 0, "m"));
        HttpResponse<String> response = send("POST", "/embeddings", "{\"model\":\"words\",\"input\":[\"a\",\"b\"]}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").path("message").asText()).contains("1 vectors for 2 texts");
    }

    @Test
    void listsBothModels() throws Exception {
        serve(words);
        JsonNode models = json(send("GET", "/models", null));
        assertThat(models.path("data").findValuesAsText("id")).containsExactly("tiny", "words");
        assertThat(send("GET", "/models/words", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAnEmbedderTheEndpointIs404SayingHowToServeOne() throws Exception {
        server = ChatCompletionsServer.start(ScriptedChatModel.always("x"), "tiny",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
        HttpResponse<String> response = send("POST", "/embeddings", "{\"model\":\"words\",\"input\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("message").asText()).contains("--embedder <spec>");
        assertThat(json(send("GET", "/models", null)).path("data")).hasSize(1);
    }
}
