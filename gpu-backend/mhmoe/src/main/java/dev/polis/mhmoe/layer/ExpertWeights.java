package dev.polis.mhmoe.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * One expert: a SwiGLU on sub-tokens, {@code down(silu(gate(s)) · up(s))}, the runtime's feed-forward shape.
 *
 * @param gate {@code [F, D/h]}
 * @param up   {@code [F, D/h]}
 * @param down {@code [D/h, F]}
 */
public record ExpertWeights(NDArray gate, NDArray up, NDArray down) {

    /** Returns the expert's output for sub-tokens {@code s} ({@code [n, D/h]}). */
    public NDArray apply(NDArray s) {
        NDArray g = Linear.linear(s, gate).singletonOrThrow();
        NDArray u = Linear.linear(s, up).singletonOrThrow();
        return Linear.linear(g.mul(Activation.sigmoid(g)).mul(u), down).singletonOrThrow();
    }
}
