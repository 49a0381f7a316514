package dev.polis.mhmoe.layer;

import java.util.List;
import ai.djl.ndarray.NDArray;

/**
 * The weights of one MH-MoE block. Linear weights are {@code [out, in]} as in the checkpoint.
 *
 * @param head      head projection {@code [D, D]}, or null without projections
 * @param headBias  its bias {@code [D]}, or null
 * @param merge     merge projection {@code [D, D]}, or null
 * @param mergeBias its bias {@code [D]}, or null
 * @param router    gate {@code [E, D/h]}
 * @param experts   the E experts
 */
public record MoeWeights(NDArray head, NDArray headBias, NDArray merge, NDArray mergeBias, NDArray router,
                         List<ExpertWeights> experts) {

    /** Copies the list. */
    public MoeWeights {
        experts = List.copyOf(experts);
    }

    /** Returns the number of values in every array, a tied array once. */
    public long parameterCount() {
        long n = router.size();
        for (NDArray a : new NDArray[] {head, headBias, merge, mergeBias}) {
            n += a == null ? 0 : a.size();
        }
        for (ExpertWeights e : experts) {
            n += e.gate().size() + e.up().size() + e.down().size();
        }
        return n;
    }
}
