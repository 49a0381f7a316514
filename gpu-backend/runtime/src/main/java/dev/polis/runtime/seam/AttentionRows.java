package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * The attention probabilities of the last query rows of one layer's run, as an {@link AttentionProbeSeam} request
 * makes the runtime keep them: {@code softmax(q·Kᵀ/√d)} with the causal mask, over the keys the layer's cache held
 * (LazyLLM scores tokens by the last row; SnapKV's observation window votes with the last {@code w}).
 *
 * <p>The array belongs to the step in progress: read it or copy it, never close it.
 *
 * @param layer          the layer
 * @param probabilities  {@code [batch, heads, rows, slots]}; query head {@code h} attends through key/value head
 *                       {@code h / (heads / kvHeads)}; rows are the run's last queries in order
 * @param queryPositions the absolute positions of those rows' tokens
 * @param keyPositions   per key/value head, the absolute position of the key in each slot, {@code [kvHeads][slots]}
 */
public record AttentionRows(int layer, NDArray probabilities, int[] queryPositions, int[][] keyPositions) {
}
