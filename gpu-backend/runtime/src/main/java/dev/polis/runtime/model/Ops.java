package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/** The few fused operations the layers are built from: a linear map and RMSNorm. */
final class Ops {

    private Ops() {
    }

    /** Returns {@code x W^T + b} for {@code W} of shape {@code [out, in]}; {@code bias} may be {@code null}. */
    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    /** Returns RMSNorm of {@code x} over its last axis: {@code x / sqrt(mean(x^2) + eps) * weight}. */
    static NDArray rmsNorm(NDArray x, NDArray weight, float eps) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.div(meanSquare.add(eps).sqrt()).mul(weight);
    }
}
