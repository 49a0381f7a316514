package dev.polis.layerskip.decode;

/**
 * What one self-speculative round did.
 *
 * @param emitted       the accepted drafts followed by the full model's token; never empty
 * @param drafted       k, the number of tokens drafted
 * @param accepted      m, how many of them were kept
 * @param exitRows      rows of the exit-layer hidden states handed to the verifier before the last draft was added
 *                      ({@code len(pending) + k - 1}; 0 when nothing was drafted)
 * @param draftNanos    time spent drafting (layers {@code 0..E-1} and the head, one token per step after round 1)
 * @param verifyNanos   time spent verifying (the last draft through {@code 0..E-1}, all rows through {@code E..L-1},
 *                      the head over k+1 rows)
 * @param singleDrafts  how many draft steps ran on exactly one token (their time is in {@code singleDraftNanos})
 * @param singleDraftNanos time of the single-token draft steps
 * @param prompt        whether this was the prompt's prefill (through the installed prefill strategy, all layers),
 *                      which emits the full model's first token and is not a speculative round
 */
record Round(int[] emitted, int drafted, int accepted, int exitRows, long draftNanos, long verifyNanos,
             int singleDrafts, long singleDraftNanos, boolean prompt) {

    /** The prefill of a prompt that took {@code nanos} and gave {@code token}. */
    static Round prefill(int token, long nanos) {
        return new Round(new int[] {token}, 0, 0, 0, 0, nanos, 0, 0, true);
    }
}
