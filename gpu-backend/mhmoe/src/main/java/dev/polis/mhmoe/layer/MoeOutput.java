package dev.polis.mhmoe.layer;

import ai.djl.ndarray.NDArray;

/**
 * What one forward of an MH-MoE block gives: the residual update, the load-balancing loss of its sub-tokens
 * (spec §C.1 {@code l_aux = E · Σ_e f_e · P̄_e}, a scalar that carries gradient through {@code P̄}), and the routing.
 *
 * @param output  the block's output, the shape of its input
 * @param balance the balance loss, unweighted
 * @param routing which experts the sub-tokens went to, and which were dropped
 */
public record MoeOutput(NDArray output, NDArray balance, Routing routing) {
}
