package dev.polis.api.embedding;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * One text's vector, as a model returned it (not necessarily of unit length).
 *
 * <p>The array is copied in and out, so an embedding never changes once made.
 *
 * @param vector the components; never empty
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Embedding(float[] vector) {

    /** Copies the vector and checks that it is not empty. */
    public Embedding {
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one component");
        }
        vector = vector.clone();
    }

    /** Returns a copy of the components. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** Returns the number of components. */
    public int dimensions() {
        return vector.length;
    }

    /**
     * Returns the cosine of the angle between this vector and {@code other}, or 0 when either has length 0.
     *
     * @throws IllegalArgumentException when the dimensions differ
     */
    public double cosine(Embedding other) {
        if (other.vector.length != vector.length) {
            throw new IllegalArgumentException("cannot compare embeddings of " + vector.length + " and "
                    + other.vector.length + " dimensions");
        }
        double dot = 0;
        double self = 0;
        double that = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += (double) vector[i] * other.vector[i];
            self += (double) vector[i] * vector[i];
            that += (double) other.vector[i] * other.vector[i];
        }
        return self == 0 || that == 0 ? 0 : dot / Math.sqrt(self * that);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[" + vector.length + " dimensions]";
    }
}
