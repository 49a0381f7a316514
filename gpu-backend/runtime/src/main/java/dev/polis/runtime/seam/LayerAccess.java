package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * Reaches inside the layer stack: embed tokens, run any range of layers on a session's caches, and exit early
 * through the final norm and LM head. Self-speculative decoding (LayerSkip) and custom prefill strategies use it.
 *
 * <p>Call it inside {@link LayerSession#step} so every intermediate array is freed with the step.
 */
public interface LayerAccess {

    /** Returns the number of decoder layers. */
    int layers();

    /** Embeds {@code tokens} ({@code [batch][tokens]}) into {@code [batch, tokens, hidden]}. */
    NDArray embed(LayerSession session, int[][] tokens);

    /**
     * Runs layers {@code from} (inclusive) to {@code to} (exclusive) on {@code hidden}, whose rows are tokens at
     * absolute {@code positions}; each layer appends their keys and values to its own cache in {@code session}.
     *
     * @return the hidden states after layer {@code to - 1}
     */
    NDArray run(LayerSession session, NDArray hidden, int[] positions, int from, int to);

    /** Applies the final norm and the LM head: {@code [batch, tokens, hidden]} to {@code [batch, tokens, vocab]}. */
    NDArray logits(NDArray hidden);

    /** Returns a view of the first {@code depth} layers (early exit); {@code depth} is in {@code [1, layers()]}. */
    default LayerAccess truncated(int depth) {
        return depth == layers() ? this : new TruncatedLayers(this, depth);
    }
}
