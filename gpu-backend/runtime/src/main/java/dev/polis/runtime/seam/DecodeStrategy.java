package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * Runs one decode step through the layers: which tokens run at which layer. The default runs the new token through
 * every layer; LazyLLM's Aux Cache also runs, at the layer where each was pruned, tokens it revives from their
 * stored hidden states. Sessions call it only when one is installed ({@link DecodeSeam}): the default path does not.
 * Layer-level decoders reach it through {@link #run}.
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

    /**
     * Runs the rows of a layer-level caller through layers {@code [from, to)}: what the {@link LayerAccess} of
     * {@code CausalLm.seam} does once a strategy is installed, so that decoders taking their own layer ranges
     * (self-speculative drafts over the first layers, then verification over the rest; early exit) pass through it
     * too. {@code hidden} is {@code [batch, rows, hidden]} at {@code positions}, which may be several new tokens. The
     * default runs exactly those rows; a strategy may run others alongside (LazyLLM's revived tokens) but returns
     * only the caller's rows, in order.
     */
    default NDArray run(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions, int from, int to) {
        return layers.run(session, hidden, positions, from, to);
    }

    /** The step the runtime takes when no strategy is installed: the new token through every layer. */
    static DecodeStrategy dense() {
        return (session, layers, hidden, positions) -> layers.run(session, hidden, positions, 0, layers.layers());
    }
}
