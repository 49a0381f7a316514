package dev.polis.runtime.train;

import java.util.Map;

/**
 * The per-step decisions of a configured {@link TrainingRecipe}: layer dropout probabilities and early-exit loss
 * weights, and optionally, through {@link #install}, replaced feed-forward blocks and auxiliary losses. See
 * {@link TrainingRecipe} for exactly how the trainer applies them and what it checks.
 *
 * <p>Implementations must be deterministic: the same arguments always give the same arrays.
 */
public interface RecipePlan {

    /**
     * Returns, for the optimizer step {@code step} ({@code 0 <= step < totalSteps}) of a model with {@code layers}
     * layers, the probability that a sample skips each layer: {@code layers} entries, each in {@code [0, 1)}. The
     * default skips none (plain training).
     */
    default double[] layerDropout(long step, long totalSteps, int layers) {
        return new double[layers];
    }

    /**
     * Returns, for the same step, the weight of the cross-entropy of each layer's output sent through the shared
     * final norm and LM head: {@code layers} entries, non-negative, summing to 1. Entry {@code layers - 1} is the
     * ordinary loss; entries that are 0 are not computed. The default is the ordinary loss alone (plain training).
     */
    default double[] exitWeights(long step, long totalSteps, int layers) {
        double[] weights = new double[layers];
        weights[layers - 1] = 1;
        return weights;
    }

    /**
     * Returns the settings in effect, defaults included, as plain values (numbers, strings, booleans): the trainer
     * logs them and stores them in its state, and {@link TrainingRecipe#plan} must rebuild this plan from them.
     */
    Map<String, Object> settings();

    /** Returns one line for the training log, e.g. {@code layerskip p_max=0.2 e_scale=1 curriculum=rotational}. */
    String describe();

    /**
     * Changes the training forward before the first step of a run (also of a resumed run), through {@code seam}:
     * replaces feed-forward blocks ({@link TrainingSeam#replace}), adds trainable weights
     * ({@link TrainingSeam#addParameter}), and through its blocks adds auxiliary losses to each step's loss
     * ({@link TrainingPass#addLoss}, e.g. MH-MoE's {@code 0.01 · l_aux} per MoE layer). The default changes nothing.
     * This is the recipe's only method that sees DJL types; they stay inside the {@code gpu-backend} plugin.
     *
     * <p>Layers whose checkpoint has no dense feed-forward tensors ({@link TrainingSeam#layersWithoutFeedForward})
     * must be replaced here, else the run fails before its first step, naming the layer.
     */
    default void install(TrainingSeam seam) {
    }
}
