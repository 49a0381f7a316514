package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Differentiable causal attention of a training window, in blocks of query rows when the window is long: a block of
 * rows {@code [from, to)} attends only keys {@code [0, to)}, since every later key is masked for all of its rows. The
 * result and its gradients are those of one masked softmax over the whole window; the score tensors the step keeps
 * for the backward pass shrink to about half (a window of 8,192 tokens: 0.56 of the full matrix in blocks of 1,024).
 */
final class CausalAttention {

    /** Windows longer than this are attended in blocks of this many query rows. */
    static final long DEFAULT_ROWS = 1024;

    private static final float MASKED = -1e30f;

    private final long rows;

    /** Attention in blocks of {@code rows} query rows (windows of at most {@code rows} tokens run as one block). */
    CausalAttention(long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive: " + rows);
        }
        this.rows = rows;
    }

    /**
     * Returns {@code softmax(q k^T + causal mask) v} for scaled queries {@code q} ({@code [batch, kvHeads, group,
     * tokens, headDim]}) and keys and values {@code [batch, kvHeads, tokens, headDim]}, shaped {@code [batch, kvHeads,
     * group, tokens, headDim]}.
     */
    NDArray apply(NDManager m, NDArray q, NDArray k, NDArray v) {
        Shape shape = q.getShape();
        long batch = shape.get(0);
        long kvHeads = shape.get(1);
        long group = shape.get(2);
        long tokens = shape.get(3);
        long headDim = shape.get(4);
        if (tokens <= rows) {
            return block(m, q.reshape(batch, kvHeads, group * tokens, headDim), k, v, 0, tokens)
                    .reshape(batch, kvHeads, group, tokens, headDim);
        }
        NDList parts = new NDList();
        for (long from = 0; from < tokens; from += rows) {
            long to = Math.min(tokens, from + rows);
            NDArray queries = q.get(new NDIndex().addAllDim(3).addSliceDim(from, to))
                    .reshape(batch, kvHeads, group * (to - from), headDim);
            NDArray keys = k.get(new NDIndex().addAllDim(2).addSliceDim(0, to));
            NDArray values = v.get(new NDIndex().addAllDim(2).addSliceDim(0, to));
            parts.add(block(m, queries, keys, values, from, to).reshape(batch, kvHeads, group, to - from, headDim));
        }
        return NDArrays.concat(parts, 3);
    }

    /** Attends query rows {@code [from, to)} (grouped, {@code [batch, kvHeads, group · rows, headDim]}) to keys {@code [0, to)}. */
    private static NDArray block(NDManager m, NDArray queries, NDArray keys, NDArray values, long from, long to) {
        Shape shape = queries.getShape();
        long batch = shape.get(0);
        long kvHeads = shape.get(1);
        long count = to - from;
        long group = shape.get(2) / count;
        return queries.matMul(keys.transpose(0, 1, 3, 2))
                .reshape(batch, kvHeads, group, count, to).add(mask(m, from, to))
                .reshape(batch, kvHeads, group * count, to)
                .softmax(-1).matMul(values);
    }

    /** The additive mask of query rows {@code [from, to)} over keys {@code [0, to)}: key s is hidden from row t > s. */
    private static NDArray mask(NDManager m, long from, long to) {
        int n = (int) (to - from);
        int keys = (int) to;
        float[] values = new float[n * keys];
        for (int r = 0; r < n; r++) {
            for (int s = (int) from + r + 1; s < keys; s++) {
                values[r * keys + s] = MASKED;
            }
        }
        return m.create(values, new Shape(n, keys));
    }
}
