package dev.polis.openai.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.ChatModel;
import dev.polis.openai.wire.WireJson;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChatCompletionsServerTest {

    private static final String HELLO = "{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChatCompletionsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private ChatCompletionsServer serve(ChatModel model, ServerOptions options) {
        server = ChatCompletionsServer.start(model, "tiny", new InetSocketAddress("127.0.0.1", 0), options);
        return server;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return WireJson.MAPPER.readTree(response.body());
    }

    @Test
    void listsTheServedModel() throws Exception {
        serve(ScriptedChatModel.always("x"), ServerOptions.DEFAULTS);
        HttpResponse<String> response = get("/models");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("data").path(0).path("id").asText()).isEqualTo("tiny");
        assertThat(get("/models/tiny").statusCode()).isEqualTo(200);
    }

    @Test
    void answersACompletion() throws Exception {
        serve(ScriptedChatModel.always("Hello there"), ServerOptions.DEFAULTS);
        HttpResponse<String> response = post("/chat/completions", HELLO);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hello there");
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void streamsWithCorrectSseFraming() throws Exception {
        serve(ScriptedChatModel.always("Hello big world"), ServerOptions.DEFAULTS);
        HttpResponse<String> response = post("/chat/completions", HELLO.replace("}]}", "}],\"stream\":true}"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        String body = response.body();
        assertThat(body).endsWith("data: [DONE]\n\n");
        List<String> events = List.of(body.split("\n\n"));
        assertThat(events).allSatisfy(event -> assertThat(event).startsWith("data: ").doesNotContain("\n"));
        assertThat(events).hasSize(5);
        JsonNode first = WireJson.MAPPER.readTree(events.get(0).substring(6));
        assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("choices").path(0).path("delta").path("content").asText()).isEqualTo("Hello");
        JsonNode last = WireJson.MAPPER.readTree(events.get(3).substring(6));
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void badJsonIsA400InOpenAiStyle() throws Exception {
        serve(ScriptedChatModel.always("x"), ServerOptions.DEFAULTS);
        HttpResponse<String> response = post("/chat/completions", "{\"model\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_json");
        assertThat(error.path("message").asText()).startsWith("the request body is not valid JSON");
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void missingFieldsAndWrongValuesAre400sNamingTheField() throws Exception {
        serve(ScriptedChatModel.always("x"), ServerOptions.DEFAULTS);
        HttpResponse<String> noMessages = post("/chat/completions", "{\"model\":\"tiny\"}");
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(json(noMessages).path("error").path("param").asText()).isEqualTo("messages");
        HttpResponse<String> noModel = post("/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(json(noModel).path("error").path("message").asText()).isEqualTo("missing required field 'model'");
        HttpResponse<String> badRole = post("/chat/completions", HELLO.replace("\"user\"", "\"robot\""));
        assertThat(json(badRole).path("error").path("message").asText()).contains("unknown role 'robot'");
        HttpResponse<String> badTemperature = post("/chat/completions", HELLO.replace("}]}", "}],\"temperature\":-1}"));
        assertThat(badTemperature.statusCode()).isEqualTo(400);
        assertThat(json(badTemperature).path("error").path("message").asText()).contains("temperature");
    }

    @Test
    void unknownModelIs404() throws Exception {
        serve(ScriptedChatModel.always("x"), ServerOptions.DEFAULTS);
        HttpResponse<String> response = post("/chat/completions", HELLO.replace("tiny", "huge"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        serve(ScriptedChatModel.always("x"), ServerOptions.DEFAULTS.withMaxBodyBytes(1000));
        HttpResponse<String> response = post("/chat/completions", HELLO.replace("hi", "x".repeat(5000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("request_too_large");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        serve(ScriptedChatModel.always("x"), ServerOptions.DEFAULTS);
        HttpResponse<String> unknown = get("/completions");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("message").asText()).contains("POST /v1/chat/completions");
        HttpResponse<String> wrong = get("/chat/completions");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void modelFailureIs500AndMidStreamFailureIsAnErrorEvent() throws Exception {
        serve(ScriptedChatModel.builder().failure("out of memory").answer(r -> "a b c").build(),
                ServerOptions.DEFAULTS);
        HttpResponse<String> failed = post("/chat/completions", HELLO);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(failed).path("error").path("message").asText()).isEqualTo("the model failed: out of memory");
        assertThat(json(failed).path("error").path("type").asText()).isEqualTo("server_error");
    }

    @Test
    void closeLetsStreamsInFlightFinishAndRefusesNewRequests() throws Exception {
        ScriptedChatModel slow = ScriptedChatModel.builder().answer(r -> "one two three four five six")
                .pieceDelay(Duration.ofMillis(100)).build();
        serve(slow, ServerOptions.DEFAULTS.withShutdownGrace(Duration.ofSeconds(5)));
        URI base = server.baseUrl();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(base + "/chat/completions")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(HELLO.replace("}]}", "}],\"stream\":true}"))).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.inFlight() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.inFlight()).isEqualTo(1);
        server.close();
        HttpResponse<String> finished = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(finished.body()).contains("\" six\"").endsWith("data: [DONE]\n\n");
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/models"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
