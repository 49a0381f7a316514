package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local model shows tools to the model through its own chat template (here Qwen2.5's, written into a tiny random
 * checkpoint), and refuses what it cannot honour instead of dropping it.
 */
class LocalChatToolsTest {

    private static final ToolDefinition CLOCK = new ToolDefinition("get_time", "Current time", Map.of());
    private static final ChatRequest ASK = new ChatRequest(List.of(Message.user("Time?")),
            GenerationSettings.DEFAULTS.withMaxTokens(3), null, List.of(CLOCK), null, null);

    @TempDir
    static Path temp;

    private static final ScriptedDecoder SCRIPT = new ScriptedDecoder();

    private static ChatModel qwen;
    private static ChatModel scripted;
    private static ChatModel chatMl;
    private static Path qwenFolder;

    @BeforeAll
    static void load() throws IOException {
        qwenFolder = TinyChatCheckpoint.writeTo(Files.createDirectories(temp.resolve("qwen")), 1024);
        try (InputStream in = LocalChatToolsTest.class.getResourceAsStream("/templates/qwen2.5.jinja")) {
            Files.write(qwenFolder.resolve("chat_template.jinja"), in.readAllBytes());
        }
        qwen = provider().create(ModelRequest.of("local:" + qwenFolder));
        scripted = new LocalChatModelProvider(TestHost.extensions(SCRIPT), TestHost.settings()).create(
                ModelRequest.of("local:" + qwenFolder).withInference(new InferenceOptions(null, ScriptedDecoder.ID,
                        List.of())));
        chatMl = provider().create(ModelRequest.of("local:"
                + TinyChatCheckpoint.writeTo(Files.createDirectories(temp.resolve("chatml")))));
    }

    @AfterAll
    static void close() {
        qwen.close();
        scripted.close();
        chatMl.close();
    }

    @Test
    void toolsReachTheModelsOwnTemplate() {
        String rendered = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant."
                + "\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are "
                + "provided with function signatures within <tools></tools> XML tags:\n<tools>\n{\"type\": "
                + "\"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Current time\", "
                + "\"parameters\": {}}}\n</tools>\n\nFor each function call, return a json object with function name "
                + "and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, "
                + "\"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n<|im_start|>user\nTime?<|im_end|>\n"
                + "<|im_start|>assistant\n";
        ChatResponse response = qwen.chat(ASK);
        try (PolisTokenizer tokenizer = Tokenizers.load(qwenFolder)) {
            assertThat(response.usage().promptTokens()).isEqualTo(tokenizer.encode(rendered).length);
        }
    }

    @Test
    void aQwenToolCallComesBackAsACallWithItsFinishReasonAndStreamsAsAFragmentNotAsText() {
        answer("<tool_call>\n{\"name\": \"get_time\", \"arguments\": {\"zone\": \"UTC\"}}\n</tool_call>");
        List<String> pieces = new ArrayList<>();
        List<ToolCallFragment> fragments = new ArrayList<>();
        ChatResponse response = scripted.stream(ASK, new ChatStreamListener() {
            @Override
            public void onText(String piece) {
                pieces.add(piece);
            }

            @Override
            public void onToolCallFragment(ToolCallFragment fragment) {
                fragments.add(fragment);
            }
        });
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_time");
            assertThat(call.arguments()).isEqualTo("{\"zone\":\"UTC\"}");
            assertThat(call.id()).matches("[A-Za-z0-9]{9}");
        });
        assertThat(String.join("", pieces)).isEmpty();
        assertThat(fragments).containsExactly(new ToolCallFragment(0, response.toolCalls().get(0).id(), "get_time",
                "{\"zone\":\"UTC\"}"));

        answer("It is noon.");
        List<Message> messages = new ArrayList<>(ASK.messages());
        messages.add(response.asMessage());
        messages.add(Message.toolResult(response.toolCalls().get(0).id(), "get_time", "12:00"));
        ChatResponse answer = scripted.chat(ASK.withMessages(messages));
        assertThat(answer.text()).isEqualTo("It is noon.");
        assertThat(answer.toolCalls()).isEmpty();
        assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void anAnswerThatLooksLikeACallButIsNotStaysText() {
        answer("{\"name\": \"rm_rf\", \"arguments\": {}}");
        ChatResponse response = scripted.chat(ASK);
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.text()).isEqualTo("{\"name\": \"rm_rf\", \"arguments\": {}}");
    }

    private static void answer(String text) {
        try (PolisTokenizer tokenizer = Tokenizers.load(qwenFolder)) {
            SCRIPT.answer(tokenizer.encode(text));
        }
    }

    @Test
    void toolChoiceNoneKeepsToolsOutOfThePrompt() {
        ChatResponse without = qwen.chat(ASK.withTools(List.of(), null));
        ChatResponse none = qwen.chat(ASK.withTools(List.of(CLOCK), ToolChoice.NONE));
        assertThat(none.usage().promptTokens()).isEqualTo(without.usage().promptTokens());
        assertThat(qwen.chat(ASK).usage().promptTokens()).isGreaterThan(without.usage().promptTokens());
    }

    @Test
    void aTemplateThatNeverReadsToolsRefusesThemNamingTheField() {
        assertThatThrownBy(() -> chatMl.chat(ASK))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tools: the chat template of model model never reads the 'tools' variable");
    }

    private static LocalChatModelProvider provider() {
        return new LocalChatModelProvider(TestHost.extensions(), TestHost.settings());
    }
}
