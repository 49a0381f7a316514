package dev.polis.guards.detect;

/**
 * A feature vector with few non-zero entries, indices ascending and unique.
 *
 * @param indices the non-zero positions
 * @param values  their values
 */
public record SparseVector(int[] indices, float[] values) {

    /** Returns the dot product with a dense weight array. */
    public double dot(float[] weights) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += weights[indices[i]] * values[i];
        }
        return sum;
    }
}
