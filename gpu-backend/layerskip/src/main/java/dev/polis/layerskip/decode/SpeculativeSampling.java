package dev.polis.layerskip.decode;

import java.util.SplittableRandom;

/**
 * Speculative sampling: drafts are sampled from the early exit's distribution q; draft i is kept with probability
 * {@code min(1, p_i(d_i) / q_i(d_i))}, otherwise replaced by a sample of {@code normalise(max(0, p_i - q_i))} and
 * the round ends; when all are kept, the bonus is sampled from the full model's p_k. The emitted tokens follow the
 * full model's (warped) distribution exactly. Seeded: the same seed gives the same tokens.
 */
final class SpeculativeSampling implements Speculation {

    private final Warp warp;
    private final SplittableRandom random;

    SpeculativeSampling(Warp warp, long seed) {
        this.warp = warp;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int draft(float[] draftLogits) {
        return sample(warp.probabilities(draftLogits), random);
    }

    @Override
    public Verdict verify(int[] drafts, float[][] draftLogits, float[][] fullLogits) {
        for (int i = 0; i < drafts.length; i++) {
            double[] p = warp.probabilities(fullLogits[i]);
            double[] q = warp.probabilities(draftLogits[i]);
            Integer corrected = acceptOrResample(drafts[i], p, q, random);
            if (corrected != null) {
                return new Verdict(i, corrected);
            }
        }
        return new Verdict(drafts.length, sample(warp.probabilities(fullLogits[drafts.length]), random));
    }

    /**
     * Decides one draft: returns {@code null} when {@code draft} (sampled from q) is kept, else the replacement
     * sampled from the residual {@code normalise(max(0, p - q))}.
     */
    static Integer acceptOrResample(int draft, double[] p, double[] q, SplittableRandom random) {
        double ratio = q[draft] > 0 ? p[draft] / q[draft] : 0;
        if (random.nextDouble() < Math.min(1, ratio)) {
            return null;
        }
        double[] residual = new double[p.length];
        double total = 0;
        for (int t = 0; t < p.length; t++) {
            residual[t] = Math.max(0, p[t] - q[t]);
            total += residual[t];
        }
        if (total <= 0) {
            return sample(p, random);
        }
        for (int t = 0; t < p.length; t++) {
            residual[t] /= total;
        }
        return sample(residual, random);
    }

    /** Samples an index of {@code probabilities} (which sum to 1). */
    static int sample(double[] probabilities, SplittableRandom random) {
        double target = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int t = 0; t < probabilities.length; t++) {
            if (probabilities[t] > 0) {
                cumulative += probabilities[t];
                last = t;
                if (target < cumulative) {
                    return t;
                }
            }
        }
        return last;
    }
}
