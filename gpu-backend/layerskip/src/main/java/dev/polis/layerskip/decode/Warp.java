package dev.polis.layerskip.decode;

import java.util.Arrays;
import dev.polis.api.chat.GenerationSettings;

/**
 * Turns logits into the sampling distribution a request asks for: softmax at a temperature, restricted to the top-k
 * tokens and then to the smallest most-likely set reaching top-p (ties ordered by id). The draft and the full model
 * go through the same warp, so speculative sampling preserves the warped full-model distribution.
 *
 * @param temperature above 0
 * @param topK        kept tokens; 0 keeps all
 * @param topP        kept mass in (0, 1]
 */
record Warp(double temperature, int topK, double topP) {

    /** Returns the warp of {@code settings}; temperature defaults to 1. */
    static Warp of(GenerationSettings settings) {
        return new Warp(settings.temperature() == null ? 1.0 : settings.temperature(),
                settings.topK() == null ? 0 : settings.topK(), settings.topP() == null ? 1.0 : settings.topP());
    }

    /** Returns the probabilities, one per token; tokens outside top-k / top-p get 0. */
    double[] probabilities(float[] logits) {
        int vocab = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[vocab];
        double total = 0;
        for (int i = 0; i < vocab; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            total += p[i];
        }
        for (int i = 0; i < vocab; i++) {
            p[i] /= total;
        }
        if ((topK > 0 && topK < vocab) || topP < 1) {
            restrict(p, logits);
        }
        return p;
    }

    private void restrict(double[] p, float[] logits) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : a - b);
        int kept = topK > 0 ? Math.min(topK, p.length) : p.length;
        double keptMass = 0;
        for (int i = 0; i < kept; i++) {
            keptMass += p[order[i]];
        }
        if (topP < 1) {
            double mass = 0;
            int nucleus = 0;
            while (nucleus < kept && mass < topP * keptMass) {
                mass += p[order[nucleus++]];
            }
            kept = Math.max(1, nucleus);
        }
        double total = 0;
        for (int i = 0; i < kept; i++) {
            total += p[order[i]];
        }
        double[] restricted = new double[p.length];
        for (int i = 0; i < kept; i++) {
            restricted[order[i]] = p[order[i]] / total;
        }
        System.arraycopy(restricted, 0, p, 0, p.length);
    }
}
