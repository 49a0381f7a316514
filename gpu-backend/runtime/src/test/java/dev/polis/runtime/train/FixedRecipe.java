package dev.polis.runtime.train;

import java.util.Map;
import java.util.function.Consumer;
import dev.polis.api.Settings;

/**
 * A test recipe that returns the same dropout probabilities and exit weights at every step, and may change the
 * training forward.
 */
final class FixedRecipe implements TrainingRecipe {

    private final String id;
    private final double[] dropout;
    private final double[] weights;
    private final Consumer<TrainingSeam> install;

    FixedRecipe(String id, double[] dropout, double[] weights) {
        this(id, dropout, weights, seam -> { });
    }

    /** A recipe that also changes the training forward with {@code install} ({@link RecipePlan#install}). */
    FixedRecipe(String id, double[] dropout, double[] weights, Consumer<TrainingSeam> install) {
        this.id = id;
        this.dropout = dropout;
        this.weights = weights;
        this.install = install;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RecipePlan plan(Settings settings) {
        return new RecipePlan() {
            @Override
            public double[] layerDropout(long step, long totalSteps, int layers) {
                return dropout.clone();
            }

            @Override
            public double[] exitWeights(long step, long totalSteps, int layers) {
                return weights.clone();
            }

            @Override
            public Map<String, Object> settings() {
                return Map.of();
            }

            @Override
            public String describe() {
                return id;
            }

            @Override
            public void install(TrainingSeam seam) {
                install.accept(seam);
            }
        };
    }
}
