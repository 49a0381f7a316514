package dev.polis.runtime.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of {@link HostMatVec}: dot products of matrix rows with one vector in the CPU's widest SIMD lanes
 * (Java's incubating Vector API). Loaded only when the JVM was started with {@code --add-modules
 * jdk.incubator.vector}; {@link HostMatVec#available()} checks that before anything touches this class.
 */
final class VectorDot {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorDot() {
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
        int narrow = cols - cols % LANES;
        float[] lanes = new float[LANES];
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int b0 = r * cols;
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
            y[r] = finish(a0, lanes, w, b0, x, narrow, cols);
            y[r + 1] = finish(a1, lanes, w, b1, x, narrow, cols);
            y[r + 2] = finish(a2, lanes, w, b2, x, narrow, cols);
            y[r + 3] = finish(a3, lanes, w, b3, x, narrow, cols);
        }
        for (; r < to; r++) {
            int base = r * cols;
            FloatVector a = FloatVector.zero(SPECIES);
            for (int i = 0; i < narrow; i += LANES) {
                a = FloatVector.fromArray(SPECIES, w, base + i).fma(FloatVector.fromArray(SPECIES, x, i), a);
            }
            y[r] = finish(a, lanes, w, base, x, narrow, cols);
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
        int j = 0;
        for (; j + 2 <= xs.length; j += 2) {
            pair(w, cols, xs[j], xs[j + 1], ys[j], ys[j + 1], from, to);
        }
        if (j < xs.length) {
            rows(w, cols, xs[j], ys[j], from, to);
        }
    }

    /** {@link #rows} for two vectors at once: four rows by two vectors, eight accumulators. */
    private static void pair(float[] w, int cols, float[] x, float[] z, float[] y, float[] u, int from, int to) {
        int narrow = cols - cols % LANES;
        float[] lanes = new float[LANES];
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int b0 = r * cols;
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
            y[r] = finish(a0, lanes, w, b0, x, narrow, cols);
            y[r + 1] = finish(a1, lanes, w, b1, x, narrow, cols);
            y[r + 2] = finish(a2, lanes, w, b2, x, narrow, cols);
            y[r + 3] = finish(a3, lanes, w, b3, x, narrow, cols);
            u[r] = finish(c0, lanes, w, b0, z, narrow, cols);
            u[r + 1] = finish(c1, lanes, w, b1, z, narrow, cols);
            u[r + 2] = finish(c2, lanes, w, b2, z, narrow, cols);
            u[r + 3] = finish(c3, lanes, w, b3, z, narrow, cols);
        }
        if (r < to) {
            rows(w, cols, x, y, r, to);
            rows(w, cols, z, u, r, to);
        }
    }

    /**
     * Sums the lanes of {@code acc} in a fixed order, not by reduceLanes (the JIT's tree reduction and the
     * interpreter's loop round differently, and a row must not change with whether the kernel was compiled yet), then
     * adds the columns past the last whole vector.
     */
    private static float finish(FloatVector acc, float[] lanes, float[] w, int base, float[] x, int narrow, int cols) {
        acc.intoArray(lanes, 0);
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += lanes[lane];
        }
        for (int i = narrow; i < cols; i++) {
            sum += w[base + i] * x[i];
        }
        return sum;
    }

    /**
     * Returns {@code dot(a[aFrom .. aFrom+n), b[bFrom .. bFrom+n))}, its lanes summed in a fixed order (as {@link #rows});
     * {@code lanes} is scratch of at least {@link #lanes()} floats.
     */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n, float[] lanes) {
        int narrow = n - n % LANES;
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < narrow; i += LANES) {
            acc = FloatVector.fromArray(SPECIES, a, aFrom + i).fma(FloatVector.fromArray(SPECIES, b, bFrom + i), acc);
        }
        acc.intoArray(lanes, 0);
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += lanes[lane];
        }
        for (; i < n; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    /** Adds {@code alpha x[xFrom .. xFrom+n)} to {@code y[yFrom .. yFrom+n)} (fused multiply-adds, lane by lane). */
    static void axpy(float alpha, float[] x, int xFrom, float[] y, int yFrom, int n) {
        int narrow = n - n % LANES;
        FloatVector scale = FloatVector.broadcast(SPECIES, alpha);
        int i = 0;
        for (; i < narrow; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xFrom + i).fma(scale, FloatVector.fromArray(SPECIES, y, yFrom + i))
                    .intoArray(y, yFrom + i);
        }
        for (; i < n; i++) {
            y[yFrom + i] = Math.fma(x[xFrom + i], alpha, y[yFrom + i]);
        }
    }
}
