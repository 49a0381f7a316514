package dev.polis.guards.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A logistic-regression model over hashed features: the probability that a passage is an instruction aimed at the
 * assistant. Stored as text: comment lines ({@code #}, the training record), {@code bits N}, {@code bias B}, then
 * one {@code index weight} line per non-zero weight.
 */
public final class LogisticModel {

    private final HashedFeatures features;
    private final float[] weights;
    private final double bias;
    private final List<String> notes;

    /** Creates a model over {@code features} with the given weights, bias and training notes. */
    public LogisticModel(HashedFeatures features, float[] weights, double bias, List<String> notes) {
        if (weights.length != features.dimensions()) {
            throw new IllegalArgumentException("expected " + features.dimensions() + " weights but got " + weights.length);
        }
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.notes = List.copyOf(notes);
    }

    /** Returns the feature hashing this model reads. */
    public HashedFeatures features() {
        return features;
    }

    /** Returns the notes recorded at training time (command, data, split, seed). */
    public List<String> notes() {
        return notes;
    }

    /** Returns the probability that {@code vector} is an attack. */
    public double probability(SparseVector vector) {
        double z = vector.dot(weights) + bias;
        return 1 / (1 + Math.exp(-z));
    }

    /** Writes the model in its text format. */
    public void write(Writer out) throws IOException {
        for (String note : notes) {
            out.write("# " + note + "\n");
        }
        out.write("bits " + features.bits() + "\n");
        out.write(String.format(Locale.ROOT, "bias %.7g%n", bias));
        for (int i = 0; i < weights.length; i++) {
            if (Math.abs(weights[i]) >= 1e-3f) {
                out.write(String.format(Locale.ROOT, "%d %.5g%n", i, weights[i]));
            }
        }
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IOException when the text is not in that format; the message names the line
     */
    public static LogisticModel read(BufferedReader in, String name) throws IOException {
        List<String> notes = new ArrayList<>();
        HashedFeatures features = null;
        float[] weights = null;
        double bias = 0;
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            try {
                if (line.startsWith("#")) {
                    notes.add(line.substring(1).strip());
                } else if (line.startsWith("bits ")) {
                    features = new HashedFeatures(Integer.parseInt(line.substring(5).strip()));
                    weights = new float[features.dimensions()];
                } else if (line.startsWith("bias ")) {
                    bias = Double.parseDouble(line.substring(5).strip());
                } else if (!line.isBlank()) {
                    String[] parts = line.strip().split(" ");
                    weights[Integer.parseInt(parts[0])] = Float.parseFloat(parts[1]);
                }
            } catch (RuntimeException e) {
                throw new IOException(name + ":" + number + ": expected 'bits N', 'bias B' or 'index weight' after "
                        + "'bits' but found '" + line + "'", e);
            }
        }
        if (features == null) {
            throw new IOException(name + ": no 'bits N' line; not a guard model");
        }
        return new LogisticModel(features, weights, bias, notes);
    }
}
