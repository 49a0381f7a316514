package dev.polis.runtime.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Measures how fast the engine reads memory the way a decode step does, for the bound {@code polis bench} relates
 * decode speed to.
 *
 * <p>A decode step reads every weight once and writes almost nothing, so its bound is the time to read the weights at
 * the best read rate the engine reaches on the device. Two read-only kernels are timed through the same engine and
 * thread settings as the model: a matrix-vector product over a {@code rows × cols} float32 matrix (the shape of a
 * decode step's work) and a sum over the same bytes. Each is run {@code repeats} times and its best time kept; the
 * bound uses the faster of the two. The matrix is {@value #DEFAULT_BYTES} bytes by default, far larger than any
 * cache, so the figures are memory reads, not cache hits. A copy ({@code duplicate}) moves each byte twice (read and
 * write) and runs at a fraction of this rate, which is why a bound derived from it reads above 100 %.
 *
 *
 * <p>Where decode steps run on the Java heap, the Java vector kernel's product over a heap matrix of the same size is
 * timed too ({@code HeapReadRate}): the bound is the fastest read any of the three reached.
 *
 * @param matVecBytesPerSecond     bytes of the matrix read per second by PyTorch's matrix-vector product (best run)
 * @param sumBytesPerSecond        bytes read per second by PyTorch's sum (best run)
 * @param heapMatVecBytesPerSecond bytes read per second by the Java kernel's product (best run), or 0 when decode
 *                                 steps do not run on the heap
 * @param bytes                    bytes of the matrix each kernel reads
 */
public record ReadBandwidth(double matVecBytesPerSecond, double sumBytesPerSecond, double heapMatVecBytesPerSecond,
                            long bytes) {

    /** The matrix size the bench reads: 512 MiB. */
    public static final long DEFAULT_BYTES = 512L * 1024 * 1024;

    /** Returns the fastest of the read rates, in bytes per second: the rate the bound uses. */
    public double best() {
        return Math.max(Math.max(matVecBytesPerSecond, sumBytesPerSecond), heapMatVecBytesPerSecond);
    }

    /** Returns these figures with the Java kernel's read rate. */
    public ReadBandwidth withHeapMatVec(double bytesPerSecond) {
        return new ReadBandwidth(matVecBytesPerSecond, sumBytesPerSecond, bytesPerSecond, bytes);
    }

    /**
     * Times both read-only kernels on {@code parent}'s device over a matrix of about {@code bytes} bytes (whole rows of
     * 8,192 floats), keeping the best of {@code repeats} runs of each.
     */
    public static ReadBandwidth measure(NDManager parent, long bytes, int repeats) {
        long cols = 8192;
        long rows = Math.max(1, bytes / (cols * 4));
        try (NDManager m = parent.newSubManager()) {
            NDArray matrix = m.randomUniform(-1f, 1f, new Shape(rows, cols), DataType.FLOAT32);
            NDArray vector = m.randomUniform(-1f, 1f, new Shape(cols, 1), DataType.FLOAT32);
            long read = rows * cols * 4;
            double matVec = 0;
            double sum = 0;
            for (int i = 0; i < Math.max(1, repeats); i++) {
                matVec = Math.max(matVec, read / seconds(() -> matrix.matMul(vector)));
                sum = Math.max(sum, read / seconds(matrix::sum));
            }
            return new ReadBandwidth(matVec, sum, 0, read);
        }
    }

    /** Runs {@code kernel}, forces its result to the host (one float) and returns the seconds it took. */
    private static double seconds(java.util.function.Supplier<NDArray> kernel) {
        long start = System.nanoTime();
        try (NDArray result = kernel.get()) {
            result.flatten().getFloat(0);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
