package dev.polis.runtime.seam;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Cropping a cache to a sequence length forgets exactly the entries of tokens at or after it: trailing ones by
 * shortening, and, when an earlier token was appended after a later one (LazyLLM revives a prompt token during a
 * speculative draft that is then rejected), by moving the kept entries up with their keys, values and positions.
 */
class KvCacheCropTest {

    private static final int HEADS = 2;
    private static final int DIM = 3;

    @Test
    void aCropKeepsAnEarlierTokenAppendedAfterALaterOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            KvCache cache = new KvCache(manager, 1, HEADS, 64, DIM);
            append(cache, manager, 0, 1, 2);
            append(cache, manager, 5);
            append(cache, manager, 3);
            append(cache, manager, 6);
            cache.cropToSequence(5);
            assertThat(cache.positions()).containsExactly(0, 1, 2, 3);
            assertThat(cache.keys(manager).toFloatArray()).containsExactly(expected(0f, 0, 1, 2, 3));
            assertThat(cache.values(manager).toFloatArray()).containsExactly(expected(0.5f, 0, 1, 2, 3));
            append(cache, manager, 4);
            assertThat(cache.positions()).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void aCropOfTrailingEntriesOnlyShortensTheCache() {
        try (NDManager manager = NDManager.newBaseManager()) {
            KvCache cache = new KvCache(manager, 1, HEADS, 64, DIM);
            append(cache, manager, 0, 1, 2, 3, 4);
            cache.cropToSequence(3);
            assertThat(cache.positions()).containsExactly(0, 1, 2);
            assertThat(cache.keys(manager).toFloatArray()).containsExactly(expected(0f, 0, 1, 2));
        }
    }

    /** Appends tokens whose key in head h, dimension d is {@code 100 p + 10 h + d} (values 0.5 more). */
    private static void append(KvCache cache, NDManager manager, int... positions) {
        cache.append(entries(manager, positions, 0f), entries(manager, positions, 0.5f), positions);
    }

    private static NDArray entries(NDManager manager, int[] positions, float offset) {
        float[] flat = new float[HEADS * positions.length * DIM];
        int at = 0;
        for (int h = 0; h < HEADS; h++) {
            for (int p : positions) {
                for (int d = 0; d < DIM; d++) {
                    flat[at++] = 100f * p + 10f * h + d + offset;
                }
            }
        }
        return manager.create(flat, new Shape(1, HEADS, positions.length, DIM));
    }

    /** Returns the entries of {@code positions} laid out {@code [1, heads, slots, dim]}. */
    private static float[] expected(float offset, int... positions) {
        float[] flat = new float[HEADS * positions.length * DIM];
        int at = 0;
        for (int h = 0; h < HEADS; h++) {
            for (int p : positions) {
                for (int k = 0; k < DIM; k++) {
                    flat[at++] = 100f * p + 10f * h + k + offset;
                }
            }
        }
        return flat;
    }
}
