package dev.polis.lazyllm.prune;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import dev.polis.runtime.seam.AttentionRows;

/**
 * LazyLLM's importance of each token at a layer: the attention probability the last query row gives its key,
 * averaged over the query heads ({@code s_i = (1/H) Σ_h A[h, last, i]}). Each query head reads its key/value head's
 * slots, so caches whose heads keep different positions (SnapKV) are scored right; a head that lacks a token adds
 * nothing for it.
 */
final class LastTokenScores {

    private LastTokenScores() {
    }

    /** Returns the score of each of {@code positions} (0 for a position no slot holds). */
    static double[] of(AttentionRows rows, int[] positions) {
        Map<Integer, Integer> index = new HashMap<>(positions.length * 2);
        for (int i = 0; i < positions.length; i++) {
            index.put(positions[i], i);
        }
        long[] shape = rows.probabilities().getShape().getShape();
        int heads = (int) shape[1];
        int queryRows = (int) shape[2];
        int slots = (int) shape[3];
        int[][] keys = rows.keyPositions();
        int group = heads / keys.length;
        float[] p = rows.probabilities().toFloatArray();
        double[] scores = new double[positions.length];
        for (int h = 0; h < heads; h++) {
            int[] slotPositions = keys[h / group];
            int base = (h * queryRows + queryRows - 1) * slots;
            for (int s = 0; s < slots; s++) {
                Integer i = index.get(slotPositions[s]);
                if (i != null) {
                    scores[i] += p[base + s];
                }
            }
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= heads;
        }
        return scores;
    }

    /**
     * Returns which of {@code positions} to drop: the {@code count} lowest {@code scores} (ties: the earlier
     * position first), never {@code keep}.
     */
    static boolean[] lowest(double[] scores, int[] positions, int count, int keep) {
        Integer[] order = new Integer[positions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[a], scores[b])
                : Integer.compare(positions[a], positions[b]));
        boolean[] drop = new boolean[positions.length];
        int dropped = 0;
        for (int i = 0; i < order.length && dropped < count; i++) {
            if (positions[order[i]] != keep) {
                drop[order[i]] = true;
                dropped++;
            }
        }
        return drop;
    }
}
