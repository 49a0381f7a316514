package dev.polis.govsim.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * What an agent says in its turn of the group chat.
 *
 * @param text        the line as it enters the transcript (quotes stripped)
 * @param concludes   whether the speaker ends the conversation (the original ends it when this cannot be parsed)
 * @param nextSpeaker the name of who should speak next, when the speaker chose one; the environment falls back to
 *                    the first participant for an unknown or missing name
 * @param rawText     the model's whole answer, recorded as is
 */
public record Utterance(String text, boolean concludes, Optional<String> nextSpeaker, String rawText) {

    /** Checks the components. */
    public Utterance {
        text = text == null ? "" : text;
        nextSpeaker = nextSpeaker == null ? Optional.empty() : nextSpeaker;
        rawText = rawText == null ? "" : rawText;
    }

    /** Creates a line that ends the conversation. */
    public static Utterance concluding(String text) {
        return new Utterance(text, true, Optional.empty(), text);
    }

    /** Creates a line that hands the word to {@code next}. */
    public static Utterance handingTo(String text, String next) {
        return new Utterance(text, false, Optional.of(next), text);
    }
}
