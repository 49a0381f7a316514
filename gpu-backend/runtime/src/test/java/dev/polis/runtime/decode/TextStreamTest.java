package dev.polis.runtime.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.TokenizerFiles;
import dev.polis.runtime.tokenizer.Tokenizers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams the tokens of a text through {@link TextStream} over a byte-level tokenizer: one token per byte. */
class TextStreamTest {

    @TempDir
    static Path folder;

    private static PolisTokenizer tokenizer;

    @BeforeAll
    static void writeTokenizer() {
        TokenizerFiles.writeByteLevel(folder, TokenizerFiles.CHATML_SPECIAL_TOKENS);
        tokenizer = Tokenizers.load(folder);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    @Test
    void stopsAtAStopStringSplitAcrossTokensAndHidesIt() {
        Streamed streamed = stream("The answer is 42.\nObservation: more", List.of("\nObservation:"));
        assertThat(streamed.stopped).isTrue();
        assertThat(streamed.text()).isEqualTo("The answer is 42.");
        assertThat(streamed.pieces).noneMatch(p -> p.contains("\n"));
        assertThat(streamed.tokensConsumed).as("decoding stops at the stop string's last token")
                .isEqualTo("The answer is 42.\nObservation:".length());
    }

    @Test
    void releasesTextThatOnlyLookedLikeTheStartOfAStopString() {
        Streamed streamed = stream("a END? no: ENDS here", List.of("END."));
        assertThat(streamed.stopped).isFalse();
        assertThat(streamed.text()).isEqualTo("a END? no: ENDS here");
    }

    @Test
    void theEarliestOfSeveralStopStringsWins() {
        Streamed streamed = stream("one two three", List.of("three", "two"));
        assertThat(streamed.text()).isEqualTo("one ");
    }

    @Test
    void aStopStringInsideAMultiByteCharacterSequenceIsFound() {
        Streamed streamed = stream("Fish 🐟🎣 caught", List.of("🎣"));
        assertThat(streamed.text()).isEqualTo("Fish 🐟");
        assertThat(streamed.pieces).noneMatch(p -> p.contains("\uFFFD"));
    }

    @Test
    void withoutStopStringsThePiecesAddUpToTheDecodedText() {
        String text = "Grüße 日本 👩‍👩‍👧 done";
        Streamed streamed = stream(text, List.of());
        assertThat(streamed.text()).isEqualTo(text).isEqualTo(String.join("", streamed.pieces));
    }

    @Test
    void stopStringsHeldBackAtTheEndAreReleasedByFinish() {
        Streamed streamed = stream("tail <|im", List.of("<|im_end|>"));
        assertThat(streamed.text()).isEqualTo("tail <|im");
    }

    private static Streamed stream(String text, List<String> stops) {
        Streamed streamed = new Streamed();
        TextStream stream = new TextStream(tokenizer.newIncrementalDecoder(true), new StopStrings(stops), streamed.pieces::add);
        for (int token : tokenizer.encode(text)) {
            streamed.tokensConsumed++;
            if (!stream.onToken(token)) {
                break;
            }
        }
        stream.finish();
        streamed.stopped = stream.stoppedAtStopString();
        assertThat(String.join("", streamed.pieces)).isEqualTo(stream.text());
        return streamed;
    }

    private static final class Streamed {
        final List<String> pieces = new ArrayList<>();
        int tokensConsumed;
        boolean stopped;

        String text() {
            return String.join("", pieces);
        }
    }
}
