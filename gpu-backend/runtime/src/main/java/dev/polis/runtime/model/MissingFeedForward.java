package dev.polis.runtime.model;

import java.nio.file.Path;
import ai.djl.ndarray.NDArray;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.seam.FeedForward;

/**
 * The block of a layer whose checkpoint holds no dense feed-forward tensors, until an accelerator replaces it: it
 * refuses to run, saying what to install.
 */
record MissingFeedForward(Path folder, int layer) implements FeedForward {

    @Override
    public NDArray apply(NDArray x) {
        throw problem();
    }

    InvalidInputException problem() {
        return new InvalidInputException(folder + ": layer " + layer + " has no dense feed-forward tensors"
                + " (model.layers." + layer + ".mlp.gate_proj/up_proj/down_proj) and no accelerator replaced its block;"
                + " install the accelerator this checkpoint was trained with (POLIS_ACCELERATORS or the pipeline's"
                + " runtime.accelerators)");
    }
}
