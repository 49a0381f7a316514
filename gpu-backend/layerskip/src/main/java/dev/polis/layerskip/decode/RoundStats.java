package dev.polis.layerskip.decode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the rounds of one generation and turns them into {@link dev.polis.api.inference.DecodeResult#metrics()}:
 * acceptance rate, tokens per round, time per token, and the §A.9 predicted speed-up next to the measured one.
 */
final class RoundStats {

    private long rounds;
    private long drafted;
    private long accepted;
    private long trials;
    private long emitted;
    private long singleDrafts;
    private long singleDraftNanos;
    private long verifyNanos;

    /** Records {@code round}; the prompt's prefill counts towards the time per token only, not as a round. */
    void add(Round round) {
        if (round.prompt()) {
            return;
        }
        rounds++;
        drafted += round.drafted();
        accepted += round.accepted();
        trials += round.accepted() + (round.accepted() < round.drafted() ? 1 : 0);
        emitted += round.emitted().length;
        singleDrafts += round.singleDrafts();
        singleDraftNanos += round.singleDraftNanos();
        verifyNanos += round.verifyNanos();
    }

    /** Returns the acceptance rate Σm / Σk (what the LayerSkip repository reports); 0 when nothing was drafted. */
    double acceptanceRate() {
        return drafted == 0 ? 0 : (double) accepted / drafted;
    }

    /** Returns the per-token acceptance probability α estimated from the rounds. */
    double alpha() {
        return SpeedupModel.alpha(accepted, trials);
    }

    /**
     * Returns the metrics of a generation of {@code tokens} tokens that took {@code nanos} (prompt included), with
     * exit layer E, d drafts and the model's costs.
     */
    Map<String, Double> metrics(int tokens, long nanos, int exitLayer, int drafts, LayerCosts costs) {
        Map<String, Double> m = new LinkedHashMap<>();
        double secondsPerToken = tokens == 0 ? 0 : nanos / 1e9 / tokens;
        m.put("generatedTokens", (double) tokens);
        m.put("exitLayer", (double) exitLayer);
        m.put("draftTokens", (double) drafts);
        m.put("rounds", (double) rounds);
        m.put("draftedTokens", (double) drafted);
        m.put("acceptedDrafts", (double) accepted);
        m.put("acceptanceRate", acceptanceRate());
        m.put("alpha", alpha());
        m.put("tokensPerRound", rounds == 0 ? 0 : (double) emitted / rounds);
        m.put("secondsPerToken", secondsPerToken);
        m.put("tokensPerSecond", secondsPerToken == 0 ? 0 : 1 / secondsPerToken);
        m.put("draftStepMillis", singleDrafts == 0 ? 0 : singleDraftNanos / 1e6 / singleDrafts);
        m.put("verifyMillis", rounds == 0 ? 0 : verifyNanos / 1e6 / rounds);
        if (costs != null) {
            m.put("fullTokenMillis", costs.fullToken() * 1e3);
            m.put("predictedSpeedup", SpeedupModel.speedup(alpha(), drafts, exitLayer, costs));
            m.put("measuredSpeedup", secondsPerToken == 0 ? 0 : costs.fullToken() / secondsPerToken);
        }
        return m;
    }
}
