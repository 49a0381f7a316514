package dev.polis.runtime.train;

import dev.polis.api.Choices;
import dev.polis.api.InvalidInputException;

/**
 * Where {@link BatchSampler} starts a training window: anywhere in the corpus, or at the start of a document.
 *
 * <p>Both draw a position uniformly over the training tokens, so each source keeps the share its bytes give it; they
 * differ in what a window holds. A window that starts anywhere cuts documents at random, so a long-range dependency
 * of distance {@code d} is whole in a window of {@code n} tokens only {@code (n - d) / n} of the time: distances near
 * the window's length are rarely trained. A window that starts at a document's start holds the first {@code n}
 * tokens of that document whole, so every dependency inside them is trained as often as any other.
 */
public enum WindowStarts {

    /** A window starts at the drawn position (the default, and the only behaviour before this setting). */
    ANYWHERE,

    /**
     * A window starts at the start of the document that holds the drawn position: documents are drawn in proportion
     * to their length, and the tokens of a document beyond the window's length are never trained on.
     */
    DOCUMENTS;

    /** The setting's name on the command line ({@code anywhere}, {@code documents}). */
    public String label() {
        return Choices.label(this);
    }

    /**
     * Reads a setting by its label.
     *
     * @throws InvalidInputException naming {@code setting} and the labels when {@code label} is none of them
     */
    public static WindowStarts parse(String label, String setting) {
        return Choices.of(setting, label, WindowStarts.class);
    }
}
