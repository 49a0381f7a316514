package dev.polis.layerskip.decode;

/**
 * The expected speed-up of self-speculative decoding over full-model decoding (spec §A.9): with per-token acceptance
 * probability α (i.i.d.), a round emits {@code (1 - α^(d+1)) / (1 - α)} tokens and costs
 * {@code d·c_E(1) + c_E(1) + c_{L-E}(d+1)}, against {@code c_L(1)} per token for the full model.
 */
public final class SpeedupModel {

    private SpeedupModel() {
    }

    /** Returns the expected tokens emitted per round for acceptance α and d drafts. */
    public static double tokensPerRound(double alpha, int drafts) {
        if (alpha >= 1) {
            return drafts + 1;
        }
        return (1 - Math.pow(alpha, drafts + 1)) / (1 - alpha);
    }

    /**
     * Returns the predicted speed-up for acceptance α, d drafts and layer costs {@code costs}, exit layer E.
     */
    public static double speedup(double alpha, int drafts, int exitLayer, LayerCosts costs) {
        double draft = costs.layers(exitLayer, 1) + costs.head(1);
        double verify = costs.layers(exitLayer, 1) + costs.layers(costs.depth() - exitLayer, drafts + 1)
                + costs.head(drafts + 1);
        return tokensPerRound(alpha, drafts) * costs.fullToken() / (drafts * draft + verify);
    }

    /**
     * Estimates α from rounds: each round is a run of m successes ended by one failure unless all k drafts were
     * kept, so α = Σm / Σ(m + [m &lt; k]) (1 when no draft was ever rejected).
     */
    public static double alpha(long accepted, long trials) {
        return trials == 0 ? 1.0 : (double) accepted / trials;
    }
}
