package dev.polis.runtime.model;

import dev.polis.runtime.seam.KvCache;

/**
 * Grouped-query attention of one new token over a KV cache held on the Java heap: what a decode step needs, where
 * the token's position follows every cached one so that no slot is masked. The arithmetic follows {@link Attention}:
 * queries scaled first, scores, a softmax that subtracts the row's maximum and divides by the sum, then the
 * probability-weighted sum of values.
 */
final class HeapAttention {

    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float scale;

    HeapAttention(int heads, int kvHeads, int headDim) {
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.scale = (float) (1.0 / Math.sqrt(headDim));
    }

    /**
     * Returns the attended context {@code [heads, headDim]} for the rotated queries {@code q[0 .. heads · headDim)}
     * (scaled here, in place) over every filled slot of {@code rows}.
     */
    float[] attend(float[] q, KvCache.HeapRows rows) {
        int group = heads / kvHeads;
        int slots = rows.length();
        float[] keys = rows.keys();
        float[] values = rows.values();
        float[] context = new float[heads * headDim];
        float[] scores = new float[slots];
        float[] lanes = new float[VectorDot.lanes()];
        for (int i = 0; i < heads * headDim; i++) {
            q[i] *= scale;
        }
        for (int h = 0; h < heads; h++) {
            int base = h / group * rows.slotStride() * headDim;
            int query = h * headDim;
            float max = Float.NEGATIVE_INFINITY;
            for (int s = 0; s < slots; s++) {
                float score = VectorDot.dot(q, query, keys, base + s * headDim, headDim, lanes);
                scores[s] = score;
                max = Math.max(max, score);
            }
            float sum = 0;
            for (int s = 0; s < slots; s++) {
                float e = (float) Math.exp(scores[s] - max);
                scores[s] = e;
                sum += e;
            }
            for (int s = 0; s < slots; s++) {
                VectorDot.axpy(scores[s] / sum, values, base + s * headDim, context, query, headDim);
            }
        }
        return context;
    }
}
