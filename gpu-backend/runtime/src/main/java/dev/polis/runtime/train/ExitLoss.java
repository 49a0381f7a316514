package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The loss of one training step under a recipe's decisions: the layers run with per-sample skipping, and
 * {@code Σ w[l] · CE(head(norm(h_l)), targets)} over the layers whose weight is above zero, plus, in a training
 * pass, the auxiliary losses the feed-forward blocks added ({@link TrainingPass#addLoss}).
 *
 * @param total     the scalar loss to differentiate
 * @param perLayer  each layer's cross-entropy (NaN where its weight is 0 and it was not computed)
 * @param auxiliary the auxiliary losses by name (empty when no block added one)
 */
record ExitLoss(NDArray total, double[] perLayer, java.util.Map<String, Double> auxiliary) {

    /**
     * Computes the loss of {@code inputs} against {@code targets} ({@code [B][T]} each).
     *
     * @param keep    {@code [layers][B]}: whether sample b runs layer l; {@code null} runs every layer on every sample
     * @param weights {@code [layers]} early-exit weights, already validated
     * @param pass    where blocks put auxiliary losses; they are added to the total when it is a training pass
     */
    static ExitLoss compute(TrainingForward forward, NDManager m, int[][] inputs, int[][] targets, boolean[][] keep,
                            double[] weights, AuxiliaryLosses pass) {
        int layers = weights.length;
        int last = lastWeighted(weights);
        double[] perLayer = new double[layers];
        java.util.Arrays.fill(perLayer, Double.NaN);
        NDArray total = null;
        NDArray h = forward.embed(m, inputs);
        for (int l = 0; l <= last; l++) {
            h = forward.layer(m, l, h, keep == null ? null : keep[l], pass);
            if (weights[l] > 0) {
                NDArray ce = forward.crossEntropy(m, h, targets);
                perLayer[l] = ce.getFloat();
                NDArray term = ce.mul(GraphScalar.of(ce, (float) weights[l]));
                total = total == null ? term : total.add(term);
            }
        }
        if (pass.training() && pass.total() != null) {
            total = total.add(pass.total());
        }
        return new ExitLoss(total, perLayer, pass.values());
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
