package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * Runs a prompt through the layers when a session prefills it: the default runs every token through every layer;
 * LazyLLM prunes tokens layer by layer.
 */
@FunctionalInterface
public interface PrefillStrategy {

    /**
     * Runs {@code hidden} (the embedded prompt, {@code [batch, tokens, hidden]}, tokens at {@code positions}) through
     * all layers of {@code session}, filling its caches.
     *
     * @return the last layer's hidden states; their last row must belong to the prompt's last token
     */
    NDArray prefill(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions);

    /** The default strategy: every token through every layer. */
    static PrefillStrategy dense() {
        return (session, layers, hidden, positions) -> layers.run(session, hidden, positions, 0, layers.layers());
    }
}
