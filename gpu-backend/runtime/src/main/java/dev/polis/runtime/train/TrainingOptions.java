package dev.polis.runtime.train;

import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;

/**
 * Everything that decides a training run; stored in the trainer state so a resumed run continues with the same.
 *
 * @param corpus          corpus sources: files, folders or {@code jdk-src}
 * @param corpusLimit     the most corpus bytes to read
 * @param steps           total optimizer steps
 * @param batch           windows per step
 * @param seqLen          tokens per window
 * @param lr              peak learning rate
 * @param warmup          warm-up steps
 * @param minLrRatio      final learning rate as a fraction of the peak (cosine decay)
 * @param weightDecay     AdamW decoupled weight decay (matrices only)
 * @param beta1           AdamW β1
 * @param beta2           AdamW β2
 * @param clip            global gradient-norm clip; 0 disables
 * @param evalEvery       validation every this many steps (and at the end); 0 only at the end
 * @param evalBatches     validation batches
 * @param saveEvery       checkpoint every this many steps (and at the end); 0 only at the end
 * @param logEvery        a progress line every this many steps
 * @param seed            seeds batches, dropout draws and the corpus shuffle
 * @param heldoutFraction fraction of the corpus held out
 * @param prompts         held-out prompts to write
 * @param recipe          the training recipe's id
 * @param recipeSettings  the recipe's settings
 * @param windowStarts    where training windows start; {@code null} (a state file written before this setting) reads
 *                        as {@link WindowStarts#ANYWHERE}
 */
public record TrainingOptions(List<String> corpus, long corpusLimit, long steps, int batch, int seqLen, double lr,
                              long warmup, double minLrRatio, double weightDecay, double beta1, double beta2,
                              double clip, long evalEvery, int evalBatches, long saveEvery, long logEvery, long seed,
                              double heldoutFraction, int prompts, String recipe, Map<String, Object> recipeSettings,
                              WindowStarts windowStarts) {

    /** Copies the collections and checks the ranges. */
    public TrainingOptions {
        corpus = List.copyOf(corpus);
        recipeSettings = Map.copyOf(recipeSettings);
        windowStarts = windowStarts == null ? WindowStarts.ANYWHERE : windowStarts;
        require(steps > 0, "--steps must be positive");
        require(batch > 0, "--batch must be positive");
        require(seqLen > 1, "--seq-len must be at least 2");
        require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number");
        require(warmup >= 0, "--warmup must not be negative");
        require(minLrRatio >= 0 && minLrRatio <= 1, "--min-lr-ratio must lie in [0, 1]");
        require(weightDecay >= 0, "--weight-decay must not be negative");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "AdamW betas must lie in [0, 1)");
        require(clip >= 0, "--clip must not be negative");
        require(evalBatches > 0, "--eval-batches must be positive");
        require(logEvery > 0, "--log-every must be positive");
        require(heldoutFraction > 0 && heldoutFraction < 0.5, "--heldout-fraction must lie in (0, 0.5)");
        require(corpusLimit > 0, "--corpus-limit must be positive");
        require(prompts >= 0, "--prompts must not be negative");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException(message);
        }
    }

    /** Returns a copy with {@code recipe} and its settings. */
    public TrainingOptions withRecipe(String recipe, Map<String, Object> settings) {
        return new TrainingOptions(corpus, corpusLimit, steps, batch, seqLen, lr, warmup, minLrRatio, weightDecay,
                beta1, beta2, clip, evalEvery, evalBatches, saveEvery, logEvery, seed, heldoutFraction, prompts,
                recipe, settings, windowStarts);
    }
}
