package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import dev.polis.runtime.seam.FeedForward;

/** The Llama-family feed-forward block: {@code down(silu(gate(x)) * up(x))}, gate and up fused into one product. */
final class SwiGlu implements FeedForward {

    private final NDArray gateUp;
    private final NDArray down;
    private final HostLinear linear;

    SwiGlu(NDArray gateUp, NDArray down, HostLinear linear) {
        this.gateUp = gateUp;
        this.down = down;
        this.linear = linear;
    }

    /** Returns the fused gate and up weights, {@code [2 intermediate, hidden]}. */
    NDArray gateUp() {
        return gateUp;
    }

    /** Returns the down projection, {@code [hidden, intermediate]}. */
    NDArray down() {
        return down;
    }

    @Override
    public NDArray apply(NDArray x) {
        NDList parts = linear.apply(x, gateUp, null).split(2, 2);
        NDArray gate = parts.get(0);
        return linear.apply(gate.mul(Activation.sigmoid(gate)).mul(parts.get(1)), down, null);
    }
}
