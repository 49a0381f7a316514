package dev.polis.openai.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.api.chat.Usage;
import dev.polis.core.calls.CallLog;
import dev.polis.core.calls.RecordingChatModel;
import dev.polis.core.calls.ReplayChatModelProvider;
import dev.polis.openai.OpenAiChatModelProvider;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis serve --model replay:<run>/calls.jsonl} answers a client from a recording made by agents (calls
 * labelled by agent, messages with their sources and the run's settings): the client sends neither labels nor the
 * same settings, and gets the recorded answer of the call holding the same conversation. Over loopback HTTP.
 */
class ServeReplayOfAgentRecordingTest {

    @TempDir
    Path dir;

    private static ChatRequest agentCall(String agent, String question) {
        return new ChatRequest(List.of(new Message(Role.SYSTEM, "You are " + agent + ", a fisherman.",
                Privilege.SYSTEM, "govsim", List.of(), ""), new Message(Role.USER, question, Privilege.USER, "govsim",
                List.of(), "")), GenerationSettings.DEFAULTS.withTemperature(0.0).withSeed(1L),
                Map.of("agent", agent, "phase", "harvest"));
    }

    @Test
    void aClientWithoutAgentLabelsGetsTheRecordedAnswerOfTheSameConversation() {
        Path calls = dir.resolve("calls.jsonl");
        ChatModel agents = request -> new ChatResponse("Answer: " + request.metadata().get("agent").length()
                + " tons", FinishReason.STOP, new Usage(3, 2), "recorded-model");
        try (CallLog log = CallLog.open(calls)) {
            ChatModel recording = RecordingChatModel.wrap(agents, ModelSpec.parse("test:m"), log);
            recording.chat(agentCall("Jo", "How many tons?"));
            recording.chat(agentCall("Kate", "How many tons?"));
        }
        try (ChatModel replay = new ReplayChatModelProvider().create(ModelRequest.of("replay:" + calls));
             ChatCompletionsServer server = ChatCompletionsServer.start(replay, "calls.jsonl",
                     new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
             ChatModel client = new OpenAiChatModelProvider(name -> null)
                     .create(ModelRequest.of("openai:" + server.baseUrl() + "#calls.jsonl"))) {
            ChatResponse kate = client.chat(ChatRequest.of(Message.system("You are Kate, a fisherman."),
                    Message.user("How many tons?")));
            ChatResponse jo = client.chat(ChatRequest.of(Message.system("You are Jo, a fisherman."),
                    Message.user("How many tons?")));

            assertThat(kate.text()).isEqualTo("Answer: 4 tons");
            assertThat(jo.text()).as("asked second, recorded first").isEqualTo("Answer: 2 tons");
            assertThat(jo.usage()).isEqualTo(new Usage(3, 2));
        }
    }
}
