package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;
import dev.polis.runtime.seam.FeedForward;
import dev.polis.runtime.seam.KvCache;

/** One pre-norm decoder block: {@code h + attn(norm(h))}, then {@code h + ff(norm(h))}. */
final class DecoderLayer {

    private final Attention attention;
    private final LayerWeights weights;
    private final float eps;

    DecoderLayer(Attention attention, LayerWeights weights, float eps) {
        this.attention = attention;
        this.weights = weights;
        this.eps = eps;
    }

    NDArray apply(NDArray h, Step step, KvCache cache, FeedForward feedForward, PhaseLog log) {
        NDArray attended = h.add(attention.apply(Ops.rmsNorm(h, weights.inputNorm(), eps), step, cache, log));
        return attended.add(feedForward.apply(Ops.rmsNorm(attended, weights.postNorm(), eps)));
    }
}
