package dev.polis.runtime.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The linear maps of one loaded model, computed by {@link HostMatVec} when a single row goes through them on the CPU
 * (a decode step), by PyTorch otherwise (prompts, other devices, other types). The first single-row product of a
 * weight copies it to the Java heap once; the model's weights are read-only after loading, so the copy stays exact.
 * When the heap has no room for a copy, that weight keeps PyTorch's product.
 */
final class HostLinear {

    /** The PyTorch path for every product: what a model gets when the host path is off or unavailable. */
    static final HostLinear OFF = new HostLinear(null);

    private final HostMatVec host;
    private final Map<NDArray, float[]> copies = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Weights the heap had no room for: never asked again (each try would read the weight from native memory). */
    private final Set<NDArray> refused = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private HostLinear(HostMatVec host) {
        this.host = host;
    }

    /**
     * Returns the maps of a model: the host path on {@code threads} threads when {@code wanted} and this JVM has the
     * Vector API, else {@link #OFF}.
     */
    static HostLinear create(boolean wanted, int threads) {
        return wanted && HostMatVec.available() ? new HostLinear(new HostMatVec(threads)) : OFF;
    }

    /**
     * Returns the threads a model's host products use: PyTorch's intra-op thread count ({@code
     * ai.djl.pytorch.num_threads}), else the processors.
     */
    static int defaultThreads() {
        return Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
    }

    /** Returns whether single-row products run on the host path. */
    boolean enabled() {
        return host != null;
    }

    /** Describes the path, for reports: {@code "Java vector kernel, 16 lanes, 2 threads"} or {@code "PyTorch"}. */
    String describe() {
        return host == null ? "PyTorch" : "Java vector kernel, " + HostMatVec.lanes() + " lanes, " + host.threads()
                + " threads";
    }

    /** Returns {@code x W^T + b} for {@code W} of shape {@code [out, in]}; {@code bias} may be {@code null}. */
    NDArray apply(NDArray x, NDArray weight, NDArray bias) {
        if (host == null || !singleRow(x) || !eligible(weight) || x.getDataType() != DataType.FLOAT32) {
            return Ops.linear(x, weight, bias);
        }
        float[] w = copies.computeIfAbsent(weight, this::copyOrNull);
        if (w == null) {
            return Ops.linear(x, weight, bias);
        }
        Shape shape = weight.getShape();
        int rows = (int) shape.get(0);
        float[] y = host.multiply(w, rows, (int) shape.get(1), x.toFloatArray());
        long[] outShape = x.getShape().getShape().clone();
        outShape[outShape.length - 1] = rows;
        NDArray out = x.getManager().create(y, new Shape(outShape));
        return bias == null ? out : out.addi(bias);
    }

    /**
     * Returns the heap copy of {@code weight} (made now if needed), or {@code null} when the host path is off, the
     * weight is not a CPU float32 matrix, or the heap has no room for it.
     */
    float[] heap(NDArray weight) {
        if (host == null || !eligible(weight)) {
            return null;
        }
        return copies.computeIfAbsent(weight, this::copyOrNull);
    }

    /** Returns the host multiplier; only when {@link #enabled()}. */
    HostMatVec matVec() {
        return host;
    }

    private static boolean singleRow(NDArray x) {
        Shape shape = x.getShape();
        return shape.dimension() >= 1 && shape.size() == shape.get(shape.dimension() - 1);
    }

    private static boolean eligible(NDArray weight) {
        return weight.getShape().dimension() == 2 && weight.getDataType() == DataType.FLOAT32
                && ai.djl.Device.Type.CPU.equals(weight.getDevice().getDeviceType()) && weight.getShape().size() < Integer.MAX_VALUE;
    }

    /** Copies {@code weight} to the heap, or returns {@code null} (for good) when the heap lacks room. */
    private float[] copyOrNull(NDArray weight) {
        if (refused.contains(weight)) {
            return null;
        }
        float[] copy = copy(weight);
        if (copy == null) {
            refused.add(weight);
        }
        return copy;
    }

    private static float[] copy(NDArray weight) {
        long bytes = weight.getShape().size() * Float.BYTES;
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free / 2) {
            return null;
        }
        return weight.toFloatArray();
    }
}
