package dev.polis.layerskip.decode;

/**
 * How drafts are chosen and checked: greedy (the output equals the full model's greedy output) or speculative
 * sampling (the output follows the full model's sampling distribution). One instance per generation.
 */
interface Speculation {

    /** Chooses the next draft token from the early-exit logits. */
    int draft(float[] draftLogits);

    /**
     * Checks {@code drafts} against the full model.
     *
     * @param drafts      the k drafted tokens
     * @param draftLogits the early-exit logits each draft was chosen from, {@code [k][vocab]}
     * @param fullLogits  the full model's logits after the pending token and each draft, {@code [k+1][vocab]}:
     *                    row i is the full model's prediction for the position of draft i, row k the bonus
     * @return how many leading drafts are accepted, and the full model's token that follows them
     */
    Verdict verify(int[] drafts, float[][] draftLogits, float[][] fullLogits);

    /**
     * The outcome of one verification.
     *
     * @param accepted the number m of leading drafts kept, {@code 0..k}
     * @param next     the token the full model emits after them (a correction, or the bonus when m = k)
     */
    record Verdict(int accepted, int next) {
    }
}
