package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ModelRequest;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.template.ChatTemplate;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request ending with an assistant message of text is continued: the prompt is rendered without the generation
 * prompt and ends with that text, left open (no end-of-turn token), as Hugging Face's {@code continue_final_message}
 * renders it; official templates from the test resources and a tiny checkpoint end to end.
 */
class ContinuationTest {

    private static final List<Message> PREFILLED = List.of(
            Message.user("How many tons will you catch?"), Message.assistant("Response: "));

    @TempDir
    Path temp;

    @Test
    void mistralLeavesTheAssistantPrefixOpenWithoutItsEndOfSentenceToken() {
        ChatTemplate mistral = ChatTemplate.of(fixture("mistral.jinja"), "<s>", "</s>");
        assertThat(ChatPrompt.render(mistral, "mistral", ChatRequest.of(PREFILLED)))
                .isEqualTo("<s>[INST] How many tons will you catch? [/INST]Response:");
    }

    @Test
    void llama3AndQwenEndWithThePrefixAndNoEndOfTurnToken() {
        ChatTemplate llama = ChatTemplate.of(fixture("llama3.jinja"), "<|begin_of_text|>", "<|eot_id|>");
        assertThat(ChatPrompt.render(llama, "llama", ChatRequest.of(PREFILLED))).isEqualTo("<|begin_of_text|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHow many tons will you catch?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nResponse:");
        ChatTemplate qwen = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        String rendered = ChatPrompt.render(qwen, "qwen", ChatRequest.of(PREFILLED));
        assertThat(rendered).endsWith("<|im_start|>user\nHow many tons will you catch?<|im_end|>\n"
                + "<|im_start|>assistant\nResponse:").doesNotEndWith("<|im_end|>\n");
    }

    @Test
    void aConversationEndingWithAUserMessageOrAToolCallGetsTheGenerationPrompt() {
        ChatTemplate qwen = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        assertThat(ChatPrompt.render(qwen, "qwen", ChatRequest.of(PREFILLED.subList(0, 1))))
                .endsWith("<|im_end|>\n<|im_start|>assistant\n");
        List<Message> toolCall = List.of(PREFILLED.get(0),
                Message.assistant("", List.of(new ToolCall("abcdefghi", "catch", "{}"))));
        assertThat(ChatPrompt.render(qwen, "qwen", ChatRequest.of(toolCall))).endsWith("<|im_start|>assistant\n");
    }

    @Test
    void theLocalModelContinuesTheFinalAssistantMessage() {
        Path folder = TinyChatCheckpoint.writeTo(temp);
        try (ChatModel model = new LocalChatModelProvider(TestHost.extensions(), TestHost.settings()).create(ModelRequest.of("local:" + folder));
             PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            ChatResponse response = model.chat(ChatRequest.of(Message.system("Be brief."), PREFILLED.get(0),
                            PREFILLED.get(1))
                    .withSettings(GenerationSettings.DEFAULTS.withMaxTokens(4)));
            String open = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHow many tons will you catch?<|im_end|>\n<|im_start|>assistant\nResponse:";
            assertThat(response.usage().promptTokens()).isEqualTo(tokenizer.encode(open).length);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = ContinuationTest.class.getResourceAsStream("/templates/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
