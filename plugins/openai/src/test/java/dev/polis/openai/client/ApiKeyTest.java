package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.run.RunRecord;
import dev.polis.openai.LoopbackServer;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ApiKeyTest {

    private static final String KEY = "sk-polis-test-5f3a9c0d1e2b";
    private static final Map<String, String> ENVIRONMENT = Map.of("POLIS_TEST_KEY", KEY);

    @TempDir
    Path dir;

    @Test
    void keyIsSentAsBearerButNeverRecordedLoggedOrReported() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        try (LoopbackServer server = LoopbackServer.start((exchange, n) -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            if (n == 1) {
                LoopbackServer.send(exchange, 200, LoopbackServer.completion("fine"));
            } else {
                LoopbackServer.send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
            }
        })) {
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            ModelSpec spec = new ModelSpec("openai", server.baseUrl(), "qwen",
                    Map.of("apiKeyEnv", "POLIS_TEST_KEY", "maxRetries", 0));
            try (ChatModel model = TestModels.over(new OpenAiChatModelProvider(ENVIRONMENT::get))
                    .chat(ModelRequest.of(spec).inRun(TestModels.runIn(dir)))) {
                model.chat(ChatRequest.of(Message.user("hello")));
                assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
                assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("again"))))
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY)
                                .contains("HTTP 401: Incorrect API key provided: ***")
                                .contains("check the key in the environment variable POLIS_TEST_KEY"))
                        .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(KEY));
                assertThat(model.spec()).doesNotContain(KEY);
            }
        } finally {
            System.setErr(originalErr);
        }
        String recorded = Files.readString(dir.resolve(RunRecord.CALLS));
        assertThat(recorded).contains("POLIS_TEST_KEY", "Incorrect API key provided: ***").doesNotContain(KEY);
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    }

    @Test
    void inlineKeysAreRefusedWithoutEchoingThem() {
        ModelSpec spec = new ModelSpec("openai", "http://127.0.0.1:9/v1", "qwen", Map.of("apiKey", KEY));
        assertThatThrownBy(() -> new OpenAiChatModelProvider(ENVIRONMENT::get).create(ModelRequest.of(spec)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("apiKeyEnv").hasMessageNotContaining(KEY);
    }

    @Test
    void aMissingKeyVariableIsNamed() {
        ModelSpec spec = new ModelSpec("openai", "http://127.0.0.1:9/v1", "qwen", Map.of("apiKeyEnv", "NOPE_KEY"));
        assertThatThrownBy(() -> new OpenAiChatModelProvider(ENVIRONMENT::get).create(ModelRequest.of(spec)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NOPE_KEY, which is not set");
    }
}
