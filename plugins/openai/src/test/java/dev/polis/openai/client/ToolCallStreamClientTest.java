package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.openai.LoopbackServer;
import dev.polis.openai.OpenAiChatModelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ToolCallStreamClientTest {

    private static String event(String delta, String finish) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
                + "}]}\n\n";
    }

    private static String start(int index, String id) {
        return event("{\"tool_calls\":[{\"index\":" + index + ",\"id\":\"" + id + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null);
    }

    private static String arguments(int index, String piece) {
        return event("{\"tool_calls\":[{\"index\":" + index + ",\"function\":{\"arguments\":\""
                + piece.replace("\"", "\\\"") + "\"}}]}", null);
    }

    private static LoopbackServer serving(String body) throws Exception {
        return LoopbackServer.start((exchange, number) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Records what a stream hands out. */
    private static final class Recorder implements ChatStreamListener {
        final List<ToolCallFragment> fragments = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void onText(String piece) {
        }

        @Override
        public void onToolCallFragment(ToolCallFragment fragment) {
            fragments.add(fragment);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }
    }

    @Test
    void interleavedPiecesOfParallelCallsAreJoinedByIndex() throws Exception {
        String body = start(0, "call_1") + start(1, "call_2") + arguments(0, "{\"city\":") + arguments(1, "{\"city\":")
                + arguments(1, "\"Rome\"}") + arguments(0, "\"Paris\"}") + event("{}", "tool_calls") + "data: [DONE]\n\n";
        try (LoopbackServer server = serving(body);
             ChatModel client = new OpenAiChatModelProvider(name -> null)
                     .create(ModelRequest.of("openai:" + server.baseUrl() + "#m"))) {
            Recorder recorder = new Recorder();
            ChatResponse response = client.stream(ChatRequest.of(Message.user("weather?")), recorder);

            assertThat(response.toolCalls()).containsExactly(
                    new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                    new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}"));
            assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(recorder.fragments).hasSize(6);
            assertThat(recorder.fragments.get(5)).isEqualTo(new ToolCallFragment(0, null, null, "\"Paris\"}"));
        }
    }

    @Test
    void aStreamCutInTheMiddleOfAToolCallsArgumentsFailsSayingWhereAndIsNotRetried() throws Exception {
        String body = start(0, "call_1") + arguments(0, "{\"ci");
        try (LoopbackServer server = serving(body);
             ChatModel client = new OpenAiChatModelProvider(name -> null)
                     .create(ModelRequest.of("openai:" + server.baseUrl() + "#m"))) {
            Recorder recorder = new Recorder();

            assertThatThrownBy(() -> client.stream(ChatRequest.of(Message.user("weather?")), recorder))
                    .isInstanceOf(PolisException.class)
                    .hasMessageContaining("in the middle of tool call 0 (get_weather, id call_1) after 4 characters"
                            + " of its arguments");
            assertThat(recorder.errors).hasSize(1);
            assertThat(recorder.fragments).hasSize(2);
            assertThat(server.requests()).as("a stream that handed out pieces is not retried").isEqualTo(1);
        }
    }
}
