package dev.polis.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.api.chat.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ToolCallReplayTest {

    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather in a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string", "enum",
                    List.of("Paris", "Rome")), "days", Map.of("type", "integer", "minimum", 1, "maximum", 7.5)),
                    "required", List.of("city")), true);
    private static final ResponseFormat FORECAST = ResponseFormat.jsonSchema("forecast", Map.of("type", "object",
            "properties", Map.of("summary", Map.of("type", "string")), "additionalProperties", false), true);
    private static final List<ToolCall> CALLS = List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
            new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\",\"days\":2}"));

    @TempDir
    Path dir;

    /** A model that calls the weather tool twice in parallel, then answers from the results. */
    private static ChatModel toolUser() {
        return request -> request.messages().getLast().isToolResult()
                ? new ChatResponse("{\"summary\":\"" + request.messages().getLast().content() + "\"}",
                FinishReason.STOP, new Usage(9, 4), "m")
                : new ChatResponse("", FinishReason.TOOL_CALLS, new Usage(5, 7), "m", CALLS);
    }

    private static ChatRequest first() {
        return new ChatRequest(List.of(Message.system("Forecasts."), Message.user("Paris and Rome?")),
                GenerationSettings.DEFAULTS.withSeed(3), Map.of("agent", "a1"), List.of(WEATHER), ToolChoice.REQUIRED,
                FORECAST);
    }

    private static ChatRequest second(ChatResponse calls) {
        List<Message> messages = new ArrayList<>(first().messages());
        messages.add(calls.asMessage());
        messages.add(Message.toolResult("call_1", "get_weather", "18 C"));
        messages.add(Message.toolResult("call_2", "get_weather", "21 C"));
        return first().withMessages(messages).withTools(List.of(WEATHER), ToolChoice.AUTO);
    }

    private Path record() {
        Path file = dir.resolve("calls.jsonl");
        try (CallLog log = CallLog.open(file)) {
            ChatModel model = RecordingChatModel.wrap(toolUser(), ModelSpec.parse("test:model"), log);
            ChatResponse calls = model.chat(first());
            model.stream(second(calls), text -> { });
        }
        return file;
    }

    @Test
    void toolDefinitionsCallsResultsAndFormatsSurviveTheJsonRoundTripExactly() {
        Path file = record();
        List<CallRecord> records = CallRecords.read(file);

        assertThat(records.get(0).request()).isEqualTo(first());
        assertThat(records.get(0).response().toolCalls()).isEqualTo(CALLS);
        assertThat(records.get(0).response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(records.get(1).request()).isEqualTo(second(toolUser().chat(first())));
        assertThat(records.get(1).request().messages().get(3).toolCallId()).isEqualTo("call_1");
    }

    @Test
    void callsWithoutToolsAreWrittenWithoutToolFields() throws Exception {
        Path file = dir.resolve("plain.jsonl");
        try (CallLog log = CallLog.open(file)) {
            RecordingChatModel.wrap(request -> new ChatResponse("hi", FinishReason.STOP, Usage.NONE, "m"),
                    ModelSpec.parse("test:model"), log).chat(ChatRequest.of(Message.user("hello")));
        }
        String line = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(line).doesNotContain("toolCalls").doesNotContain("toolCallId").doesNotContain("tools")
                .doesNotContain("toolChoice").doesNotContain("responseFormat");
        assertThat(CallRecords.read(file).get(0).request()).isEqualTo(ChatRequest.of(Message.user("hello")));
    }

    @Test
    void replayServesRecordedToolCallsBackExactlyAndStreamsThemAsFragments() {
        Path file = record();
        try (ChatModel replay = new ReplayChatModelProvider().create(ModelRequest.of("replay:" + file))) {
            ChatResponse calls = replay.chat(first());
            List<ToolCallFragment> fragments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            ChatResponse answer = replay.stream(second(calls), new ChatStreamListener() {
                @Override
                public void onText(String piece) {
                    text.append(piece);
                }

                @Override
                public void onToolCallFragment(ToolCallFragment fragment) {
                    fragments.add(fragment);
                }
            });

            assertThat(calls).isEqualTo(toolUser().chat(first()));
            assertThat(answer.text()).isEqualTo("{\"summary\":\"21 C\"}").isEqualTo(text.toString());
            assertThat(fragments).isEmpty();
        }
    }

    @Test
    void aReplayStreamHandsRecordedToolCallsToTheListener() {
        Path file = record();
        try (ChatModel replay = new ReplayChatModelProvider().create(ModelRequest.of("replay:" + file))) {
            List<ToolCallFragment> fragments = new ArrayList<>();
            replay.stream(first(), new ChatStreamListener() {
                @Override
                public void onText(String piece) {
                }

                @Override
                public void onToolCallFragment(ToolCallFragment fragment) {
                    fragments.add(fragment);
                }
            });

            assertThat(fragments).containsExactly(new ToolCallFragment(0, "call_1", "get_weather", "{\"city\":\"Paris\"}"),
                    new ToolCallFragment(1, "call_2", "get_weather", "{\"city\":\"Rome\",\"days\":2}"));
        }
    }

    @Test
    void aRequestWithOtherToolsOrAnotherFormatDoesNotMatchTheRecordingAndSaysWhy() {
        Path file = record();
        try (ChatModel replay = new ReplayChatModelProvider().create(ModelRequest.of("replay:" + file))) {
            assertThatThrownBy(() -> replay.chat(first().withTools(List.of(WEATHER), ToolChoice.AUTO)))
                    .isInstanceOf(ReplayMismatchException.class).hasMessageContaining("toolChoice differs");
            assertThatThrownBy(() -> replay.chat(first().withResponseFormat(ResponseFormat.JSON_OBJECT)))
                    .isInstanceOf(ReplayMismatchException.class).hasMessageContaining("responseFormat differs");
            assertThatThrownBy(() -> replay.chat(first().withTools(List.of(), null)))
                    .isInstanceOf(ReplayMismatchException.class).hasMessageContaining("offers 0 tools");
        }
    }
}
