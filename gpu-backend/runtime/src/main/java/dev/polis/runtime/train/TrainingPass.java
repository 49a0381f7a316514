package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;

/**
 * One forward pass of the training forward, as a {@link TrainingFeedForward} sees it: which optimizer step it
 * belongs to, whether it is a training step or a validation batch, and where auxiliary losses go.
 */
public interface TrainingPass {

    /** Returns the 0-based optimizer step, or -1 for validation and checks. */
    long step();

    /** Returns whether this pass is an optimizer step (auxiliary losses count) rather than validation. */
    boolean training();

    /**
     * Adds {@code loss}, a scalar computed from this pass's arrays, to the step's loss as it is (weigh it first:
     * MH-MoE adds {@code 0.01 · l_aux} per MoE layer), so that its gradient reaches every array it depends on.
     * During validation the loss is recorded under its name but not added (validation reports cross-entropy).
     *
     * @param name a short name for the training log, e.g. {@code balance}; the same name may be added many times
     */
    void addLoss(String name, NDArray loss);
}
