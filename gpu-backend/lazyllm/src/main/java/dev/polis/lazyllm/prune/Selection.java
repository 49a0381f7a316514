package dev.polis.lazyllm.prune;

import java.util.SplittableRandom;
import dev.polis.api.Choices;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.seam.AttentionRows;

/**
 * How a pruning layer chooses the tokens that stop there: LazyLLM's own choice, or the paper's random-drop baseline
 * that tells how much of a schedule's quality is owed to that choice rather than to the share it keeps.
 */
public enum Selection {

    /** LazyLLM: the tokens to which the last token's attention, averaged over the query heads, is lowest. */
    ATTENTION,

    /**
     * The random-drop baseline: the same number of tokens, drawn uniformly from those the layer holds (the last token
     * excepted), repeatably for a given layer and prompt length.
     */
    RANDOM;

    /** The selection's name in settings and on the command line. */
    public String label() {
        return Choices.label(this);
    }

    /**
     * Returns a score for each of {@code positions} at {@code layer}: the tokens with the lowest scores stop.
     *
     * @param rows the layer's last query rows (read only by {@link #ATTENTION})
     */
    double[] scores(AttentionRows rows, int[] positions, int layer) {
        if (this == ATTENTION) {
            return LastTokenScores.of(rows, positions);
        }
        SplittableRandom random = new SplittableRandom(0x5DEECE66DL * (layer + 1) + positions.length);
        double[] scores = new double[positions.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextDouble();
        }
        return scores;
    }

    /**
     * Reads a selection by its label.
     *
     * @throws InvalidInputException naming {@code setting} and the labels when {@code label} is none of them
     */
    public static Selection parse(String label, String setting) {
        return Choices.of(setting, label, Selection.class);
    }
}
