package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.polis.api.InvalidInputException;

/**
 * The keys and values of one attention layer for a batch of sequences, whose memory follows what it keeps: storage
 * starts at one {@link #BLOCK block} of slots, grows in whole blocks (at least doubling) as tokens are appended, up to
 * the session's capacity, and {@link #compact()} shrinks it to the blocks the kept entries need. Each slot remembers
 * the absolute position of its token, per key/value head, so a policy may drop or reorder slots, differently in each
 * head (SnapKV), and causal masks still follow original positions.
 *
 * <p>Keys are stored after the rotary embedding. Layout: {@code [batch, kvHeads, slots, headDim]}; the sequences of
 * a batch share the slots' positions.
 */
public final class KvCache {

    /** Storage grows and compacts in whole blocks of this many slots. */
    public static final int BLOCK = 32;

    private final NDManager manager;
    private final int batch;
    private final int kvHeads;
    private final int headDim;
    private final int capacity;
    private final SlotPositions positions;
    private NDArray keys;
    private NDArray values;
    private int allocated;
    private int length;
    /** The heap copy for host decode steps: null until one asks, and always for batches and other devices. */
    private HeapCopy heap;
    private Boolean heapReadable;

    /**
     * Creates an empty cache on {@code manager} holding one block; the runtime's sessions create one per layer.
     *
     * @param batch    the sequences decoded together
     * @param kvHeads  the key/value heads
     * @param capacity the most tokens a sequence may hold
     * @param headDim  the size of one head
     */
    public KvCache(NDManager manager, int batch, int kvHeads, int capacity, int headDim) {
        this.manager = manager;
        this.batch = batch;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.capacity = capacity;
        this.allocated = Math.min(capacity, BLOCK);
        this.positions = new SlotPositions(kvHeads, allocated);
        this.keys = storage(allocated);
        this.values = storage(allocated);
    }

    /** Returns how many slots hold entries. */
    public int length() {
        return length;
    }

    /** Returns the most slots the cache may ever hold (the session's capacity). */
    public int capacity() {
        return capacity;
    }

    /** Returns how many slots the storage holds now (a multiple of {@link #BLOCK}, or the capacity). */
    public int allocatedSlots() {
        return allocated;
    }

    /** Returns the bytes of native memory the keys and values hold now (float32). */
    public long bytes() {
        return 2L * batch * kvHeads * allocated * headDim * Float.BYTES;
    }

    /** Returns the number of key/value heads. */
    public int kvHeads() {
        return kvHeads;
    }

    /** Returns whether every key/value head holds the same position in each slot (always, unless a policy chose). */
    public boolean headsShareSlots() {
        return positions.shared();
    }

    /** Returns the absolute position of the token in {@code slot}, where heads share slots. */
    public int position(int slot) {
        requireShared();
        return positions.get(0, slot);
    }

    /** Returns the absolute position of the token in {@code slot} of key/value head {@code kvHead}. */
    public int position(int kvHead, int slot) {
        return positions.get(kvHead, slot);
    }

    /** Returns a copy of the positions of the filled slots, where heads share slots. */
    public int[] positions() {
        requireShared();
        return positions.copy(0, length);
    }

    /** Returns a copy of the positions of the filled slots of key/value head {@code kvHead}. */
    public int[] positions(int kvHead) {
        return positions.copy(kvHead, length);
    }

    /** Returns a view of the filled keys, {@code [batch, kvHeads, length, headDim]}, owned by {@code manager}. */
    public NDArray keys(NDManager manager) {
        return keys.get(manager, slots(0, length));
    }

    /** Returns a view of the filled values, as {@link #keys(NDManager)} does. */
    public NDArray values(NDManager manager) {
        return values.get(manager, slots(0, length));
    }

    /**
     * Appends entries for tokens at {@code tokenPositions} (in every head): {@code k} and {@code v} are
     * {@code [batch, kvHeads, tokens, headDim]}. Grows the storage when it is full.
     */
    public void append(NDArray k, NDArray v, int[] tokenPositions) {
        int n = tokenPositions.length;
        makeRoom(n);
        NDIndex slots = slots(length, length + n);
        keys.set(slots, k);
        values.set(slots, v);
        if (heap != null) {
            heap.stale();
        }
        positions.write(length, tokenPositions);
        length += n;
    }

    /**
     * Returns whether this cache can keep a copy of its keys and values on the Java heap for decode steps computed
     * there ({@link #heapRows()}, {@link #appendHeap}): a batch of one whose storage is a contiguous CPU tensor.
     */
    public boolean heapReadable() {
        if (heapReadable == null) {
            heapReadable = batch == 1 && HeapCopy.possible(keys);
        }
        return heapReadable;
    }

    /**
     * Returns the keys and values on the Java heap, copied again from the native storage after anything changed it
     * through PyTorch (one bulk copy); only where {@link #heapReadable()}. The copy costs heap memory equal to the
     * allocated storage ({@link #heapBytes()}).
     */
    public HeapRows heapRows() {
        HeapCopy copy = heapCopy();
        copy.refresh(keys, values, allocated);
        return new HeapRows(copy.keys(), copy.values(), copy.slots(), length);
    }

    /**
     * Appends one token computed on the Java heap at {@code position} in every head: {@code k} and {@code v} are
     * {@code [kvHeads, headDim]}, written to the heap copy and to the native storage, so PyTorch's later steps see
     * them too. Grows the storage when it is full; only where {@link #heapReadable()}.
     */
    public void appendHeap(float[] k, float[] v, int position) {
        makeRoom(1);
        HeapCopy copy = heapCopy();
        copy.refresh(keys, values, allocated);
        copy.write(length, k, v);
        positions.write(length, new int[] {position});
        length++;
    }

    /** Returns the bytes of Java heap the heap copy holds now (0 when no host decode step read this cache). */
    public long heapBytes() {
        return heap == null ? 0 : heap.bytes();
    }

    /** Refuses {@code n} more slots beyond the capacity, and grows the storage when they do not fit in it. */
    private void makeRoom(int n) {
        if (length + n > capacity) {
            throw new InvalidInputException("the KV cache holds " + capacity + " tokens; appending " + n + " to "
                    + length + " exceeds it (open the session with a larger capacity)");
        }
        if (length + n > allocated) {
            resize(Math.min(capacity, Math.max(blocks(length + n), grown(allocated))));
        }
    }

    private HeapCopy heapCopy() {
        if (!heapReadable()) {
            throw new IllegalStateException("this cache has no heap copy: it holds " + batch + " sequences on "
                    + keys.getDevice());
        }
        if (heap == null) {
            heap = new HeapCopy(kvHeads, headDim);
        }
        return heap;
    }

    /**
     * Replaces the whole content with {@code k} and {@code v} ({@code [batch, kvHeads, n, headDim]}) whose slots
     * hold tokens at {@code slotPositions} in every head; compression policies use this, then {@link #compact()}.
     */
    public void replace(NDArray k, NDArray v, int[] slotPositions) {
        length = 0;
        append(k, v, slotPositions);
    }

    /**
     * Replaces the whole content with {@code k} and {@code v} ({@code [batch, kvHeads, n, headDim]}) where slot
     * {@code s} of head {@code h} holds the token at {@code headPositions[h][s]}: every head keeps {@code n} entries,
     * of its own choosing (SnapKV).
     */
    public void replace(NDArray k, NDArray v, int[][] headPositions) {
        if (headPositions.length != kvHeads) {
            throw new IllegalArgumentException("expected positions for " + kvHeads + " key/value heads but got "
                    + headPositions.length);
        }
        int n = headPositions[0].length;
        for (int[] row : headPositions) {
            if (row.length != n) {
                throw new IllegalArgumentException("every key/value head must keep the same number of slots");
            }
        }
        length = 0;
        append(k, v, headPositions[0]);
        positions.replace(headPositions);
    }

    /** Forgets every slot from {@code newLength} on. */
    public void crop(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot crop a cache of " + length + " slots to " + newLength);
        }
        length = newLength;
    }

    /**
     * Forgets the entries of tokens at positions {@code sequenceLength} and beyond (what cropping a session to that
     * length means for this layer). Every head must keep as many entries. Where those entries are the trailing slots
     * this only shortens the cache; where kept entries follow forgotten ones (LazyLLM revives an early token after a
     * speculative draft that is then rejected) the kept entries are moved up, in their order.
     */
    public void cropToSequence(int sequenceLength) {
        int[][] kept = positions.slotsBefore(sequenceLength, length);
        if (SlotPositions.leading(kept)) {
            length = kept[0].length;
            return;
        }
        int n = kept[0].length;
        long[] index = new long[batch * kvHeads * n * headDim];
        int[][] keptPositions = new int[kvHeads][n];
        int at = 0;
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < kvHeads; h++) {
                for (int s = 0; s < n; s++) {
                    keptPositions[h][s] = positions.get(h, kept[h][s]);
                    java.util.Arrays.fill(index, at, at + headDim, kept[h][s]);
                    at += headDim;
                }
            }
        }
        try (NDArray where = manager.create(index, new Shape(batch, kvHeads, n, headDim));
             NDArray k = keys.gather(where, 2);
             NDArray v = values.gather(where, 2)) {
            replace(k, v, keptPositions);
        }
    }

    /** Shrinks the storage to the blocks the filled slots need, freeing the rest; keys, values and order stay. */
    public void compact() {
        int needed = Math.min(capacity, blocks(Math.max(length, 1)));
        if (needed < allocated) {
            resize(needed);
        }
    }

    /** Frees the native arrays; the session that created the cache calls it when it closes. */
    public void close() {
        if (heap != null) {
            heap.clear();
        }
        keys.close();
        values.close();
    }

    private void resize(int slots) {
        NDArray newKeys = storage(slots);
        NDArray newValues = storage(slots);
        if (length > 0) {
            NDIndex filled = slots(0, length);
            try (NDArray k = keys.get(filled); NDArray v = values.get(filled)) {
                newKeys.set(filled, k);
                newValues.set(filled, v);
            }
        }
        keys.close();
        values.close();
        if (heap != null) {
            heap.storageReplaced();
        }
        keys = newKeys;
        values = newValues;
        positions.resize(slots, length);
        allocated = slots;
    }

    /** Allocates storage that outlives the step in progress (a step's {@link NDScope} would free it). */
    private NDArray storage(int slots) {
        NDArray array = manager.zeros(new Shape(batch, kvHeads, slots, headDim), DataType.FLOAT32);
        NDScope.unregister(array);
        return array;
    }

    private void requireShared() {
        if (!positions.shared()) {
            throw new IllegalStateException("the key/value heads of this cache hold different positions: ask "
                    + "positions(kvHead) or position(kvHead, slot)");
        }
    }

    /**
     * Returns the storage after growing a full {@code slots}: a quarter more (at least one block), so appends stay
     * amortised O(1) while a compacted cache that starts decoding keeps most of what compaction saved.
     */
    private static int grown(int slots) {
        return blocks(slots + Math.max(BLOCK, slots / 4));
    }

    private static int blocks(int slots) {
        return (slots + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** Indexes slots {@code [from, to)} of every sequence and head (built directly: no format string to parse). */
    private static NDIndex slots(int from, int to) {
        return new NDIndex().addAllDim(2).addSliceDim(from, to);
    }
}
