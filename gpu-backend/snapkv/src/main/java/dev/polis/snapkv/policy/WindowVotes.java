package dev.polis.snapkv.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.seam.KvCache;

/**
 * The votes of the observation window: the softmax attention (float32) of the prompt's last {@code window} queries
 * over every slot of the layer's cache, causally masked by position, summed over the window's queries, the query
 * heads of each key/value group and the batch. One row of votes per key/value head, so grouped-query attention is
 * compressed per key/value head without expanding the heads. Cost O(heads · window · slots · headDim).
 */
public final class WindowVotes {

    private static final float MASKED = -1e30f;

    private WindowVotes() {
    }

    /**
     * Returns {@code [kvHeads][slots]} votes.
     *
     * @param queries        the prompt's queries after the rotary embedding, {@code [batch, heads, tokens, headDim]}
     * @param queryPositions their absolute positions
     * @param cache          the layer's cache (keys after the rotary embedding, positions per head)
     * @param window         how many of the last queries vote (fewer when the append held fewer)
     */
    public static float[][] of(NDArray queries, int[] queryPositions, KvCache cache, int window, NDManager manager) {
        Shape shape = queries.getShape();
        long batch = shape.get(0);
        int heads = (int) shape.get(1);
        int tokens = (int) shape.get(2);
        long headDim = shape.get(3);
        int kvHeads = cache.kvHeads();
        int group = heads / kvHeads;
        int rows = Math.min(window, tokens);
        int slots = cache.length();
        NDArray last = queries.get(new NDIndex().addAllDim(2).addSliceDim(tokens - rows, tokens))
                .mul((float) (1.0 / Math.sqrt(headDim)))
                .reshape(batch, kvHeads, (long) group * rows, headDim);
        NDArray keys = cache.keys(manager);
        NDArray scores = last.matMul(keys.transpose(0, 1, 3, 2)).reshape(batch, kvHeads, group, rows, slots);
        NDArray mask = causalMask(cache, queryPositions, rows, manager);
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray votes = scores.softmax(-1).sum(new int[] {0, 2, 3});
        float[] flat = votes.toFloatArray();
        float[][] out = new float[kvHeads][slots];
        for (int h = 0; h < kvHeads; h++) {
            System.arraycopy(flat, h * slots, out[h], 0, slots);
        }
        return out;
    }

    /** Returns {@code [1, kvHeads, 1, rows, slots]} hiding from each window query the slots of later positions. */
    private static NDArray causalMask(KvCache cache, int[] queryPositions, int rows, NDManager manager) {
        int kvHeads = cache.kvHeads();
        int slots = cache.length();
        float[] values = new float[kvHeads * rows * slots];
        boolean any = false;
        for (int h = 0; h < kvHeads; h++) {
            int[] keyPositions = cache.positions(h);
            for (int r = 0; r < rows; r++) {
                int query = queryPositions[queryPositions.length - rows + r];
                for (int s = 0; s < slots; s++) {
                    if (keyPositions[s] > query) {
                        values[(h * rows + r) * slots + s] = MASKED;
                        any = true;
                    }
                }
            }
        }
        return any ? manager.create(values, new Shape(1, kvHeads, 1, rows, slots)) : null;
    }
}
