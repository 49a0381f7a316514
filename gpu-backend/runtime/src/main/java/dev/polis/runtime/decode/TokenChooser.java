package dev.polis.runtime.decode;

/** Picks the next token from one row of next-token logits: the part in which decoders differ. */
@FunctionalInterface
public interface TokenChooser {

    /** Returns the chosen token id, an index into {@code logits}. */
    int choose(float[] logits);
}
