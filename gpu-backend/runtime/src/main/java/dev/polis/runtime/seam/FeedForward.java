package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * The feed-forward block of one decoder layer: maps normalised hidden states {@code [batch, tokens, hidden]} to a
 * residual update of the same shape. The runtime's default is SwiGLU; MH-MoE replaces it.
 *
 * <p>Arrays made inside {@link #apply(NDArray)} are freed with the step; weights an implementation creates once
 * belong on {@link FeedForwardSeam#manager()}.
 */
@FunctionalInterface
public interface FeedForward {

    /** Returns the block's output for {@code x}. */
    NDArray apply(NDArray x);
}
