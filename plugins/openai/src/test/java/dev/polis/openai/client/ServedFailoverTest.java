package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code polis serve} servers on loopback answer one model's calls from several threads; one is closed while
 * calls are in flight and every call is still answered, by the server that remains once the other is gone.
 */
@Timeout(120)
class ServedFailoverTest {

    private static ChatCompletionsServer serve(String name) {
        ScriptedChatModel model = ScriptedChatModel.builder().modelName("m").answer(request -> name).build();
        return ChatCompletionsServer.start(model, "m", new InetSocketAddress("127.0.0.1", 0),
                ServerOptions.DEFAULTS.withShutdownGrace(Duration.ofSeconds(2)));
    }

    @Test
    void callsFromFiveThreadsAllSucceedWhenOneOfTwoServersIsClosedMidRun() throws Exception {
        ChatCompletionsServer a = serve("a");
        ChatCompletionsServer b = serve("b");
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try (ChatModel model = new OpenAiChatModelProvider(name -> null).create(ModelRequest.of(new ModelSpec(
                "openai", a.baseUrl() + "," + b.baseUrl(), "m", Map.of("readTimeout", "30s", "maxRetries", 2,
                "initialBackoff", "10ms"))))) {
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                if (i == 60) {
                    while (calls.stream().filter(Future::isDone).count() < 40) {
                        Thread.sleep(2);
                    }
                    a.close();
                }
                calls.add(callers.submit(() -> model.chat(ChatRequest.of(Message.user("hi")))));
            }
            List<String> answers = new ArrayList<>();
            for (Future<ChatResponse> call : calls) {
                ChatResponse response = call.get(60, TimeUnit.SECONDS);
                answers.add(response.text());
                assertThat(response.endpoint()).isEqualTo(response.text().equals("a") ? a.baseUrl().toString()
                        : b.baseUrl().toString());
            }
            assertThat(answers.subList(0, 40)).contains("a", "b");
            assertThat(answers.subList(100, 200)).containsOnly("b");
        } finally {
            callers.shutdownNow();
            a.close();
            b.close();
        }
    }
}
