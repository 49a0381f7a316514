package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.ModelConfig;

/**
 * Rotary position embedding in the Hugging Face layout (halves rotated, not interleaved), with Llama 3 or linear
 * frequency scaling. Cosine and sine tables are computed once in double precision; rotating half of the features is
 * one small matrix product so applying the embedding costs four coarse operations.
 */
public final class Rope {

    private final NDArray cos;
    private final NDArray sin;
    private final NDArray rotateHalf;
    private final int maxPositions;
    private final int dim;
    /** The same tables on the Java heap, {@code [maxPositions, headDim]}, for decode steps computed there. */
    private final float[] heapCos;
    private final float[] heapSin;

    /** Builds the tables for positions {@code 0 .. maxPositions-1}; the arrays belong to {@code manager}. */
    public Rope(ModelConfig config, int maxPositions, NDManager manager) {
        int d = config.headDim();
        double[] invFreq = new double[d / 2];
        for (int i = 0; i < invFreq.length; i++) {
            invFreq[i] = Math.pow(config.ropeTheta(), -2.0 * i / d);
        }
        if (config.ropeScaling() != null) {
            invFreq = config.ropeScaling().apply(invFreq);
        }
        float[] c = new float[maxPositions * d];
        float[] s = new float[maxPositions * d];
        for (int p = 0; p < maxPositions; p++) {
            for (int i = 0; i < d; i++) {
                double angle = p * invFreq[i % (d / 2)];
                c[p * d + i] = (float) Math.cos(angle);
                s[p * d + i] = (float) Math.sin(angle);
            }
        }
        float[] r = new float[d * d];
        int half = d / 2;
        for (int j = 0; j < half; j++) {
            r[(j + half) * d + j] = -1f;
            r[j * d + j + half] = 1f;
        }
        this.cos = manager.create(c, new Shape(maxPositions, d));
        this.sin = manager.create(s, new Shape(maxPositions, d));
        this.rotateHalf = manager.create(r, new Shape(d, d));
        this.maxPositions = maxPositions;
        this.dim = d;
        this.heapCos = c;
        this.heapSin = s;
    }

    /** Returns the largest position count the tables cover. */
    public int maxPositions() {
        return maxPositions;
    }

    /** The cosine and sine rows for one step's positions, {@code [tokens, headDim]} each. */
    record Rows(NDArray cos, NDArray sin) {
    }

    /** Selects the rows for {@code positions}, owned by {@code step}. */
    Rows rows(int[] positions, NDManager step) {
        int last = positions[positions.length - 1];
        boolean contiguous = true;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= maxPositions || positions[i] < 0) {
                throw new InvalidInputException("position " + positions[i] + " is beyond this model's context of "
                        + maxPositions + " tokens");
            }
            contiguous &= positions[i] == positions[0] + i;
        }
        if (contiguous) {
            NDIndex range = new NDIndex().addSliceDim(positions[0], last + 1);
            return new Rows(cos.get(step, range), sin.get(step, range));
        }
        long[] idx = new long[positions.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = positions[i];
        }
        NDArray index = step.create(idx).reshape(-1, 1).repeat(1, cos.getShape().get(1));
        return new Rows(cos.gather(index, 0), sin.gather(index, 0));
    }

    /**
     * Rotates {@code x} ({@code [batch, heads, tokens, headDim]}) for positions {@code 0 .. tokens-1}, as a training
     * window that starts at the beginning needs; the rows taken are owned by {@code step}.
     */
    public NDArray applyFromStart(NDArray x, NDManager step) {
        int tokens = (int) x.getShape().get(2);
        int[] positions = new int[tokens];
        for (int i = 0; i < tokens; i++) {
            positions[i] = i;
        }
        return apply(x, rows(positions, step));
    }

    /**
     * Rotates, in place, the head vector {@code x[from .. from + headDim)} for {@code position}: the same arithmetic as
     * {@link #apply} ({@code x cos + rotateHalf(x) sin}), on the Java heap.
     */
    void rotate(float[] x, int from, int position) {
        if (position < 0 || position >= maxPositions) {
            throw new InvalidInputException("position " + position + " is beyond this model's context of "
                    + maxPositions + " tokens");
        }
        int half = dim / 2;
        int row = position * dim;
        for (int i = 0; i < half; i++) {
            float a = x[from + i];
            float b = x[from + i + half];
            x[from + i] = a * heapCos[row + i] + -b * heapSin[row + i];
            x[from + i + half] = b * heapCos[row + i + half] + a * heapSin[row + i + half];
        }
    }

    /** Rotates {@code x} ({@code [batch, heads, tokens, headDim]}) by the positions {@code rows} were made for. */
    NDArray apply(NDArray x, Rows rows) {
        return x.mul(rows.cos()).add(x.matMul(rotateHalf).mul(rows.sin()));
    }
}
