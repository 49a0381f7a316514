package dev.polis.runtime.train;

import java.util.Arrays;
import dev.polis.api.InvalidInputException;

/** Checks a recipe's per-step decisions against the {@link TrainingRecipe} contract before the trainer uses them. */
final class RecipeCheck {

    /** How far the early-exit weights may sum from 1. */
    static final double SUM_TOLERANCE = 1e-6;

    private RecipeCheck() {
    }

    /**
     * Checks {@code dropout} and {@code weights} for step {@code step} of a model with {@code layers} layers.
     *
     * @throws InvalidInputException naming {@code recipe}, the step and the values when they break the contract
     */
    static void check(String recipe, long step, int layers, double[] dropout, double[] weights) {
        String where = "recipe '" + recipe + "' at step " + step + ": ";
        if (dropout == null || dropout.length != layers) {
            throw new InvalidInputException(where + "layer dropout must have one probability per layer (" + layers
                    + "), got " + (dropout == null ? "null" : dropout.length + " " + Arrays.toString(dropout)));
        }
        for (int l = 0; l < layers; l++) {
            if (!(dropout[l] >= 0 && dropout[l] < 1)) {
                throw new InvalidInputException(where + "layer dropout of layer " + l + " is " + dropout[l]
                        + "; probabilities must lie in [0, 1): " + Arrays.toString(dropout));
            }
        }
        if (weights == null || weights.length != layers) {
            throw new InvalidInputException(where + "early-exit loss weights must have one entry per layer ("
                    + layers + "), got " + (weights == null ? "null" : weights.length + " "
                    + Arrays.toString(weights)));
        }
        double sum = 0;
        for (int l = 0; l < layers; l++) {
            if (!(weights[l] >= 0) || Double.isInfinite(weights[l])) {
                throw new InvalidInputException(where + "early-exit loss weight of layer " + l + " is " + weights[l]
                        + "; weights must be non-negative and finite: " + Arrays.toString(weights));
            }
            sum += weights[l];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new InvalidInputException(where + "early-exit loss weights sum to " + Math.round(sum * 1e9) / 1e9
                    + " but must sum to 1: " + Arrays.toString(weights));
        }
    }
}
