package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;

/**
 * Scalars for arithmetic inside the autograd graph, owned by the step's manager.
 *
 * <p>DJL's {@code mul(Number)}, {@code div(Number)} and kin wrap the number in a scalar array backed by a direct
 * buffer and close it as soon as the call returns, while PyTorch's autograd keeps that scalar for the backward pass
 * ({@code d(a·s)/da = s}). A garbage collection between forward and backward then frees the buffer and the backward
 * reads whatever reuses the memory: non-finite gradients with a finite loss, once per collection (about every 23
 * steps on the LayerSkip benchmark's model). A scalar made here lives until the step's manager closes, after the
 * backward pass.
 */
final class GraphScalar {

    private GraphScalar() {
    }

    /** Returns {@code value} as a scalar array attached to {@code like}'s manager. */
    static NDArray of(NDArray like, float value) {
        return like.getManager().create(value);
    }
}
