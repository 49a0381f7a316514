package dev.polis.runtime.model;

import java.util.SplittableRandom;

/**
 * Measures how fast the Java vector kernel reads a heap matrix in a matrix-vector product, the way the heap decode
 * step ({@link HostDecode}) reads its weights: the third read rate of {@code polis bench}'s bound beside PyTorch's
 * product and sum, so that a decoder faster than PyTorch's reads is measured against its own.
 */
public final class HeapReadRate {

    private static final int COLS = 2048;

    private HeapReadRate() {
    }

    /** Returns whether this JVM can run the kernel (it has the Vector API). */
    public static boolean available() {
        return HostMatVec.available();
    }

    /**
     * Returns the best rate, in bytes per second, of {@code repeats} products over a float32 matrix of about
     * {@code bytes} bytes on the threads a model's decode steps use, or 0 when the kernel is unavailable or the heap
     * has no room.
     */
    public static double measure(long bytes, int repeats) {
        if (!available()) {
            return 0;
        }
        int rows = (int) Math.max(1, Math.min(Integer.MAX_VALUE / COLS, bytes / (COLS * 4L)));
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if ((long) rows * COLS * 4 > free / 2) {
            return 0;
        }
        float[] matrix = new float[rows * COLS];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextDouble(-1, 1);
        }
        float[] vector = new float[COLS];
        for (int i = 0; i < COLS; i++) {
            vector[i] = (float) random.nextDouble(-1, 1);
        }
        HostMatVec product = new HostMatVec(HostLinear.defaultThreads());
        double best = 0;
        for (int i = 0; i < Math.max(1, repeats) + 1; i++) {
            long start = System.nanoTime();
            product.multiply(matrix, rows, COLS, vector);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (i > 0) {
                best = Math.max(best, rows * (double) COLS * 4 / seconds);
            }
        }
        return best;
    }
}
