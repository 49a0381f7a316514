package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * Runs one decode step through the layers: which tokens run at which layer. The default runs the new token through
 * every layer; LazyLLM's Aux Cache also runs, at the layer where each was pruned, tokens it revives from their
 * stored hidden states. Sessions call it only when one is installed ({@link DecodeSeam}): the default path does not.
 */
@FunctionalInterface
public interface DecodeStrategy {

    /**
     * Runs {@code hidden} (the embedded new token, {@code [batch, 1, hidden]}, at {@code positions}) through all
     * {@code layers.layers()} layers of {@code session}. The strategy may run other rows alongside, at their own
     * positions (each layer appends what it runs to its cache; masks follow positions, so a revived token sees
     * only keys before it).
     *
     * @return the last layer's hidden states; their last row must belong to the new token
     */
    NDArray decode(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions);

    /** The step the runtime takes when no strategy is installed: the new token through every layer. */
    static DecodeStrategy dense() {
        return (session, layers, hidden, positions) -> layers.run(session, hidden, positions, 0, layers.layers());
    }
}
