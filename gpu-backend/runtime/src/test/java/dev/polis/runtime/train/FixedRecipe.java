package dev.polis.runtime.train;

import java.util.Map;
import dev.polis.api.Settings;

/** A test recipe that returns the same dropout probabilities and exit weights at every step. */
final class FixedRecipe implements TrainingRecipe {

    private final String id;
    private final double[] dropout;
    private final double[] weights;

    FixedRecipe(String id, double[] dropout, double[] weights) {
        this.id = id;
        this.dropout = dropout;
        this.weights = weights;
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
        };
    }
}
