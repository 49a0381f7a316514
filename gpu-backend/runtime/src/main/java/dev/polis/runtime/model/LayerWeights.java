package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;

/**
 * The weights of one decoder layer, laid out for coarse operations: q, k and v fused into one projection, gate and
 * up fused into another. Linear weights are {@code [out, in]} as in the checkpoint.
 *
 * @param inputNorm  RMSNorm weight before attention, {@code [hidden]}
 * @param qkv        fused query/key/value projection, {@code [(heads + 2 kvHeads) headDim, hidden]}
 * @param qkvBias    fused biases, or {@code null}
 * @param output     attention output projection, {@code [hidden, heads headDim]}
 * @param outputBias its bias, or {@code null}
 * @param postNorm   RMSNorm weight before the feed-forward block
 * @param gateUp     fused gate and up projections, {@code [2 intermediate, hidden]}, or {@code null} when the
 *                   checkpoint has no dense feed-forward block in this layer (an accelerator supplies it)
 * @param down       down projection, {@code [hidden, intermediate]}, or {@code null} likewise
 */
public record LayerWeights(NDArray inputNorm, NDArray qkv, NDArray qkvBias, NDArray output, NDArray outputBias,
                           NDArray postNorm, NDArray gateUp, NDArray down) {
}
