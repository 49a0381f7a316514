package dev.polis.runtime.model;

import java.util.Arrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.seam.AttentionRows;
import dev.polis.runtime.seam.KvCache;

/**
 * What the layers share while they process one group of tokens: the tokens' positions, their rotary rows, a
 * manager for the step's arrays, and the causal mask of the previous layer (reused when the next layer's cache
 * holds the same positions).
 */
final class Step {

    private static final float MASKED = -1e30f;

    final NDManager manager;
    final int[] positions;
    final Rope.Rows rope;
    private int[] maskSlots;
    private NDArray mask;
    /** How many last query rows' attention probabilities to keep, and where; 0 and null on the default path. */
    int probeRows;
    AttentionRows[] probeSink;

    Step(NDManager manager, int[] positions, Rope rope) {
        this.manager = manager;
        this.positions = positions.clone();
        this.rope = rope.rows(positions, manager);
    }

    /**
     * Returns the additive mask {@code [tokens, slots]} that hides from each token the cache slots of later
     * positions, or {@code null} when nothing needs hiding (one token, every slot at or before it).
     */
    NDArray mask(KvCache cache) {
        if (!cache.headsShareSlots()) {
            return headMask(cache);
        }
        int[] slotPositions = cache.positions();
        if (Arrays.equals(maskSlots, slotPositions)) {
            return mask;
        }
        NDArray built = causalRows(slotPositions, 0, positions.length, cache.length());
        maskSlots = slotPositions;
        mask = built == null ? null : shared(built);
        return mask;
    }

    /**
     * Returns the mask of {@link #mask} made a block of query rows at a time from the positions, for a cache whose
     * heads share slots: a long prompt never holds the whole {@code [tokens, slots]} array (256 MiB at 8,192 tokens,
     * and a Java array's length caps it at 46,340 tokens). Each block's mask belongs to the scope that asks for it.
     */
    QueryBlocks.MaskRows maskRows(KvCache cache) {
        int[] slotPositions = cache.positions();
        return (from, to, seen) -> causalRows(slotPositions, (int) from, (int) to, (int) seen);
    }

    /**
     * Returns the additive mask {@code [to - from, width]} hiding from the queries at {@code positions[from .. to)}
     * the first {@code width} slots that hold later positions, or {@code null} when it hides nothing.
     */
    private NDArray causalRows(int[] slotPositions, int from, int to, int width) {
        int rows = to - from;
        float[] values = new float[rows * width];
        boolean any = false;
        for (int t = 0; t < rows; t++) {
            int position = positions[from + t];
            for (int s = 0; s < width; s++) {
                if (slotPositions[s] > position) {
                    values[t * width + s] = MASKED;
                    any = true;
                }
            }
        }
        return any ? manager.create(values, new Shape(rows, width)) : null;
    }

    /**
     * Returns the additive mask {@code [kvHeads, 1, tokens, slots]} for a cache whose heads hold different positions
     * (it broadcasts over the query heads of each group), or {@code null} when nothing needs hiding.
     */
    private NDArray headMask(KvCache cache) {
        int heads = cache.kvHeads();
        int slots = cache.length();
        int tokens = positions.length;
        float[] values = new float[heads * tokens * slots];
        boolean any = false;
        for (int h = 0; h < heads; h++) {
            int[] slotPositions = cache.positions(h);
            for (int t = 0; t < tokens; t++) {
                for (int s = 0; s < slots; s++) {
                    if (slotPositions[s] > positions[t]) {
                        values[(h * tokens + t) * slots + s] = MASKED;
                        any = true;
                    }
                }
            }
        }
        maskSlots = null;
        mask = null;
        return any ? manager.create(values, new Shape(heads, 1, tokens, slots)) : null;
    }

    /** Keeps {@code array} beyond the layer that made it (the step's manager frees it when the step ends). */
    static NDArray shared(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    @Override
    public String toString() {
        return "Step" + Arrays.toString(positions);
    }
}
