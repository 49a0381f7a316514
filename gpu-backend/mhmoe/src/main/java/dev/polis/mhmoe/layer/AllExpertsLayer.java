package dev.polis.mhmoe.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The same block computed the naive way: every expert runs on every sub-token and the outputs are weighted by a
 * dense gate matrix that is zero outside each sub-token's top-k (no capacity). It gives {@link MoeLayer}'s output
 * when nothing is dropped, at E/k times the expert work; {@code polis mhmoe bench} measures the difference.
 */
public final class AllExpertsLayer {

    private final MoeLayer layer;

    /** Creates the naive form of {@code layer}. */
    public AllExpertsLayer(MoeLayer layer) {
        this.layer = layer;
    }

    /** Returns the block's output for {@code x}. */
    public NDArray forward(NDArray x) {
        MoeLayer.Gate gate = layer.gate(x, 0);
        Routing routing = gate.routing();
        int e = layer.config().experts();
        int k = layer.config().topK();
        float[] mask = new float[routing.subTokens() * e];
        for (int a = 0; a < routing.subTokens() * k; a++) {
            mask[(a / k) * e + routing.expert(a)] = 1;
        }
        NDArray dense = gate.probs().mul(x.getManager().create(mask, new Shape(routing.subTokens(), e)));
        if (layer.config().normalizeTopK()) {
            dense = dense.div(dense.sum(new int[] {1}, true));
        }
        NDArray sum = null;
        for (int i = 0; i < e; i++) {
            NDArray out = layer.weights().experts().get(i).apply(gate.subTokens())
                    .mul(dense.get(":, {}:{}", i, i + 1));
            sum = sum == null ? out : sum.add(out);
        }
        return layer.finish(x, sum);
    }
}
