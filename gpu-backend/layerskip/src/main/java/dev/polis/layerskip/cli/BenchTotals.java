package dev.polis.layerskip.cli;

import java.util.Map;
import dev.polis.layerskip.decode.SpeedupModel;

/**
 * Sums a side-by-side run: generated tokens and time of each decoder, identical outputs, and the self-speculative
 * rounds' figures, from which the §A.9 prediction is made with the measured full-model time per token.
 */
final class BenchTotals {

    int prompts;
    int identical;
    long greedyTokens;
    long greedyNanos;
    long specTokens;
    long specNanos;
    double drafted;
    double accepted;
    double rounds;
    double alphaWeighted;
    double draftMillisSum;
    double verifyMillisSum;
    double probedPredictedSum;
    int exitLayer;
    int draftTokens;

    void add(int[] greedy, long greedyTime, int[] spec, long specTime, Map<String, Double> metrics) {
        prompts++;
        if (java.util.Arrays.equals(greedy, spec)) {
            identical++;
        }
        greedyTokens += greedy.length;
        greedyNanos += greedyTime;
        specTokens += spec.length;
        specNanos += specTime;
        drafted += metrics.getOrDefault("draftedTokens", 0.0);
        accepted += metrics.getOrDefault("acceptedDrafts", 0.0);
        rounds += metrics.getOrDefault("rounds", 0.0);
        alphaWeighted += metrics.getOrDefault("alpha", 0.0) * metrics.getOrDefault("rounds", 0.0);
        draftMillisSum += metrics.getOrDefault("draftStepMillis", 0.0);
        verifyMillisSum += metrics.getOrDefault("verifyMillis", 0.0);
        probedPredictedSum += metrics.getOrDefault("predictedSpeedup", 0.0);
        exitLayer = metrics.getOrDefault("exitLayer", 0.0).intValue();
        draftTokens = metrics.getOrDefault("draftTokens", 0.0).intValue();
    }

    double greedyTokensPerSecond() {
        return greedyTokens / (greedyNanos / 1e9);
    }

    double specTokensPerSecond() {
        return specTokens / (specNanos / 1e9);
    }

    double speedup() {
        return specTokensPerSecond() / greedyTokensPerSecond();
    }

    double acceptanceRate() {
        return drafted == 0 ? 0 : accepted / drafted;
    }

    double tokensPerRound() {
        return rounds == 0 ? 0 : specTokens / rounds;
    }

    /** Returns α, the per-token acceptance of the i.i.d. model, averaged over rounds. */
    double alpha() {
        return rounds == 0 ? 0 : alphaWeighted / rounds;
    }

    /** Returns the §A.9 prediction from α, the measured draft step and verify times and the measured AR time. */
    double predictedSpeedup() {
        double alpha = alpha();
        double arMillis = greedyNanos / 1e6 / greedyTokens;
        double round = draftTokens * draftMillisSum / prompts + verifyMillisSum / prompts;
        return SpeedupModel.tokensPerRound(alpha, draftTokens) * arMillis / round;
    }

    double probedPredictedSpeedup() {
        return probedPredictedSum / prompts;
    }
}
