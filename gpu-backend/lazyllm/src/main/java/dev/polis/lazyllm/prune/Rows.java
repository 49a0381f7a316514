package dev.polis.lazyllm.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Row operations on hidden states {@code [1, tokens, hidden]}: pick rows, read them out, build them back. */
final class Rows {

    private Rows() {
    }

    /** Returns rows {@code indices} of {@code h}, in that order. */
    static NDArray take(NDArray h, int[] indices, NDManager manager) {
        long width = h.getShape().get(2);
        long[] index = new long[indices.length * (int) width];
        for (int i = 0; i < indices.length; i++) {
            java.util.Arrays.fill(index, i * (int) width, (i + 1) * (int) width, indices[i]);
        }
        return h.gather(manager.create(index, new Shape(1, indices.length, width)), 1);
    }

    /** Returns rows {@code indices} of {@code h} as Java arrays. */
    static float[][] read(NDArray h, int[] indices, NDManager manager) {
        int width = (int) h.getShape().get(2);
        float[] flat = take(h, indices, manager).toFloatArray();
        float[][] out = new float[indices.length][width];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(flat, i * width, out[i], 0, width);
        }
        return out;
    }

    /** Returns {@code rows} as {@code [1, rows, hidden]} followed by the rows of {@code tail}. */
    static NDArray prepend(float[][] rows, NDArray tail, NDManager manager) {
        int width = (int) tail.getShape().get(2);
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        NDArray head = manager.create(flat, new Shape(1, rows.length, width));
        return NDArrays.concat(new NDList(head, tail), 1);
    }
}
