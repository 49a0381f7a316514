package dev.polis.runtime.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of {@link HostMatVec} and of {@link HeapAttention}'s scores: dot products of matrix rows with one
 * or several vectors in the CPU's widest SIMD lanes (Java's incubating Vector API). Loaded only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}; {@link HostMatVec#available()} checks that before anything
 * touches this class.
 */
final class VectorDot {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Lane i paired with lane i + k (mod the lanes): the folds of {@link #finish}; unused where k >= the lanes. */
    private static final VectorShuffle<Float> FOLD_8 = fold(8);
    private static final VectorShuffle<Float> FOLD_4 = fold(4);
    private static final VectorShuffle<Float> FOLD_2 = fold(2);
    private static final VectorShuffle<Float> FOLD_1 = fold(1);

    private VectorDot() {
    }

    private static VectorShuffle<Float> fold(int k) {
        return VectorShuffle.fromOp(SPECIES, i -> (i + k) % LANES);
    }

    /** Returns the lane count of the species in use (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return LANES;
    }

    /**
     * Sets {@code y[r] = dot(w[r, :], x)} for rows {@code from .. to-1} of the row-major {@code [rows, cols]} {@code w}.
     * Rows go four at a time, each loaded slice of {@code x} serving four rows, with one accumulator per row; a row's
     * sum is the same whether it goes in a group of four or alone (same lanes, same order), so the result does not
     * depend on how the rows were split between threads.
     */
    static void rows(float[] w, int cols, float[] x, float[] y, int from, int to) {
        rows(w, cols, 0, x, y, from, to);
    }

    /** {@link #rows} over the rows {@code shift + r} of {@code w}, written to {@code y[r]}. */
    private static void rows(float[] w, int cols, int shift, float[] x, float[] y, int from, int to) {
        int narrow = cols - cols % LANES;
        float[] partial = new float[4 * LANES];
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int b0 = (r + shift) * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = FloatVector.zero(SPECIES);
            FloatVector a2 = FloatVector.zero(SPECIES);
            FloatVector a3 = FloatVector.zero(SPECIES);
            for (int i = 0; i < narrow; i += LANES) {
                FloatVector xv = FloatVector.fromArray(SPECIES, x, i);
                a0 = FloatVector.fromArray(SPECIES, w, b0 + i).fma(xv, a0);
                a1 = FloatVector.fromArray(SPECIES, w, b1 + i).fma(xv, a1);
                a2 = FloatVector.fromArray(SPECIES, w, b2 + i).fma(xv, a2);
                a3 = FloatVector.fromArray(SPECIES, w, b3 + i).fma(xv, a3);
            }
            a0.intoArray(partial, 0);
            a1.intoArray(partial, LANES);
            a2.intoArray(partial, 2 * LANES);
            a3.intoArray(partial, 3 * LANES);
            for (int k = 0; k < 4; k++) {
                y[r + k] = finish(partial, k, w, b0 + k * cols, x, narrow, cols);
            }
        }
        for (; r < to; r++) {
            int base = (r + shift) * cols;
            FloatVector a = FloatVector.zero(SPECIES);
            for (int i = 0; i < narrow; i += LANES) {
                a = FloatVector.fromArray(SPECIES, w, base + i).fma(FloatVector.fromArray(SPECIES, x, i), a);
            }
            a.intoArray(partial, 0);
            y[r] = finish(partial, 0, w, base, x, narrow, cols);
        }
    }

    /**
     * Sets {@code ys[j][r] = dot(w[r, :], xs[j])} for rows {@code from .. to-1} and every vector {@code xs[j]}: the
     * product of several rows of one sequence (a verification pass, a short append). Each loaded slice of {@code w}
     * serves two vectors in four rows, so the weights are read once for every pair of vectors; each sum has its own
     * accumulator in the order of {@link #rows}, so {@code ys[j]} has the same bits as {@code rows} gives for
     * {@code xs[j]} alone.
     */
    static void rows(float[] w, int cols, float[][] xs, float[][] ys, int from, int to) {
        rows(w, cols, 0, xs, ys, from, to);
    }

    /**
     * Attention scores: sets {@code ys[j][s] = dot(keys[shift + s, :], xs[j])} for slots {@code 0 .. slots-1} of the
     * row-major keys {@code [*, cols]} that start at row {@code shift} (one KV head's slots), as {@link #rows} does.
     */
    static void slots(float[] keys, int cols, int shift, float[][] xs, float[][] ys, int slots) {
        rows(keys, cols, shift, xs, ys, 0, slots);
    }

    private static void rows(float[] w, int cols, int shift, float[][] xs, float[][] ys, int from, int to) {
        int j = 0;
        for (; j + 2 <= xs.length; j += 2) {
            pair(w, cols, shift, xs[j], xs[j + 1], ys[j], ys[j + 1], from, to);
        }
        if (j < xs.length) {
            rows(w, cols, shift, xs[j], ys[j], from, to);
        }
    }

    /** {@link #rows} for two vectors at once: four rows by two vectors, eight accumulators. */
    private static void pair(float[] w, int cols, int shift, float[] x, float[] z, float[] y, float[] u, int from,
                             int to) {
        int narrow = cols - cols % LANES;
        float[] partial = new float[8 * LANES];
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int b0 = (r + shift) * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = FloatVector.zero(SPECIES);
            FloatVector a2 = FloatVector.zero(SPECIES);
            FloatVector a3 = FloatVector.zero(SPECIES);
            FloatVector c0 = FloatVector.zero(SPECIES);
            FloatVector c1 = FloatVector.zero(SPECIES);
            FloatVector c2 = FloatVector.zero(SPECIES);
            FloatVector c3 = FloatVector.zero(SPECIES);
            for (int i = 0; i < narrow; i += LANES) {
                FloatVector xv = FloatVector.fromArray(SPECIES, x, i);
                FloatVector zv = FloatVector.fromArray(SPECIES, z, i);
                FloatVector w0 = FloatVector.fromArray(SPECIES, w, b0 + i);
                FloatVector w1 = FloatVector.fromArray(SPECIES, w, b1 + i);
                FloatVector w2 = FloatVector.fromArray(SPECIES, w, b2 + i);
                FloatVector w3 = FloatVector.fromArray(SPECIES, w, b3 + i);
                a0 = w0.fma(xv, a0);
                c0 = w0.fma(zv, c0);
                a1 = w1.fma(xv, a1);
                c1 = w1.fma(zv, c1);
                a2 = w2.fma(xv, a2);
                c2 = w2.fma(zv, c2);
                a3 = w3.fma(xv, a3);
                c3 = w3.fma(zv, c3);
            }
            a0.intoArray(partial, 0);
            a1.intoArray(partial, LANES);
            a2.intoArray(partial, 2 * LANES);
            a3.intoArray(partial, 3 * LANES);
            c0.intoArray(partial, 4 * LANES);
            c1.intoArray(partial, 5 * LANES);
            c2.intoArray(partial, 6 * LANES);
            c3.intoArray(partial, 7 * LANES);
            for (int k = 0; k < 4; k++) {
                y[r + k] = finish(partial, k, w, b0 + k * cols, x, narrow, cols);
                u[r + k] = finish(partial, 4 + k, w, b0 + k * cols, z, narrow, cols);
            }
        }
        if (r < to) {
            rows(w, cols, shift, x, y, r, to);
            rows(w, cols, shift, z, u, r, to);
        }
    }

    /**
     * Sums the lanes of accumulator {@code k}, which the kernel stored in {@code partial}, then adds the columns past
     * the last whole vector. Storing keeps the kernel's compiled code small: with the folds inlined eight times over,
     * the JIT gave up on some vector intrinsics and boxed vectors in the inner loop; for the same reason no vector
     * crosses a method boundary here (a vector passed to a method the JIT does not inline is boxed). The lanes are folded in halves
     * (lane i plus lane i + n/2, then again), a fixed order of lane-wise additions that the interpreter and the JIT
     * round alike; not by reduceLanes, whose compiled tree and interpreted loop round differently, since a row must
     * not change with whether the kernel was compiled yet.
     */
    private static float finish(float[] partial, int k, float[] w, int base, float[] x, int narrow, int cols) {
        FloatVector acc = FloatVector.fromArray(SPECIES, partial, k * LANES);
        if (LANES >= 16) {
            acc = acc.add(acc.rearrange(FOLD_8));
        }
        if (LANES >= 8) {
            acc = acc.add(acc.rearrange(FOLD_4));
        }
        if (LANES >= 4) {
            acc = acc.add(acc.rearrange(FOLD_2));
        }
        if (LANES >= 2) {
            acc = acc.add(acc.rearrange(FOLD_1));
        }
        float sum = acc.lane(0);
        for (int i = narrow; i < cols; i++) {
            sum += w[base + i] * x[i];
        }
        return sum;
    }
}
