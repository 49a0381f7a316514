package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import dev.polis.guards.text.Normaliser;

/**
 * Trains a {@link LogisticModel} by stochastic gradient descent with AdaGrad steps, L2 regularisation and class
 * weights that balance attacks against benign passages; the same examples and seed give the same weights.
 *
 * @param epochs       passes over the examples
 * @param learningRate the AdaGrad base step
 * @param l2           the L2 penalty per step
 * @param seed         the seed of the shuffling
 */
public record Trainer(int epochs, double learningRate, double l2, long seed) {

    /** The settings the shipped model was trained with. */
    public static Trainer defaults(long seed) {
        return new Trainer(40, 0.5, 1e-4, seed);
    }

    /** Returns a model trained on {@code examples}, carrying {@code notes} as its training record. */
    public LogisticModel train(List<Example> examples, HashedFeatures features, List<String> notes) {
        List<SparseVector> vectors = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        long attacks = 0;
        for (Example example : examples) {
            String text = Normaliser.clean(example.text());
            vectors.add(features.of(text, InjectionRules.scan(text), example.domain()));
            labels.add(example.attack());
            attacks += example.attack() ? 1 : 0;
        }
        if (attacks == 0 || attacks == examples.size()) {
            throw new IllegalArgumentException("training needs both attacks and benign passages; got " + attacks
                    + " attacks among " + examples.size());
        }
        double attackWeight = examples.size() / (2.0 * attacks);
        double benignWeight = examples.size() / (2.0 * (examples.size() - attacks));
        float[] weights = new float[features.dimensions()];
        float[] squares = new float[features.dimensions()];
        double bias = 0;
        double biasSquares = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                SparseVector x = vectors.get(i);
                boolean y = labels.get(i);
                double p = 1 / (1 + Math.exp(-(x.dot(weights) + bias)));
                double error = ((y ? 1 : 0) - p) * (y ? attackWeight : benignWeight);
                for (int k = 0; k < x.indices().length; k++) {
                    int j = x.indices()[k];
                    double gradient = error * x.values()[k] - l2 * weights[j];
                    squares[j] += (float) (gradient * gradient);
                    weights[j] += (float) (learningRate * gradient / Math.sqrt(squares[j] + 1e-8));
                }
                biasSquares += error * error;
                bias += learningRate * error / Math.sqrt(biasSquares + 1e-8);
            }
        }
        return new LogisticModel(features, weights, bias, notes);
    }
}
