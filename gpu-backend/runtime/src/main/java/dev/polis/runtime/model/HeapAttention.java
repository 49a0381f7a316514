package dev.polis.runtime.model;

import java.util.Arrays;
import java.util.function.IntConsumer;
import dev.polis.runtime.seam.HeapRows;

/**
 * Grouped-query attention of a few consecutive tokens of one sequence over a KV cache held on the Java heap: one
 * token in a decode step, a handful in a verification pass. Each token sees a prefix of the slots (all of them in a
 * decode step; in a run of several tokens, the slots before its own and its own), so nothing is masked inside it. The
 * arithmetic follows {@link Attention}: queries scaled first, scores, a softmax that subtracts the row's maximum and
 * divides by the sum, then the probability-weighted sum of values.
 *
 * <p>The queries that share a KV head go together through its keys and values ({@link VectorDot#slots},
 * {@link VectorValues#weightedSums}), each loaded key or value row serving several of them; a query's bits do not
 * depend on the others it goes with, so a token gets the same context in a verification pass as alone.
 */
final class HeapAttention {

    /** Queries of one KV head taken together by one task when several tokens attend (one each in a decode step). */
    private static final int CHUNK = 4;

    private final int heads;
    private final int kvHeads;
    private final int group;
    private final int headDim;
    private final float scale;

    HeapAttention(int heads, int kvHeads, int headDim) {
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.group = heads / kvHeads;
        this.headDim = headDim;
        this.scale = (float) (1.0 / Math.sqrt(headDim));
    }

    /**
     * Returns the attended context {@code [heads, headDim]} of each token {@code j} for its rotated queries
     * {@code q[j][0 .. heads · headDim)} (scaled here, in place); token {@code j} sees the first
     * {@code before + j + 1} slots of {@code rows}. The work is shared out through {@code threads} once the cache is
     * long enough to pay for it.
     */
    float[][] attend(float[][] q, HeapRows rows, int before, HostMatVec threads) {
        int tokens = q.length;
        if (before < 0 || before + tokens > rows.length()) {
            throw new IllegalArgumentException(tokens + " tokens after " + before + " slots do not fit the "
                    + rows.length() + " filled slots");
        }
        float[][] context = new float[tokens][heads * headDim];
        for (float[] row : q) {
            for (int i = 0; i < heads * headDim; i++) {
                row[i] *= scale;
            }
        }
        int queries = tokens * group;
        int chunk = tokens == 1 ? 1 : CHUNK;
        int perKvHead = (queries + chunk - 1) / chunk;
        int tasks = kvHeads * perKvHead;
        IntConsumer task = t -> {
            int first = t % perKvHead * chunk;
            attend(q, rows, before, t / perKvHead, first, Math.min(queries, first + chunk), context);
        };
        if ((long) heads * tokens * (before + tokens) * headDim < HostMatVec.SPLIT_WEIGHTS) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
        } else {
            threads.share(tasks, task);
        }
        return context;
    }

    /**
     * Attends queries {@code [from, to)} of KV head {@code kvHead} (query {@code i} is token {@code i / group}'s head
     * {@code kvHead · group + i % group}) and writes their slices of {@code context}.
     */
    private void attend(float[][] q, HeapRows rows, int before, int kvHead, int from, int to, float[][] context) {
        int count = to - from;
        float[][] queries = new float[count][];
        int[] seen = new int[count];
        int slots = 0;
        for (int i = 0; i < count; i++) {
            int token = (from + i) / group;
            int head = kvHead * group + (from + i) % group;
            queries[i] = Arrays.copyOfRange(q[token], head * headDim, (head + 1) * headDim);
            seen[i] = before + token + 1;
            slots = Math.max(slots, seen[i]);
        }
        int shift = kvHead * rows.slotStride();
        float[][] p = new float[count][slots];
        VectorDot.slots(rows.keys(), headDim, shift, queries, p, slots);
        double[] totals = new double[count];
        for (int i = 0; i < count; i++) {
            totals[i] = VectorSoftmax.numerators(p[i], seen[i]);
        }
        float[][] sums = new float[count][headDim];
        VectorValues.weightedSums(p, rows.values(), shift, headDim, slots, sums);
        for (int i = 0; i < count; i++) {
            int token = (from + i) / group;
            int head = kvHead * group + (from + i) % group;
            float norm = (float) totals[i];
            for (int d = 0; d < headDim; d++) {
                context[token][head * headDim + d] = sums[i][d] / norm;
            }
        }
    }
}
