package dev.polis.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.polis.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteLevelTokenizerTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {
        "Hello, world!",
        "Grüße aus Köln — ça va? Ñandú",
        "日本語のテキストと中文",
        "Здравствуй, мир; مرحبا بالعالم; שלום",
        "emoji 🐟🎣 and family 👩‍👩‍👧 and flags 🇫🇷",
        "  leading and trailing spaces \n\ttabs\r\n",
        ""})
    void roundTripsAnyUtf8Text(String text) {
        TokenizerFiles.writeByteLevel(folder, TokenizerFiles.CHATML_SPECIAL_TOKENS);
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            int[] ids = tokenizer.encode(text);
            assertThat(ids).as("one token per UTF-8 byte").hasSize(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
        }
    }

    @Test
    void bytesAreTheirOwnIdsAndSpecialTokensFollow() {
        TokenizerLayout layout = TokenizerFiles.writeByteLevel(folder, TokenizerFiles.CHATML_SPECIAL_TOKENS);
        assertThat(layout.vocabularySize()).isEqualTo(259);
        assertThat(layout.eosTokenId()).isEqualTo(258);
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            assertThat(tokenizer.encode("A é")).containsExactly(65, 32, 0xC3, 0xA9);
            assertThat(tokenizer.encode("<|im_start|>user\nhi<|im_end|>"))
                    .containsExactly(257, 'u', 's', 'e', 'r', '\n', 'h', 'i', 258);
            assertThat(tokenizer.decode(new int[] {257, 'h', 'i', 258}, true)).isEqualTo("hi");
            assertThat(tokenizer.decode(new int[] {257, 'h', 'i', 258}, false)).isEqualTo("<|im_start|>hi<|im_end|>");
        }
    }

    @Test
    void readsBeginAndEndTokensFromTheConfiguration() {
        TokenizerFiles.writeByteLevel(folder, TokenizerFiles.CHATML_SPECIAL_TOKENS);
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            SpecialTokens special = tokenizer.specialTokens();
            assertThat(special.bosToken()).isEqualTo("<|im_start|>");
            assertThat(special.bosId()).hasValue(257);
            assertThat(special.eosToken()).isEqualTo("<|im_end|>");
            assertThat(special.eosIds()).containsExactly(258);
            assertThat(special.ids()).containsEntry("<|endoftext|>", 256);
            assertThat(special.isSpecial(256)).isTrue();
            assertThat(special.isSpecial(65)).isFalse();
        }
    }

    @Test
    void generationConfigAddsEndTokens() throws Exception {
        TokenizerFiles.writeByteLevel(folder, List.of("<s>", "<eot>", "</s>"));
        Files.writeString(folder.resolve("generation_config.json"), "{\"bos_token_id\": 256, \"eos_token_id\": [257, 258]}");
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            SpecialTokens special = tokenizer.specialTokens();
            assertThat(special.bosToken()).isEqualTo("<s>");
            assertThat(special.bosId()).hasValue(256);
            assertThat(special.eosToken()).isEqualTo("</s>");
            assertThat(special.eosIds()).containsExactlyInAnyOrder(257, 258);
        }
    }

    @Test
    void aFolderWithoutTokenizerFailsWithItsName() {
        assertThatThrownBy(() -> Tokenizers.load(folder))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("no tokenizer.json");
    }

    @Test
    void aBrokenTokenizerFileFailsWithItsName() throws Exception {
        Files.writeString(folder.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Nonsense\"}}");
        assertThatThrownBy(() -> Tokenizers.load(folder))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tokenizer.json");
    }
}
