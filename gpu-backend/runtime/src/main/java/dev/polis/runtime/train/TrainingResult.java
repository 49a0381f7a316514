package dev.polis.runtime.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a call to {@link Trainer#train} did.
 *
 * @param startStep       the step it started from (0, or the resumed checkpoint's)
 * @param step            steps completed when it returned
 * @param losses          the training loss of every step it ran, in order
 * @param validationLoss  the last validation loss, or NaN when none was computed
 * @param tokensPerSecond training tokens per second over the steps it ran (optimizer steps only: validation and
 *                        checkpoint writing are not counted)
 * @param checkpoint      the last checkpoint written ({@code final/} when the run finished)
 */
public record TrainingResult(long startStep, long step, List<Double> losses, double validationLoss,
                             double tokensPerSecond, Path checkpoint) {

    /** Copies the list. */
    public TrainingResult {
        losses = List.copyOf(losses);
    }
}
