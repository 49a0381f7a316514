package dev.polis.runtime.seam;

import java.util.Set;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The checkpoint a model was loaded from, as accelerators see it: every tensor by name, those the runtime did not
 * load (an accelerator's own, such as MH-MoE's experts and gates), and the layers that came without a dense
 * feed-forward block, whose {@link FeedForwardSeam} block an accelerator must replace before a session opens.
 */
public interface CheckpointTensors {

    /** Returns the names of every tensor in the checkpoint. */
    Set<String> names();

    /** Returns the names of the tensors the runtime did not load. */
    Set<String> extraNames();

    /** Returns the shape of tensor {@code name} as the file gives it. */
    long[] shape(String name);

    /**
     * Reads tensor {@code name} as float32 onto {@code manager} (use {@link FeedForwardSeam#manager()} for weights
     * that live as long as the model).
     *
     * @throws dev.polis.api.InvalidInputException when the checkpoint has no such tensor
     */
    NDArray load(String name, NDManager manager);

    /** Returns the layers whose checkpoint holds none of the dense feed-forward tensors. */
    Set<Integer> layersWithoutFeedForward();
}
