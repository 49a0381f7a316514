package dev.polis.runtime.model;

import java.util.Arrays;
import dev.polis.runtime.seam.HeapRows;

/**
 * Grouped-query attention of one new token over a KV cache held on the Java heap: what a decode step needs. The
 * token sees a prefix of the slots (all of them in a decode step; in a run of several rows, the slots before its own
 * and its own), so nothing is masked inside the prefix. The arithmetic follows {@link Attention}:
 * queries scaled first, scores, a softmax that subtracts the row's maximum and divides by the sum, then the
 * probability-weighted sum of values.
 */
final class HeapAttention {

    /** Slots whose weighted values are summed apart before joining the total. */
    private static final int RUN = 64;

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
     * (scaled here, in place) over the first {@code slots} slots of {@code rows} (a token sees the slots before its
     * own and its own); heads are shared out through {@code threads} once the cache is long enough to pay for it.
     */
    float[] attend(float[] q, HeapRows rows, int slots, HostMatVec threads) {
        if (slots < 1 || slots > rows.length()) {
            throw new IllegalArgumentException("a token attends to 1.." + rows.length() + " slots, not " + slots);
        }
        float[] context = new float[heads * headDim];
        for (int i = 0; i < heads * headDim; i++) {
            q[i] *= scale;
        }
        if ((long) heads * slots * headDim < HostMatVec.SPLIT_WEIGHTS) {
            for (int h = 0; h < heads; h++) {
                head(h, q, rows, slots, context);
            }
        } else {
            threads.share(heads, h -> head(h, q, rows, slots, context));
        }
        return context;
    }

    /** Attends query head {@code h} over the first {@code slots} slots and writes its slice of {@code context}. */
    private void head(int h, float[] q, HeapRows rows, int slots, float[] context) {
        float[] keys = rows.keys();
        float[] values = rows.values();
        float[] scores = new float[slots];
        float[] lanes = new float[VectorDot.lanes()];
        int base = h / (heads / kvHeads) * rows.slotStride() * headDim;
        int query = h * headDim;
        float max = Float.NEGATIVE_INFINITY;
        for (int s = 0; s < slots; s++) {
            float score = VectorDot.dot(q, query, keys, base + s * headDim, headDim, lanes);
            scores[s] = score;
            max = Math.max(max, score);
        }
        double total = 0;
        for (int s = 0; s < slots; s++) {
            float e = (float) Math.exp(scores[s] - max);
            scores[s] = e;
            total += e;
        }
        // the weighted values summed in runs of RUN slots, then the runs: rounding grows with RUN + slots / RUN
        // additions instead of with slots; normalised once at the end
        float[] run = new float[headDim];
        float[] sum = new float[headDim];
        for (int from = 0; from < slots; from += RUN) {
            Arrays.fill(run, 0f);
            for (int s = from; s < Math.min(slots, from + RUN); s++) {
                VectorDot.axpy(scores[s], values, base + s * headDim, run, 0, headDim);
            }
            for (int d = 0; d < headDim; d++) {
                sum[d] += run[d];
            }
        }
        float norm = (float) total;
        for (int d = 0; d < headDim; d++) {
            context[query + d] = sum[d] / norm;
        }
    }
}
