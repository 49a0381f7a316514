package dev.polis.runtime.train;

/**
 * One batch of token windows: {@code inputs[b]} and {@code targets[b]} (the inputs shifted by one), plus the
 * windows' start offsets in the corpus.
 *
 * @param starts  where each window starts in the token stream
 * @param inputs  {@code [batch][seqLen]} token ids
 * @param targets {@code [batch][seqLen]} next-token ids
 */
record Batch(int[] starts, int[][] inputs, int[][] targets) {

    /** Cuts windows of {@code seqLen + 1} tokens at {@code starts} out of {@code tokens}. */
    static Batch of(char[] tokens, int[] starts, int seqLen) {
        int[][] inputs = new int[starts.length][seqLen];
        int[][] targets = new int[starts.length][seqLen];
        for (int b = 0; b < starts.length; b++) {
            for (int t = 0; t < seqLen; t++) {
                inputs[b][t] = tokens[starts[b] + t];
                targets[b][t] = tokens[starts[b] + t + 1];
            }
        }
        return new Batch(starts.clone(), inputs, targets);
    }

    /** Returns the number of target tokens. */
    long tokenCount() {
        return (long) inputs.length * inputs[0].length;
    }
}
