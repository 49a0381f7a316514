package dev.polis.openai.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ToolCall;
import dev.polis.openai.wire.WireJson;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ToolCallsServerTest {

    private static final ToolCall PARIS = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
    private static final ToolCall ROME = new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\",\"days\":2}");
    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";
    private static final String ASK = "{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],"
            + TOOLS;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChatCompletionsServer server;

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private HttpResponse<String> post(ChatModel model, String body) throws Exception {
        server = ChatCompletionsServer.start(model, "tiny", new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> events(String body) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(WireJson.MAPPER.readTree(line.substring(6)));
            }
        }
        return events;
    }

    @Test
    void parallelToolCallsStreamAsFirstPiecesWithIdAndNameThenArgumentPiecesThenToolCallsFinish() throws Exception {
        HttpResponse<String> response = post(ScriptedChatModel.builder().callTools(PARIS, ROME).build(),
                ASK + ",\"stream\":true}");
        List<JsonNode> events = events(response.body());

        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        JsonNode first = events.get(0).path("choices").path(0).path("delta");
        assertThat(first.path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("tool_calls").path(0).toString()).isEqualTo("{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}");
        StringBuilder[] arguments = {new StringBuilder(), new StringBuilder()};
        List<String> ids = new ArrayList<>();
        for (JsonNode event : events.subList(0, events.size() - 1)) {
            JsonNode call = event.path("choices").path(0).path("delta").path("tool_calls").path(0);
            arguments[call.path("index").asInt()].append(call.path("function").path("arguments").asText());
            if (call.has("id")) {
                ids.add(call.path("id").asText());
            }
            assertThat(event.path("choices").path(0).path("finish_reason").isNull()).isTrue();
        }
        assertThat(ids).containsExactly("call_1", "call_2");
        assertThat(arguments[0].toString()).isEqualTo(PARIS.arguments());
        assertThat(arguments[1].toString()).isEqualTo(ROME.arguments());
        assertThat(events.getLast().path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void aCompletionCarriesTheCallsWithNullContent() throws Exception {
        HttpResponse<String> response = post(ScriptedChatModel.builder().callTools(PARIS, ROME).build(), ASK + "}");
        JsonNode choice = WireJson.MAPPER.readTree(response.body()).path("choices").path(0);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        assertThat(choice.path("message").path("tool_calls").path(1).path("function").path("arguments").asText())
                .isEqualTo(ROME.arguments());
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void aToolResultForAnUnknownCallIsA400InOpenAisErrorShape() throws Exception {
        HttpResponse<String> response = post(ScriptedChatModel.always("x"), "{\"model\":\"tiny\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"tool\",\"tool_call_id\":\"call_9\","
                + "\"content\":\"18 C\"}]," + TOOLS + "}");
        JsonNode error = WireJson.MAPPER.readTree(response.body()).path("error");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo("messages[1].tool_call_id");
        assertThat(error.path("code").asText()).isEqualTo("invalid_request");
        assertThat(error.path("message").asText()).contains("'call_9'", "answers no tool call");
    }

    @Test
    void aModelThatCannotExpressTheRequestGivesA400NotA500() throws Exception {
        ChatModel model = request -> {
            throw new InvalidInputException("responseFormat: the chat template of this model cannot express json_schema");
        };
        HttpResponse<String> response = post(model, ASK + ",\"response_format\":{\"type\":\"json_object\"}}");
        JsonNode error = WireJson.MAPPER.readTree(response.body()).path("error");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("unsupported_request");
        assertThat(error.path("message").asText()).contains("cannot express json_schema");
    }
}
