package dev.polis.runtime.checkpoint;

import java.util.Arrays;

/**
 * Where one tensor lies in a safetensors file: its type, shape and byte range within the data section.
 *
 * @param name  the tensor's name, for example {@code model.layers.0.mlp.up_proj.weight}
 * @param dtype its element type
 * @param shape its dimensions, outermost first
 * @param begin offset of its first byte, counted from the start of the data section
 * @param end   offset just past its last byte
 */
public record TensorInfo(String name, TensorDType dtype, long[] shape, long begin, long end) {

    /** Copies the shape. */
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Returns the number of elements. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Returns how many bytes the tensor's data spans. */
    public long byteLength() {
        return end - begin;
    }

    /** Returns the shape as text, for messages: {@code [576, 64]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
