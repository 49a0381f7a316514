package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.api.run.RunRecord;
import dev.polis.core.calls.CallRecord;
import dev.polis.core.calls.CallRecords;
import dev.polis.core.calls.ReplayChatModelProvider;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.TestModels;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Model → tool calls → tool results → answer, through {@code polis serve} and the openai client, recorded and replayed. */
@Timeout(60)
class ToolRoundTripThroughServeTest {

    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather in a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
                    List.of("city")));
    private static final ResponseFormat ANSWER = ResponseFormat.jsonSchema("answer", Map.of("type", "object",
            "properties", Map.of("summary", Map.of("type", "string"))), true);

    @TempDir
    Path dir;

    private final List<ScriptedChatModel> served = new ArrayList<>();

    /** Calls the weather tool for Paris and Rome at once, then answers from the tool results it was given. */
    private ScriptedChatModel weatherModel() {
        ScriptedChatModel.Builder script = ScriptedChatModel.builder();
        for (int conversation = 0; conversation < 2; conversation++) {
            script.callTools(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                            new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}"))
                    .replyWith(request -> "{\"summary\":\"" + request.messages().stream().filter(Message::isToolResult)
                            .map(m -> m.toolCallId() + "=" + m.content()).collect(Collectors.joining(", ")) + "\"}");
        }
        ScriptedChatModel model = script.build();
        served.add(model);
        return model;
    }

    /** Runs the tools the model called: the weather is looked up in a fixed table. */
    private static List<Message> run(List<ToolCall> calls) {
        Map<String, String> weather = Map.of("{\"city\":\"Paris\"}", "18 C", "{\"city\":\"Rome\"}", "21 C");
        return calls.stream().map(call -> Message.toolResult(call.id(), call.name(), weather.get(call.arguments())))
                .toList();
    }

    private static ChatResponse conversation(ChatModel client, boolean streamed) {
        ChatRequest ask = new ChatRequest(List.of(Message.user("Weather in Paris and Rome?")), null, null,
                List.of(WEATHER), ToolChoice.AUTO, ANSWER);
        ChatResponse calls = streamed ? client.stream(ask, piece -> { }) : client.chat(ask);
        List<Message> messages = new ArrayList<>(ask.messages());
        messages.add(Message.assistant(calls.text(), calls.toolCalls()));
        messages.addAll(run(calls.toolCalls()));
        ChatRequest answerWith = ask.withMessages(messages);
        return streamed ? client.stream(answerWith, piece -> { }) : client.chat(answerWith);
    }

    @Test
    void aToolUsingConversationRoundTripsThroughPolisServeStreamedOrNotAndIsRecorded() throws Exception {
        ChatModelProvider provider = new ChatModelProvider() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public ChatModel create(ModelRequest request) {
                return weatherModel();
            }
        };
        ServeCommand command = new ServeCommand(TestModels.over(provider));
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:weather#tiny", "--port", "0", "--record", dir.toString()));
        ServeCommandTest.awaitServer(command);
        ChatResponse plain;
        ChatResponse streamed;
        try (ChatModel client = new OpenAiChatModelProvider(name -> null)
                .create(ModelRequest.of("openai:" + command.server().baseUrl() + "#tiny"))) {
            plain = conversation(client, false);
            streamed = conversation(client, true);
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();

        assertThat(plain.text()).isEqualTo("{\"summary\":\"call_1=18 C, call_2=21 C\"}");
        assertThat(streamed).isEqualTo(plain);
        ChatRequest second = served.getFirst().requests().get(1);
        assertThat(second.tools()).containsExactly(WEATHER);
        assertThat(second.toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(second.responseFormat()).isEqualTo(ANSWER);
        assertThat(second.messages().subList(2, 4)).allSatisfy(result -> {
            assertThat(result.privilege()).isEqualTo(Privilege.TOOL);
            assertThat(result.source()).isEqualTo("get_weather");
        });
        List<CallRecord> records = CallRecords.read(dir.resolve(RunRecord.CALLS));
        assertThat(records).hasSize(4);
        assertThat(records.get(0).response().toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(records.get(2).response()).isEqualTo(records.get(0).response());
        assertThat(records.get(1).request()).isEqualTo(second);
        try (ChatModel replay = new ReplayChatModelProvider().create(ModelRequest.of("replay:"
                + dir.resolve(RunRecord.CALLS)))) {
            assertThat(conversation(replay, false)).isEqualTo(records.get(1).response());
            assertThat(conversation(replay, true)).isEqualTo(records.get(3).response());
        }
    }
}
