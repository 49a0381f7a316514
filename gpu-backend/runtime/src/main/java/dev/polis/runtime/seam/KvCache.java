package dev.polis.runtime.seam;

import java.util.Arrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.polis.api.InvalidInputException;

/**
 * The keys and values of one attention layer for a batch of sequences: preallocated to a fixed capacity, filled
 * slot by slot, croppable. Each slot remembers the absolute position of its token, so a policy may drop or
 * reorder slots (SnapKV) and causal masks still follow original positions.
 *
 * <p>Keys are stored after the rotary embedding. Layout: {@code [batch, kvHeads, capacity, headDim]}.
 */
public final class KvCache {

    private final NDArray keys;
    private final NDArray values;
    private final int[] positions;
    private int length;

    /**
     * Allocates an empty cache on {@code manager}; the runtime's sessions create one per layer.
     *
     * @param batch    the sequences decoded together
     * @param kvHeads  the key/value heads
     * @param capacity the most tokens a sequence may hold
     * @param headDim  the size of one head
     */
    public KvCache(NDManager manager, int batch, int kvHeads, int capacity, int headDim) {
        Shape shape = new Shape(batch, kvHeads, capacity, headDim);
        this.keys = manager.zeros(shape, DataType.FLOAT32);
        this.values = manager.zeros(shape, DataType.FLOAT32);
        this.positions = new int[capacity];
    }

    /** Returns how many slots hold entries. */
    public int length() {
        return length;
    }

    /** Returns how many slots there are. */
    public int capacity() {
        return positions.length;
    }

    /** Returns the absolute position of the token in {@code slot}. */
    public int position(int slot) {
        return positions[slot];
    }

    /** Returns a copy of the positions of the filled slots. */
    public int[] positions() {
        return Arrays.copyOf(positions, length);
    }

    /** Returns a view of the filled keys, {@code [batch, kvHeads, length, headDim]}, owned by {@code manager}. */
    public NDArray keys(NDManager manager) {
        return keys.get(manager, filled());
    }

    /** Returns a view of the filled values, as {@link #keys(NDManager)} does. */
    public NDArray values(NDManager manager) {
        return values.get(manager, filled());
    }

    /**
     * Appends entries for tokens at {@code tokenPositions}: {@code k} and {@code v} are
     * {@code [batch, kvHeads, tokens, headDim]}.
     */
    public void append(NDArray k, NDArray v, int[] tokenPositions) {
        int n = tokenPositions.length;
        if (length + n > capacity()) {
            throw new InvalidInputException("the KV cache holds " + capacity() + " tokens; appending " + n + " to "
                    + length + " exceeds it (open the session with a larger capacity)");
        }
        NDIndex slots = slots(length, length + n);
        keys.set(slots, k);
        values.set(slots, v);
        System.arraycopy(tokenPositions, 0, positions, length, n);
        length += n;
    }

    /**
     * Replaces the whole content with {@code k} and {@code v} ({@code [batch, kvHeads, n, headDim]}) whose slots
     * hold tokens at {@code slotPositions}; compression policies use this.
     */
    public void replace(NDArray k, NDArray v, int[] slotPositions) {
        length = 0;
        append(k, v, slotPositions);
    }

    private NDIndex filled() {
        return slots(0, length);
    }

    /** Indexes slots {@code [from, to)} of every sequence and head (built directly: no format string to parse). */
    private static NDIndex slots(int from, int to) {
        return new NDIndex().addAllDim(2).addSliceDim(from, to);
    }

    /** Forgets every slot from {@code newLength} on. */
    public void crop(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot crop a cache of " + length + " slots to " + newLength);
        }
        length = newLength;
    }

    /** Frees the native arrays; the session that created the cache calls it when it closes. */
    public void close() {
        keys.close();
        values.close();
    }
}
