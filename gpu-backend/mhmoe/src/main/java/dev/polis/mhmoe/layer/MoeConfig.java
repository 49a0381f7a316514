package dev.polis.mhmoe.layer;

import java.util.List;

/**
 * The shape and routing of an MH-MoE feed-forward block (spec §C.1), as a checkpoint's {@code mhmoe} block gives it.
 * A standard sparse top-k MoE is the case {@code heads = 1} without projections.
 *
 * @param layers           the decoder layers whose feed-forward block is MH-MoE
 * @param heads            h: sub-tokens per token, each of width {@code hidden / heads}
 * @param experts          E: experts per layer
 * @param topK             k: experts each sub-token is sent to
 * @param expertHidden     F: the hidden width of each expert's SwiGLU ({@code hidden/heads -> F -> hidden/heads})
 * @param projections      whether the head and merge projections ({@code Linear(D, D)} with bias) are present
 * @param capacityFactor   expert capacity {@code ceil(f · k · ceil(N·h / E))} sub-tokens in training; 0: no limit
 * @param balanceWeight    the weight of each layer's load-balancing loss in the training loss
 * @param normalizeTopK    whether the top-k gate values are renormalised to sum to 1 (the official gate does not)
 */
public record MoeConfig(List<Integer> layers, int heads, int experts, int topK, int expertHidden,
                        boolean projections, double capacityFactor, double balanceWeight, boolean normalizeTopK) {

    /** Copies the list. */
    public MoeConfig {
        layers = List.copyOf(layers);
    }

    /** Returns the width of one sub-token for a model of width {@code hidden}. */
    public int subWidth(int hidden) {
        return hidden / heads;
    }

    /** Returns whether {@code layer} is an MH-MoE layer. */
    public boolean isMoe(int layer) {
        return layers.contains(layer);
    }

    /**
     * Returns the parameters of one MH-MoE block in a model of width {@code hidden}: head and merge
     * {@code 2·(D² + D)} when present, the router {@code E·D/h}, the experts {@code E·3·(D/h)·F}.
     */
    public long parametersPerLayer(int hidden) {
        long d = subWidth(hidden);
        long projectionsCount = projections ? 2L * ((long) hidden * hidden + hidden) : 0;
        return projectionsCount + (long) experts * d + (long) experts * 3 * d * expertHidden;
    }

    /**
     * Returns the multiply-adds per token of one block: projections {@code 2·D²}, the router {@code h·(D/h)·E},
     * and the k experts of each of the h sub-tokens {@code h·k·3·(D/h)·F}.
     */
    public long multiplyAddsPerToken(int hidden) {
        long d = subWidth(hidden);
        long projectionsCount = projections ? 2L * hidden * hidden : 0;
        return projectionsCount + (long) heads * d * experts + (long) heads * topK * 3 * d * expertHidden;
    }

    /** Returns the capacity per expert for {@code subTokens} sub-tokens under {@code factor} (0 or less: no limit). */
    public int capacity(int subTokens, double factor) {
        if (factor <= 0) {
            return Integer.MAX_VALUE;
        }
        long perExpert = (subTokens + experts - 1) / experts;
        return (int) Math.max(1, Math.ceil(factor * topK * perExpert));
    }

    /** Returns a one-line summary for logs. */
    public String describe() {
        return (projections || heads > 1 ? "MH-MoE h=" + heads : "sparse MoE") + ", " + experts + " experts of "
                + expertHidden + ", top-" + topK + (projections ? ", head/merge projections" : "")
                + ", layers " + layers;
    }
}
