package dev.polis.runtime.checkpoint;

/**
 * Supplies the values of one tensor for {@link SafetensorsWriter}, chunk by chunk, so large tensors never
 * exist as one array.
 */
@FunctionalInterface
public interface TensorContent {

    /** Fills {@code chunk} with the elements starting at row-major index {@code first}. */
    void fill(float[] chunk, long first);

    /** Returns content that copies {@code values} (which must have the tensor's element count). */
    static TensorContent of(float[] values) {
        return (chunk, first) -> System.arraycopy(values, Math.toIntExact(first), chunk, 0, chunk.length);
    }
}
