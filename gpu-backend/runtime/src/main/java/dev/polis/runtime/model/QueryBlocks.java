package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

/**
 * Attention of a long prompt in blocks of query rows, so that one layer never holds the scores of every query
 * against every cached token at once: each block's scores, masked scores and probabilities are freed before the
 * next block starts. Each row's softmax and weighted sum are the same computation as in one block; only the
 * matrix products are split along the query rows. Where the cache's slots are in position order (no policy
 * reordered them), a block attends only the slots its last row may see ({@link #visiblePrefix}): the keys after
 * them are masked for every row of the block, so a causal prompt computes about half of the full score matrix.
 */
final class QueryBlocks {

    /** Blocks are a multiple of this many rows (keeps matrix products on their wide kernels). */
    static final long ALIGN = 64;

    private QueryBlocks() {
    }

    /** The additive mask of some query rows over the leading slots, made when a block needs it. */
    @FunctionalInterface
    interface MaskRows {

        /**
         * Returns the mask of query rows {@code [from, to)} over slots {@code [0, seen)}, shaped {@code [rows, seen]}
         * or {@code [kvHeads, 1, rows, seen]}, or {@code null} when none of those entries is masked.
         */
        NDArray rows(long from, long to, long seen);

        /** Rows cut from a whole mask ({@code [tokens, slots]} or {@code [kvHeads, 1, tokens, slots]}, or null). */
        static MaskRows of(NDArray mask) {
            return (from, to, seen) -> {
                if (mask == null) {
                    return null;
                }
                NDArray rows = maskRows(mask, from, to);
                long slots = rows.getShape().get(rows.getShape().dimension() - 1);
                return seen == slots ? rows
                        : rows.get(new NDIndex().addAllDim(rows.getShape().dimension() - 1).addSliceDim(0, seen));
            };
        }
    }

    /**
     * Returns how many query rows to attend at once so that {@code heads × rows × slots} stays within
     * {@code floats}: all of {@code tokens} when they fit, otherwise a multiple of {@link #ALIGN} (at least one).
     */
    static long rows(long floats, int heads, long tokens, long slots) {
        if ((double) heads * tokens * slots <= floats) {
            return tokens;
        }
        long rows = floats / ((long) heads * slots) / ALIGN * ALIGN;
        return Math.min(tokens, Math.max(ALIGN, rows));
    }

    /**
     * Attends scaled queries {@code q} ({@code [batch, heads, tokens, headDim]}) to {@code keys} and {@code values}
     * ({@code [batch, kvHeads, slots, headDim]}) in blocks of {@code block} query rows, with the additive
     * {@code mask} ({@code [tokens, slots]} or {@code [kvHeads, 1, tokens, slots]}, or {@code null}); returns
     * {@code [batch, kvHeads, group · tokens, headDim]} as the one-block path does.
     */
    static NDArray attend(NDArray q, NDArray keys, NDArray values, NDArray mask, long block, int kvHeads) {
        return attend(q, keys, values, MaskRows.of(mask), block, kvHeads, null);
    }

    /**
     * As {@link #attend(NDArray, NDArray, NDArray, NDArray, long, int)}, where query row {@code t} sees only the
     * first {@code visible[t]} slots (all others masked for it, as {@link #visiblePrefix} finds); {@code null}: every
     * slot may be visible.
     */
    static NDArray attend(NDArray q, NDArray keys, NDArray values, MaskRows mask, long block, int kvHeads,
                          int[] visible) {
        long batch = q.getShape().get(0);
        long heads = q.getShape().get(1);
        long tokens = q.getShape().get(2);
        long headDim = q.getShape().get(3);
        long slots = keys.getShape().get(2);
        long group = heads / kvHeads;
        NDArray grouped = q.reshape(batch, kvHeads, group, tokens, headDim);
        NDArray transposedKeys = keys.transpose(0, 1, 3, 2);
        NDList parts = new NDList();
        for (long from = 0; from < tokens; from += block) {
            long to = Math.min(tokens, from + block);
            long rows = to - from;
            long seen = visible == null ? slots : Math.max(1, max(visible, (int) from, (int) to));
            try (NDScope scope = new NDScope()) {
                NDArray queries = grouped.get(new NDIndex().addAllDim(3).addSliceDim(from, to))
                        .reshape(batch, kvHeads, group * rows, headDim);
                NDArray blockKeys = seen == slots ? transposedKeys
                        : transposedKeys.get(new NDIndex().addAllDim(3).addSliceDim(0, seen));
                NDArray blockValues = seen == slots ? values
                        : values.get(new NDIndex().addAllDim(2).addSliceDim(0, seen));
                NDArray scores = queries.matMul(blockKeys);
                NDArray blockMask = mask.rows(from, to, seen);
                if (blockMask != null) {
                    scores = scores.reshape(batch, kvHeads, group, rows, seen).add(blockMask)
                            .reshape(batch, kvHeads, group * rows, seen);
                }
                NDArray part = scores.softmax(-1).matMul(blockValues).reshape(batch, kvHeads, group, rows, headDim);
                NDScope.unregister(part);
                parts.add(part);
            }
        }
        NDArray joined = NDArrays.concat(parts, 3).reshape(batch, kvHeads, group * tokens, headDim);
        parts.close();
        return joined;
    }

    /**
     * Returns, for each query at {@code queryPositions}, how many leading slots of a cache whose slots hold
     * {@code slotPositions} it may see, when the slots are in increasing position order (then a query sees exactly
     * the slots up to its own position, a prefix); {@code null} when they are not (a policy reordered them).
     */
    static int[] visiblePrefix(int[] slotPositions, int[] queryPositions) {
        for (int s = 1; s < slotPositions.length; s++) {
            if (slotPositions[s] <= slotPositions[s - 1]) {
                return null;
            }
        }
        int[] visible = new int[queryPositions.length];
        for (int t = 0; t < queryPositions.length; t++) {
            int index = java.util.Arrays.binarySearch(slotPositions, queryPositions[t]);
            visible[t] = index >= 0 ? index + 1 : -index - 1;
        }
        return visible;
    }

    private static int max(int[] values, int from, int to) {
        int max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** Returns the rows {@code [from, to)} of an additive mask of either shape {@link #attend} takes. */
    static NDArray maskRows(NDArray mask, long from, long to) {
        int rowAxis = mask.getShape().dimension() - 2;
        return mask.get(new NDIndex().addAllDim(rowAxis).addSliceDim(from, to));
    }
}
