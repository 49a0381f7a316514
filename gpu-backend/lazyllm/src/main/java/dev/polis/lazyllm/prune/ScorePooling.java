package dev.polis.lazyllm.prune;

/**
 * Max-pooling of pruning scores over neighbouring positions: a token stops only when no token within {@code width / 2}
 * positions of it scores high enough to stay. LazyLLM scores each token on its own; a head that copies attends to the
 * token before the one it will copy (in the retrieval benches, a fact's key rather than its value's first character),
 * so on its own that score can stop the very token the next step needs. SnapKV pools its votes over neighbouring
 * positions likewise (spec §D.1). Width 1 is LazyLLM's own; wider is a departure from the paper.
 */
final class ScorePooling {

    private ScorePooling() {
    }

    /**
     * Returns, for each of {@code positions}, the highest of {@code scores} among the positions the layer holds within
     * {@code width / 2} of it (itself included); neighbours that stopped earlier are absent and count for nothing.
     *
     * @param scores    one score per position, in the order of {@code positions}
     * @param positions original prompt positions, ascending (the order prefill and decode hold them in)
     * @param width     an odd window width; 1 returns {@code scores} itself
     * @param self      the position of the scoring query itself, which never stops and lends its score to no
     *                  neighbour (its attention to itself says nothing about the tokens beside it)
     */
    static double[] maxPool(double[] scores, int[] positions, int width, int self) {
        if (width == 1) {
            return scores;
        }
        int radius = width / 2;
        double[] pooled = scores.clone();
        for (int i = 0; i < positions.length; i++) {
            for (int j = i - radius; j <= i + radius; j++) {
                boolean neighbour = j >= 0 && j < positions.length && j != i
                        && Math.abs(positions[j] - positions[i]) <= radius && positions[j] != self;
                if (neighbour && scores[j] > pooled[i]) {
                    pooled[i] = scores[j];
                }
            }
        }
        return pooled;
    }
}
