package dev.polis.runtime.seam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;

/**
 * The Java-heap copy of one {@link KvCache}'s keys and values (a batch of one on the CPU), with direct views of the
 * native storage so that a row appended on the heap reaches PyTorch's tensors too. Any change made through PyTorch
 * marks the copy stale; the next reader copies the native storage again (one bulk copy, not per slot).
 *
 * <p>Layout of both arrays: {@code [kvHeads, allocatedSlots, headDim]}, as the native storage of a batch of one.
 */
final class HeapCopy {

    private final int kvHeads;
    private final int headDim;
    private float[] keys;
    private float[] values;
    private FloatBuffer nativeKeys;
    private FloatBuffer nativeValues;
    private int slots = -1;
    private boolean current;

    HeapCopy(int kvHeads, int headDim) {
        this.kvHeads = kvHeads;
        this.headDim = headDim;
    }

    /**
     * Returns whether {@code storage} can be mirrored: float32 on the CPU, and PyTorch hands out a direct view of its
     * memory (a contiguous tensor).
     */
    static boolean possible(NDArray storage) {
        return storage.getDevice().getDeviceType().equals(Device.Type.CPU) && storage.toByteBuffer(true).isDirect();
    }

    /** Marks the copy stale: PyTorch changed the storage, or replaced it. */
    void stale() {
        current = false;
    }

    /** Forgets the native views (the storage was replaced) and marks the copy stale. */
    void storageReplaced() {
        nativeKeys = null;
        nativeValues = null;
        current = false;
    }

    /** Brings the copy up to date with {@code keyStorage} and {@code valueStorage} of {@code allocated} slots. */
    void refresh(NDArray keyStorage, NDArray valueStorage, int allocated) {
        views(keyStorage, valueStorage);
        if (current && slots == allocated) {
            return;
        }
        int size = kvHeads * allocated * headDim;
        if (keys == null || keys.length != size) {
            keys = new float[size];
            values = new float[size];
        }
        nativeKeys.get(0, keys, 0, size);
        nativeValues.get(0, values, 0, size);
        slots = allocated;
        current = true;
    }

    /** Writes one token's rows ({@code [kvHeads, headDim]} each) into {@code slot} of the copy and of the storage. */
    void write(int slot, float[] k, float[] v) {
        for (int h = 0; h < kvHeads; h++) {
            int at = (h * slots + slot) * headDim;
            System.arraycopy(k, h * headDim, keys, at, headDim);
            System.arraycopy(v, h * headDim, values, at, headDim);
            nativeKeys.put(at, k, h * headDim, headDim);
            nativeValues.put(at, v, h * headDim, headDim);
        }
    }

    float[] keys() {
        return keys;
    }

    float[] values() {
        return values;
    }

    /** Returns the slots per head of the copy's layout. */
    int slots() {
        return slots;
    }

    /** Returns the heap bytes the copy holds. */
    long bytes() {
        return keys == null ? 0 : 2L * keys.length * Float.BYTES;
    }

    /** Drops the arrays and views. */
    void clear() {
        keys = null;
        values = null;
        storageReplaced();
        slots = -1;
    }

    private void views(NDArray keyStorage, NDArray valueStorage) {
        if (nativeKeys == null) {
            nativeKeys = floats(keyStorage);
            nativeValues = floats(valueStorage);
        }
    }

    private static FloatBuffer floats(NDArray storage) {
        ByteBuffer bytes = storage.toByteBuffer(true);
        if (!bytes.isDirect()) {
            throw new IllegalStateException("the KV cache's storage is not a contiguous CPU tensor: no heap copy");
        }
        return bytes.order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
