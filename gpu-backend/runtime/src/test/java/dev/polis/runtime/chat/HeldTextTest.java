package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that may be a tool call is held back from the stream; plain text flows as it comes. */
class HeldTextTest {

    private final List<String> out = new ArrayList<>();
    private final HeldText held = new HeldText(out::add);

    @Test
    void plainTextFlowsPieceByPiece() {
        feed("Hel", "lo ", "there");
        assertThat(out).containsExactly("Hel", "lo ", "there");
    }

    @Test
    void anAnswerBeginningLikeACallIsHeldUntilReleased() {
        feed(" {\"na", "me\": 1}");
        assertThat(out).isEmpty();
        held.releaseAll();
        assertThat(String.join("", out)).isEqualTo(" {\"name\": 1}");
    }

    @Test
    void aQwenCallAfterTextHoldsFromItsTagOnEvenWhenTheTagIsSplit() {
        feed("Let me look.\n<tool", "_call>\n{\"name\"");
        assertThat(String.join("", out)).isEqualTo("Let me look.\n");
    }

    @Test
    void aPrefixOfAMarkerThatTurnsOutToBeTextIsReleased() {
        feed("<", "b>bold</b>");
        assertThat(String.join("", out)).isEqualTo("<b>bold</b>");
    }

    private void feed(String... pieces) {
        for (String piece : pieces) {
            held.accept(piece);
        }
    }
}
