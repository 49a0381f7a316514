package dev.polis.layerskip.decode;

/**
 * The expected speed-up of self-speculative decoding over full-model decoding (spec §A.9): with per-token acceptance
 * probability α (i.i.d.), a round emits {@code (1 - α^(d+1)) / (1 - α)} tokens and costs d draft passes
 * ({@code c_E(1)} and the head), one pass of layers 0..E-1 for the last draft, and one verification pass
 * {@code c_{L-E}(d+1)} with the head on d+1 rows, against {@code c_L(1)} per token for the full model; every pass
 * also pays the measured per-pass cost.
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

    /** Returns the cost of one round with exit layer E and d drafts. */
    public static double roundCost(int drafts, int exitLayer, LayerCosts costs) {
        double draft = costs.perPass() + costs.layers(exitLayer, 1) + costs.head(1);
        double tail = costs.perPass() + costs.layers(exitLayer, 1);
        double verify = costs.perPass() + costs.layers(costs.depth() - exitLayer, drafts + 1)
                + costs.head(drafts + 1);
        return drafts * draft + tail + verify;
    }

    /**
     * Returns the predicted speed-up for acceptance α, d drafts and layer costs {@code costs}, exit layer E.
     */
    public static double speedup(double alpha, int drafts, int exitLayer, LayerCosts costs) {
        return speedupAt(tokensPerRound(alpha, drafts), drafts, exitLayer, costs);
    }

    /** Returns the predicted speed-up when rounds emit {@code tokensPerRound} tokens on average. */
    public static double speedupAt(double tokensPerRound, int drafts, int exitLayer, LayerCosts costs) {
        return tokensPerRound * costs.fullToken() / roundCost(drafts, exitLayer, costs);
    }

    /**
     * Estimates α from rounds: each round is a run of m successes ended by one failure unless all k drafts were
     * kept, so α = Σm / Σ(m + [m &lt; k]) (1 when no draft was ever rejected).
     */
    public static double alpha(long accepted, long trials) {
        return trials == 0 ? 1.0 : (double) accepted / trials;
    }
}
