package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;

/**
 * The feed-forward block of one layer in the differentiable training forward: maps the normalised hidden states
 * {@code [batch, tokens, hidden]} to the residual update of the same shape. The default is the runtime's SwiGLU over
 * the layer's trainable weights; a recipe replaces it through {@link TrainingSeam#replace} (MH-MoE's experts).
 *
 * <p>Everything it computes is recorded for the backward pass; arrays made here belong to the step (or validation
 * batch) and are freed with it. Auxiliary losses (MH-MoE's load balancing) go to {@link TrainingPass#addLoss}.
 */
@FunctionalInterface
public interface TrainingFeedForward {

    /** Returns the block's output for {@code x} during {@code pass}. */
    NDArray apply(NDArray x, TrainingPass pass);
}
