package dev.polis.layerskip.decode;

import dev.polis.runtime.decode.Argmax;

/**
 * Greedy verification: a draft is kept while it is the full model's argmax, and the full model's argmax follows,
 * so the output is token for token the full model's greedy output (ties go to the lowest id, as in
 * {@code decoder.greedy}).
 */
final class GreedySpeculation implements Speculation {

    private final Argmax argmax = new Argmax();

    @Override
    public int draft(float[] draftLogits) {
        return argmax.choose(draftLogits);
    }

    @Override
    public Verdict verify(int[] drafts, float[][] draftLogits, float[][] fullLogits) {
        int m = 0;
        while (m < drafts.length && argmax.choose(fullLogits[m]) == drafts[m]) {
            m++;
        }
        return new Verdict(m, argmax.choose(fullLogits[m]));
    }
}
