package dev.polis.runtime.seam;

import java.util.function.UnaryOperator;
import ai.djl.ndarray.NDManager;

/**
 * Lets an accelerator replace or wrap the feed-forward block of any layer; wrapping keeps what earlier accelerators
 * installed, so several can compose.
 */
public interface FeedForwardSeam {

    /** Returns the number of decoder layers. */
    int layers();

    /** Returns the model width the blocks map. */
    int hiddenSize();

    /** Returns the block of {@code layer} now in place. */
    FeedForward block(int layer);

    /** Replaces the block of {@code layer} with {@code change} applied to the current one. */
    void replace(int layer, UnaryOperator<FeedForward> change);

    /** Returns the manager (on the model's device) that owns model-lifetime arrays such as new weights. */
    NDManager manager();
}
