package dev.polis.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.runtime.tokenizer.TokenizerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplatesTest {

    @TempDir
    Path folder;

    @Test
    void loadsTheTemplateThatTokenizerFilesWrites() {
        TokenizerFiles.writeByteLevel(folder, TokenizerFiles.CHATML_SPECIAL_TOKENS);
        ChatTemplate template = ChatTemplates.load(folder, "<|im_start|>", "<|im_end|>");
        assertThat(template.render(List.of(Message.system("Be brief."), Message.user("Hi")), true))
                .isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void thePlainLayoutUsesBeginAndEndTokens() {
        TokenizerFiles.writeByteLevel(folder, List.of("<s>", "</s>"));
        ChatTemplate template = ChatTemplates.load(folder, "<s>", "</s>");
        assertThat(template.render(List.of(Message.user("Hi")), true)).isEqualTo("<s>user: Hi</s>\nassistant: ");
    }

    @Test
    void prefersChatTemplateJinjaAndReadsNamedTemplates() throws Exception {
        Files.writeString(folder.resolve("tokenizer_config.json"),
                "{\"chat_template\": [{\"name\": \"tool_use\", \"template\": \"T\"}, {\"name\": \"default\", \"template\": \"D\"}]}");
        assertThat(ChatTemplates.load(folder, "", "").source()).isEqualTo("D");
        Files.writeString(folder.resolve("chat_template.jinja"), "J");
        assertThat(ChatTemplates.load(folder, "", "").source()).isEqualTo("J");
    }

    @Test
    void aCheckpointWithoutTemplateFailsClearly() throws Exception {
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"bos_token\": \"<s>\"}");
        assertThatThrownBy(() -> ChatTemplates.load(folder, "", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("no chat template");
    }
}
