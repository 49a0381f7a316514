package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The loss of one training step under a recipe's decisions: the layers run with per-sample skipping, and
 * {@code Σ w[l] · CE(head(norm(h_l)), targets)} over the layers whose weight is above zero.
 *
 * @param total     the scalar loss to differentiate
 * @param perLayer  each layer's cross-entropy (NaN where its weight is 0 and it was not computed)
 */
record ExitLoss(NDArray total, double[] perLayer) {

    /**
     * Computes the loss of {@code inputs} against {@code targets} ({@code [B][T]} each).
     *
     * @param keep    {@code [layers][B]}: whether sample b runs layer l; {@code null} runs every layer on every sample
     * @param weights {@code [layers]} early-exit weights, already validated
     */
    static ExitLoss compute(TrainingForward forward, NDManager m, int[][] inputs, int[][] targets, boolean[][] keep,
                            double[] weights) {
        int layers = weights.length;
        int last = lastWeighted(weights);
        double[] perLayer = new double[layers];
        java.util.Arrays.fill(perLayer, Double.NaN);
        NDArray total = null;
        NDArray h = forward.embed(m, inputs);
        for (int l = 0; l <= last; l++) {
            h = forward.layer(m, l, h, keep == null ? null : keep[l]);
            if (weights[l] > 0) {
                NDArray ce = forward.crossEntropy(m, h, targets);
                perLayer[l] = ce.getFloat();
                NDArray term = ce.mul(GraphScalar.of(ce, (float) weights[l]));
                total = total == null ? term : total.add(term);
            }
        }
        return new ExitLoss(total, perLayer);
    }

    private static int lastWeighted(double[] weights) {
        for (int l = weights.length - 1; l >= 0; l--) {
            if (weights[l] > 0) {
                return l;
            }
        }
        throw new IllegalArgumentException("no layer has a loss weight above zero");
    }
}
