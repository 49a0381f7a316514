package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * A {@link LayerAccess} limited to the first {@code depth} layers: what early-exit decoders hand a
 * {@link PrefillStrategy}, so the strategy runs the prompt through the layers the decoder uses and no further.
 */
final class TruncatedLayers implements LayerAccess {

    private final LayerAccess all;
    private final int depth;

    TruncatedLayers(LayerAccess all, int depth) {
        if (depth < 1 || depth > all.layers()) {
            throw new IllegalArgumentException("depth must be in [1, " + all.layers() + "] but was " + depth);
        }
        this.all = all;
        this.depth = depth;
    }

    @Override
    public int layers() {
        return depth;
    }

    @Override
    public NDArray embed(LayerSession session, int[][] tokens) {
        return all.embed(session, tokens);
    }

    @Override
    public NDArray run(LayerSession session, NDArray hidden, int[] positions, int from, int to) {
        if (to > depth) {
            throw new IllegalArgumentException("layer range [" + from + ", " + to + ") goes past the " + depth
                    + " layers of this view");
        }
        return all.run(session, hidden, positions, from, to);
    }

    @Override
    public NDArray logits(NDArray hidden) {
        return all.logits(hidden);
    }

    @Override
    public LayerAccess truncated(int layers) {
        return new TruncatedLayers(all, layers);
    }
}
