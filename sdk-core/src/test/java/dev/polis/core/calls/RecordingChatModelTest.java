package dev.polis.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.api.chat.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RecordingChatModelTest {

    private static final String KEY = "sk-test-0123456789abcdef";

    @TempDir
    Path dir;

    private static ChatModel echo() {
        return request -> new ChatResponse("echo " + request.messages().getLast().content(), FinishReason.STOP,
                new Usage(3, 2), "echo-model");
    }

    @Test
    void recordsRequestResponseTimingAndSpecWithoutSecrets() throws Exception {
        ModelSpec spec = new ModelSpec("openai", "https://user:" + KEY + "@api.example.com/v1?api_key=" + KEY,
                "qwen", Map.of("apiKey", KEY, "apiKeyEnv", "OPENAI_API_KEY",
                        "headers", Map.of("Authorization", "Bearer " + KEY, "X-Team", "blue")));
        ChatRequest request = new ChatRequest(List.of(Message.system("rules"),
                new Message(Role.TOOL, "a web page", Privilege.TOOL, "https://example.com")),
                GenerationSettings.DEFAULTS.withTemperature(0.2).withStop(List.of("END")).withSeed(7),
                Map.of("agent", "alice"));
        try (CallLog log = CallLog.inRunFolder(dir);
             ChatModel model = RecordingChatModel.wrap(echo(), spec, log)) {
            model.chat(request);
        }
        String text = Files.readString(dir.resolve("calls.jsonl"), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(KEY).endsWith("\n").contains("OPENAI_API_KEY", "X-Team", "blue");
        List<CallRecord> records = CallRecords.read(dir.resolve("calls.jsonl"));
        assertThat(records).hasSize(1);
        CallRecord record = records.get(0);
        assertThat(record.seq()).isEqualTo(1);
        assertThat(record.spec()).isEqualTo("openai:https://api.example.com/v1?api_key=***#qwen");
        assertThat(record.request()).isEqualTo(request);
        assertThat(record.response().text()).isEqualTo("echo a web page");
        assertThat(record.response().usage()).isEqualTo(new Usage(3, 2));
        assertThat(record.streamed()).isFalse();
        assertThat(record.firstTokenMs()).isNull();
        assertThat(record.durationMs()).isNotNegative();
        assertThat(record.startedAt()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void recordsTimeToFirstTokenOfAStream() {
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return new ChatResponse("a b", FinishReason.STOP, Usage.NONE, "m");
            }

            @Override
            public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
                sleep(30);
                listener.onText("a");
                listener.onText(" b");
                ChatResponse response = chat(request);
                listener.onComplete(response);
                return response;
            }
        };
        List<String> pieces = new ArrayList<>();
        try (CallLog log = CallLog.inRunFolder(dir)) {
            RecordingChatModel.wrap(slow, ModelSpec.parse("x:y"), log).stream(ChatRequest.of(Message.user("hi")),
                    pieces::add);
        }
        CallRecord record = CallRecords.read(dir.resolve("calls.jsonl")).get(0);
        assertThat(pieces).containsExactly("a", " b");
        assertThat(record.streamed()).isTrue();
        assertThat(record.firstTokenMs()).isBetween(25L, record.durationMs());
    }

    @Test
    void recordsAFailureAndRethrowsIt() {
        ChatModel failing = request -> {
            throw new PolisException("server said no");
        };
        try (CallLog log = CallLog.inRunFolder(dir)) {
            ChatModel model = RecordingChatModel.wrap(failing, ModelSpec.parse("x:y"), log);
            assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("hi"))))
                    .isInstanceOf(PolisException.class).hasMessage("server said no");
        }
        CallRecord record = CallRecords.read(dir.resolve("calls.jsonl")).get(0);
        assertThat(record.response()).isNull();
        assertThat(record.error()).isEqualTo(new CallError("PolisException", "server said no"));
    }

    @Test
    void concurrentCallsEachWriteOneWholeLine() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (CallLog log = CallLog.inRunFolder(dir)) {
            ChatModel model = RecordingChatModel.wrap(echo(), ModelSpec.parse("echo:"), log);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String agent = "agent-" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        model.chat(new ChatRequest(List.of(Message.user("x".repeat(500) + i)), null,
                                Map.of("agent", agent)));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<CallRecord> records = CallRecords.read(dir.resolve("calls.jsonl"));
        assertThat(records).hasSize(threads * perThread);
        assertThat(records.stream().map(CallRecord::seq).distinct()).hasSize(threads * perThread);
    }

    @Test
    void reopeningALogContinuesItsNumbering() {
        try (CallLog log = CallLog.inRunFolder(dir)) {
            RecordingChatModel.wrap(echo(), ModelSpec.parse("echo:"), log).chat(ChatRequest.of(Message.user("1")));
        }
        try (CallLog log = CallLog.inRunFolder(dir)) {
            RecordingChatModel.wrap(echo(), ModelSpec.parse("echo:"), log).chat(ChatRequest.of(Message.user("2")));
        }
        assertThat(CallRecords.read(dir.resolve("calls.jsonl"))).extracting(CallRecord::seq).containsExactly(1L, 2L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
