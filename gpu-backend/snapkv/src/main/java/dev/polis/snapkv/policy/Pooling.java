package dev.polis.snapkv.policy;

/**
 * Pools a head's votes over neighbouring positions (stride 1, padding {@code kernel / 2}, odd kernel: the output is as
 * long as the input), so a kept token brings its neighbours along. Average pooling counts the zero padding at the
 * edges, as PyTorch's {@code avg_pool1d} does; max pooling ignores it.
 */
public enum Pooling {

    /** The largest vote within the kernel. */
    MAX,

    /** The mean over the kernel, zero padding included. */
    AVG;

    /** Returns {@code votes} pooled with an odd {@code kernel}; kernel 1 returns a copy. */
    public float[] pool(float[] votes, int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("the pooling kernel must be odd and positive, not " + kernel);
        }
        int half = kernel / 2;
        float[] out = new float[votes.length];
        for (int i = 0; i < votes.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(votes.length - 1, i + half);
            if (this == MAX) {
                float best = Float.NEGATIVE_INFINITY;
                for (int j = from; j <= to; j++) {
                    best = Math.max(best, votes[j]);
                }
                out[i] = best;
            } else {
                double sum = 0;
                for (int j = from; j <= to; j++) {
                    sum += votes[j];
                }
                out[i] = (float) (sum / kernel);
            }
        }
        return out;
    }
}
