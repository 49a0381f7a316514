package dev.polis.mhmoe;

import ai.djl.ndarray.NDArray;
import dev.polis.mhmoe.layer.ExpertStats;
import dev.polis.mhmoe.layer.MoeLayer;
import dev.polis.mhmoe.layer.MoeOutput;
import dev.polis.runtime.seam.FeedForward;

/** An MH-MoE block in the runtime's feed-forward seam: runs the layer and counts its routing. */
final class MoeFeedForward implements FeedForward {

    private final MoeLayer layer;
    private final double capacityFactor;
    private final ExpertStats stats;

    MoeFeedForward(MoeLayer layer, double capacityFactor, ExpertStats stats) {
        this.layer = layer;
        this.capacityFactor = capacityFactor;
        this.stats = stats;
    }

    @Override
    public NDArray apply(NDArray x) {
        MoeOutput out = layer.forward(x, capacityFactor);
        stats.add(out.routing(), layer.config().heads());
        return out.output();
    }
}
