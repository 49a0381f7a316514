package dev.polis.layerskip.decode;

import java.util.Map;
import java.util.WeakHashMap;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.model.TransformerLm;

/**
 * Auto mode: picks E and d for a model from a short calibration on the first prompt it decodes. For each candidate
 * E a few tokens are decoded self-speculatively (greedy) to estimate the acceptance α(E); the model's layer costs are
 * measured once; the (E, d) with the highest §A.9 predicted speed-up wins. The choice is kept per model.
 */
public final class Calibration {

    /** Tokens decoded per candidate exit layer. */
    static final int TOKENS = 24;
    /** Drafts per round while calibrating. */
    static final int CALIBRATION_DRAFTS = 4;
    /** The largest d considered. */
    static final int MAX_DRAFTS = 8;
    /** At most this many exit layers are tried (spread evenly over [1, L-1]). */
    static final int MAX_CANDIDATES = 8;

    private static final Map<TransformerLm, Choice> CHOSEN = new WeakHashMap<>();

    private Calibration() {
    }

    /**
     * The outcome of a calibration.
     *
     * @param exitLayer        the chosen E
     * @param draftTokens      the chosen d
     * @param alpha            the acceptance estimated at E
     * @param predictedSpeedup the §A.9 speed-up predicted for (E, d)
     * @param seconds          how long the calibration took
     */
    public record Choice(int exitLayer, int draftTokens, double alpha, double predictedSpeedup, double seconds) {
    }

    /**
     * Returns the choice for {@code model}, calibrating on {@code prompt} the first time; {@code fixed} may pin E or d
     * (a non-zero field is kept and only the other is searched).
     */
    public static Choice choose(LayeredModel model, int[] prompt, LayerSkipSettings fixed) {
        synchronized (CHOSEN) {
            Choice known = CHOSEN.get(model.lm());
            if (known != null && matches(known, fixed)) {
                return known;
            }
            Choice choice = calibrate(model, prompt, fixed);
            CHOSEN.put(model.lm(), choice);
            return choice;
        }
    }

    private static boolean matches(Choice choice, LayerSkipSettings fixed) {
        return (fixed.exitLayer() == 0 || fixed.exitLayer() == choice.exitLayer())
                && (fixed.draftTokens() == 0 || fixed.draftTokens() == choice.draftTokens());
    }

    static Choice calibrate(LayeredModel model, int[] prompt, LayerSkipSettings fixed) {
        return calibrate(model, prompt, fixed, CostProbe.costs(model));
    }

    /** Calibrates with given layer costs. */
    static Choice calibrate(LayeredModel model, int[] prompt, LayerSkipSettings fixed, LayerCosts costs) {
        long start = System.nanoTime();
        int depth = model.depth();
        Choice best = null;
        for (int exit : candidates(depth, fixed.exitLayer())) {
            double alpha = alpha(model, prompt, exit);
            int from = fixed.draftTokens() == 0 ? 1 : fixed.draftTokens();
            int to = fixed.draftTokens() == 0 ? MAX_DRAFTS : fixed.draftTokens();
            for (int d = from; d <= to; d++) {
                double speedup = SpeedupModel.speedup(alpha, d, exit, costs);
                if (best == null || speedup > best.predictedSpeedup()) {
                    best = new Choice(exit, d, alpha, speedup, 0);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Choice(best.exitLayer(), best.draftTokens(), best.alpha(), best.predictedSpeedup(), seconds);
    }

    static int[] candidates(int depth, int fixedExit) {
        if (fixedExit != 0) {
            return new int[] {fixedExit};
        }
        int count = Math.min(MAX_CANDIDATES, depth - 1);
        int[] exits = new int[count];
        for (int i = 0; i < count; i++) {
            exits[i] = count == depth - 1 ? i + 1 : 1 + (int) Math.round(i * (depth - 2) / (double) (count - 1));
        }
        return exits;
    }

    private static double alpha(LayeredModel model, int[] prompt, int exit) {
        DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(TOKENS), null);
        DecodeResult result = SelfSpeculativeLoop.run(model, request, TokenListener.ignoring(), exit,
                CALIBRATION_DRAFTS, new GreedySpeculation(), null, (session, round) -> { });
        return result.metrics().getOrDefault("alpha", 0.0);
    }
}
