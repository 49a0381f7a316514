package dev.polis.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalDecoderTest {

    @TempDir
    Path folder;

    @Test
    void piecesAddUpToTheFullDecodeAndNeverSplitACharacter() {
        String text = "Fish 🐟 in Köln: 日本語 — 👩‍👩‍👧!";
        TokenizerFiles.writeByteLevel(folder, TokenizerFiles.CHATML_SPECIAL_TOKENS);
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            int[] ids = tokenizer.encode(text);
            IncrementalDecoder decoder = tokenizer.newIncrementalDecoder(false);
            List<String> pieces = new ArrayList<>();
            for (int id : ids) {
                pieces.add(decoder.add(id));
            }
            pieces.add(decoder.flush());
            assertThat(String.join("", pieces)).isEqualTo(tokenizer.decode(ids)).isEqualTo(text);
            assertThat(pieces).as("no piece holds a replacement character").noneMatch(p -> p.contains("\uFFFD"));
            assertThat(pieces).as("the fish emoji arrives whole").contains("🐟");
            assertThat(decoder.text()).isEqualTo(text);
        }
    }

    @Test
    void holdsBackAnIncompleteCharacterUntilItsLastByte() {
        TokenizerFiles.writeByteLevel(folder, List.of());
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            int[] fish = tokenizer.encode("🐟");
            assertThat(fish).hasSize(4);
            IncrementalDecoder decoder = tokenizer.newIncrementalDecoder(true);
            assertThat(decoder.add(fish[0])).isEmpty();
            assertThat(decoder.add(fish[1])).isEmpty();
            assertThat(decoder.add(fish[2])).isEmpty();
            assertThat(decoder.add(fish[3])).isEqualTo("🐟");
            assertThat(decoder.flush()).isEmpty();
        }
    }

    @Test
    void flushReleasesATruncatedCharacter() {
        IncrementalDecoder decoder = new IncrementalDecoder(ids -> "a\uFFFD".substring(0, ids.length));
        assertThat(decoder.add(1)).isEqualTo("a");
        assertThat(decoder.add(2)).isEmpty();
        assertThat(decoder.flush()).isEqualTo("\uFFFD");
    }

    @Test
    void handlesADecoderThatDropsTheLeadingSpaceOfAText() {
        // Like sentencepiece: a text's first token loses its leading space, later ones keep it.
        String[] pieces = {"▁Hello", "▁world", "!"};
        IncrementalDecoder decoder = new IncrementalDecoder(ids -> {
            StringBuilder text = new StringBuilder();
            for (int id : ids) {
                text.append(pieces[id].replace('▁', ' '));
            }
            return text.toString().startsWith(" ") ? text.substring(1) : text.toString();
        });
        String streamed = decoder.add(0) + decoder.add(1) + decoder.add(2) + decoder.flush();
        assertThat(streamed).isEqualTo("Hello world!").isEqualTo(decoder.text());
    }
}
