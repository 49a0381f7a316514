package dev.polis.mhmoe.layer;

import java.util.Locale;

/**
 * The routing metrics of one MH-MoE layer over everything it has seen (spec §C.4): how often each expert was chosen
 * per token (its activation ratio), the share of experts whose ratio reaches a threshold, the distinct experts
 * among each token's sub-token assignments, and the assignments dropped for lack of capacity.
 */
public final class ExpertStats {

    private final int layer;
    private final long[] chosen;
    private long tokens;
    private long subTokens;
    private long distinct;
    private long dropped;
    private long assignments;

    /** Creates empty counts for {@code layer} with {@code experts} experts. */
    public ExpertStats(int layer, int experts) {
        this.layer = layer;
        this.chosen = new long[experts];
    }

    /** Adds one forward's routing; {@code heads} sub-tokens make one token. */
    public synchronized void add(Routing routing, int heads) {
        int k = routing.topK();
        int perToken = heads * k;
        int count = routing.subTokens() / heads;
        boolean[] seen = new boolean[chosen.length];
        for (int t = 0; t < count; t++) {
            java.util.Arrays.fill(seen, false);
            for (int a = t * perToken; a < (t + 1) * perToken; a++) {
                int e = routing.expert(a);
                chosen[e]++;
                if (!seen[e]) {
                    seen[e] = true;
                    distinct++;
                }
            }
        }
        tokens += count;
        subTokens += routing.subTokens();
        dropped += routing.dropped();
        assignments += (long) routing.subTokens() * k;
    }

    /** Returns the layer. */
    public int layer() {
        return layer;
    }

    /** Returns the tokens seen. */
    public synchronized long tokens() {
        return tokens;
    }

    /** Returns each expert's activation ratio: the times it was chosen divided by the tokens seen. */
    public synchronized double[] ratios() {
        double[] out = new double[chosen.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = tokens == 0 ? 0 : (double) chosen[e] / tokens;
        }
        return out;
    }

    /** Returns the share of experts whose activation ratio is at least {@code threshold}. */
    public synchronized double activeShare(double threshold) {
        int active = 0;
        for (double r : ratios()) {
            active += r >= threshold && r > 0 ? 1 : 0;
        }
        return (double) active / chosen.length;
    }

    /** Returns the mean number of distinct experts among one token's sub-token assignments. */
    public synchronized double distinctPerToken() {
        return tokens == 0 ? 0 : (double) distinct / tokens;
    }

    /** Returns the assignments dropped for lack of capacity. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Returns the sub-token assignments made (sub-tokens times k). */
    public synchronized long assignments() {
        return assignments;
    }

    /** Returns the sub-tokens routed. */
    public synchronized long subTokens() {
        return subTokens;
    }

    /** Returns one line for reports. */
    public synchronized String describe(double threshold) {
        return String.format(Locale.ROOT, "layer %d: %.1f%% of %d experts active (ratio >= %s), %.2f distinct "
                + "experts per token, %d of %d sub-token assignments dropped, %d tokens", layer,
                100 * activeShare(threshold), chosen.length, threshold, distinctPerToken(), dropped,
                assignments, tokens);
    }
}
