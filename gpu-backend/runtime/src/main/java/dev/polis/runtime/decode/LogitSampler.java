package dev.polis.runtime.decode;

import java.util.SplittableRandom;

/**
 * Samples the next token from softmax(logits / temperature), restricted to the top-k tokens and then to the
 * smallest set of most likely tokens whose probability reaches top-p.
 *
 * <p>Candidates are ordered by logit, ties by id, and the random numbers come from one seeded generator, so the same
 * seed gives the same tokens. Temperature 0 means greedy. Not thread-safe: one per generation.
 */
public final class LogitSampler implements TokenChooser {

    private final double temperature;
    private final int topK;
    private final double topP;
    private final SplittableRandom random;

    /**
     * Creates a sampler.
     *
     * @param temperature at least 0; 0 picks the most likely token
     * @param topK        how many of the most likely tokens to keep; 0 or less keeps all
     * @param topP        probability mass to keep, in (0, 1]
     * @param seed        seed of the random numbers
     */
    public LogitSampler(double temperature, int topK, double topP, long seed) {
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0 but was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1] but was " + topP);
        }
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int choose(float[] logits) {
        if (temperature == 0) {
            return new Argmax().choose(logits);
        }
        int[] order = candidates(logits);
        int kept = topK > 0 ? Math.min(topK, order.length) : order.length;
        double max = logits[order[0]];
        double[] weights = new double[kept];
        double total = 0;
        for (int i = 0; i < kept; i++) {
            weights[i] = Math.exp((logits[order[i]] - max) / temperature);
            total += weights[i];
        }
        if (topP < 1) {
            double mass = 0;
            int nucleus = 0;
            while (nucleus < kept && mass < topP * total) {
                mass += weights[nucleus++];
            }
            kept = Math.max(1, nucleus);
            total = mass > 0 ? mass : weights[0];
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < kept; i++) {
            cumulative += weights[i];
            if (target < cumulative) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    private int[] candidates(float[] logits) {
        if (topK > 0) {
            return CandidateOrder.top(logits, topK);
        }
        if (topP < 1) {
            return CandidateOrder.all(logits);
        }
        int[] order = new int[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int best = new Argmax().choose(logits);
        order[0] = best;
        order[best] = 0;
        return order;
    }
}
