package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.Usage;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenAiClientAgainstServerTest {

    private final ScriptedChatModel scripted = ScriptedChatModel.builder()
            .answer(request -> "I will catch ten tons. END and nothing more").modelName("tiny").build();
    private ChatCompletionsServer server;
    private ChatModel client;

    @BeforeEach
    void start() {
        server = ChatCompletionsServer.start(scripted, "tiny", new InetSocketAddress("127.0.0.1", 0),
                ServerOptions.DEFAULTS);
        client = new OpenAiChatModelProvider(name -> null).create(ModelRequest.of("openai:" + server.baseUrl() + "#tiny"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static ChatRequest request(GenerationSettings settings) {
        return new ChatRequest(List.of(Message.system("You fish."), Message.user("How much will you catch?")),
                settings, Map.of("agent", "alice"));
    }

    @Test
    void plainCallReturnsTextUsageAndFinishReason() {
        ChatResponse response = client.chat(request(GenerationSettings.DEFAULTS));
        assertThat(response.text()).isEqualTo("I will catch ten tons. END and nothing more");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(new Usage(7, 9));
        assertThat(response.model()).isEqualTo("tiny");
        assertThat(client.spec()).isEqualTo("openai:" + server.baseUrl() + "#tiny");
    }

    @Test
    void streamedCallDeliversPiecesAndUsage() {
        List<String> pieces = new ArrayList<>();
        ChatResponse response = client.stream(request(GenerationSettings.DEFAULTS), pieces::add);
        assertThat(pieces).hasSize(9).startsWith("I", " will");
        assertThat(String.join("", pieces)).isEqualTo(response.text());
        assertThat(response.usage()).isEqualTo(new Usage(7, 9));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void settingsAndStopSequencesReachTheModel() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withTemperature(0.3).withTopP(0.9).withMaxTokens(50)
                .withSeed(42).withStop(List.of(" END"));
        ChatResponse response = client.chat(request(settings));
        assertThat(response.text()).isEqualTo("I will catch ten tons.");
        ChatRequest received = scripted.requests().getLast();
        assertThat(received.settings()).isEqualTo(settings);
        assertThat(received.messages()).extracting(Message::content).containsExactly("You fish.",
                "How much will you catch?");
    }

    @Test
    void tokenLimitIsReportedAsLength() {
        List<String> pieces = new ArrayList<>();
        ChatResponse response = client.stream(request(GenerationSettings.DEFAULTS.withMaxTokens(3)), pieces::add);
        assertThat(response.text()).isEqualTo("I will catch");
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.usage().completionTokens()).isEqualTo(3);
    }
}
