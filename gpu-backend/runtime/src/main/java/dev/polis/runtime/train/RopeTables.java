package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.checkpoint.ModelConfig;

/**
 * Rotary position tables for training windows that start at position 0: the same frequencies (and scaling), the
 * same half-rotation layout and the same {@code x·cos + (x·R)·sin} arithmetic as the inference runtime's rope, so
 * both forwards agree.
 */
final class RopeTables {

    private final NDArray cos;
    private final NDArray sin;
    private final NDArray rotateHalf;

    RopeTables(ModelConfig config, int positions, NDManager manager) {
        int d = config.headDim();
        double[] invFreq = new double[d / 2];
        for (int i = 0; i < invFreq.length; i++) {
            invFreq[i] = Math.pow(config.ropeTheta(), -2.0 * i / d);
        }
        if (config.ropeScaling() != null) {
            invFreq = config.ropeScaling().apply(invFreq);
        }
        float[] c = new float[positions * d];
        float[] s = new float[positions * d];
        for (int p = 0; p < positions; p++) {
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
        this.cos = manager.create(c, new Shape(positions, d));
        this.sin = manager.create(s, new Shape(positions, d));
        this.rotateHalf = manager.create(r, new Shape(d, d));
    }

    /** Rotates {@code x} ({@code [batch, heads, tokens, headDim]}) for positions {@code 0 .. tokens-1}. */
    NDArray apply(NDArray x, NDManager step) {
        long tokens = x.getShape().get(2);
        NDIndex rows = new NDIndex("0:{}", tokens);
        return x.mul(cos.get(step, rows)).add(x.matMul(rotateHalf).mul(sin.get(step, rows)));
    }
}
