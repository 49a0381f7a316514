package dev.polis.layerskip.decode;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import dev.polis.runtime.model.TransformerLm;

/**
 * Auto mode: picks E and d for a model from a short calibration on the user's prompts. The full model continues each
 * prompt greedily for {@value #TOKENS} tokens; one teacher-forced pass then reads every layer's early exit on that
 * text ({@link ExitAgreement}), which fixes the acceptance of every (E, d); the rounds are replayed and costed with the
 * model's measured {@link LayerCosts}, and the (E, d) with the highest predicted speed-up wins. The choice is kept per
 * model.
 */
public final class Calibration {

    /** Tokens generated per calibration prompt. */
    static final int TOKENS = 48;
    /** The largest d considered. */
    static final int MAX_DRAFTS = 12;
    /** At most this many prompts are used. */
    public static final int MAX_PROMPTS = 8;

    private static final Map<TransformerLm, Choice> CHOSEN = new WeakHashMap<>();

    private Calibration() {
    }

    /**
     * The outcome of a calibration.
     *
     * @param exitLayer        the chosen E
     * @param draftTokens      the chosen d
     * @param alpha            the per-token agreement of exit E with the full model on the calibration text
     * @param predictedSpeedup the speed-up predicted for (E, d): replayed rounds, measured costs
     * @param seconds          how long the calibration took
     * @param positions        the generated positions it compared
     * @param alphaByExit      the agreement of every exit, E = 1..L-1 in order
     */
    public record Choice(int exitLayer, int draftTokens, double alpha, double predictedSpeedup, double seconds,
                         int positions, List<Double> alphaByExit) {

        /** Keeps an immutable copy. */
        public Choice {
            alphaByExit = List.copyOf(alphaByExit);
        }
    }

    /**
     * Returns the choice for {@code model}, calibrating on {@code prompts} (at most {@value #MAX_PROMPTS} are used)
     * the first time; {@code fixed} may pin E or d (a non-zero field is kept and only the other is searched).
     */
    public static Choice choose(LayeredModel model, List<int[]> prompts, LayerSkipSettings fixed) {
        synchronized (CHOSEN) {
            Choice known = CHOSEN.get(model.lm());
            if (known != null && matches(known, fixed)) {
                return known;
            }
            Choice choice = calibrate(model, prompts, fixed);
            CHOSEN.put(model.lm(), choice);
            return choice;
        }
    }

    private static boolean matches(Choice choice, LayerSkipSettings fixed) {
        return (fixed.exitLayer() == 0 || fixed.exitLayer() == choice.exitLayer())
                && (fixed.draftTokens() == 0 || fixed.draftTokens() == choice.draftTokens());
    }

    static Choice calibrate(LayeredModel model, List<int[]> prompts, LayerSkipSettings fixed) {
        return calibrate(model, prompts, fixed, CostProbe.costs(model));
    }

    /** Calibrates with given layer costs. */
    static Choice calibrate(LayeredModel model, List<int[]> prompts, LayerSkipSettings fixed, LayerCosts costs) {
        long start = System.nanoTime();
        List<int[]> used = prompts.subList(0, Math.min(MAX_PROMPTS, prompts.size()));
        ExitAgreement agreement = ExitAgreement.measure(model, used, TOKENS);
        Choice best = best(agreement, fixed, costs);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Choice(best.exitLayer(), best.draftTokens(), best.alpha(), best.predictedSpeedup(), seconds,
                agreement.positions(), agreement.exits().stream().map(agreement::alpha).toList());
    }

    /** Returns the (E, d) with the highest predicted speed-up over the measured agreements. */
    static Choice best(ExitAgreement agreement, LayerSkipSettings fixed, LayerCosts costs) {
        Choice best = null;
        for (int exit : agreement.exits()) {
            if (fixed.exitLayer() != 0 && exit != fixed.exitLayer()) {
                continue;
            }
            int from = fixed.draftTokens() == 0 ? 1 : fixed.draftTokens();
            int to = fixed.draftTokens() == 0 ? MAX_DRAFTS : fixed.draftTokens();
            for (int d = from; d <= to; d++) {
                ExitAgreement.Rounds rounds = agreement.simulate(exit, d);
                double speedup = SpeedupModel.speedupAt(rounds.tokensPerRound(), d, exit, costs);
                if (best == null || speedup > best.predictedSpeedup()) {
                    best = new Choice(exit, d, agreement.alpha(exit), speedup, 0, 0, List.of());
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("exit layer " + fixed.exitLayer() + " is not in [1, "
                    + (agreement.depth() - 1) + "]");
        }
        return best;
    }
}
