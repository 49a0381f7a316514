package dev.polis.govsim.report;

import java.util.Arrays;

/**
 * Estimates the survival curve of a group of runs: runs that reach the horizon are censored there, the others
 * collapse at their survival month.
 */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    /**
     * Returns S(t) for t = 0..horizon: the product over collapse months u ≤ t of (1 − collapses at u / at risk at u).
     *
     * @param survival each run's survival month m
     * @param collapsed whether each run collapsed (false: censored at the horizon)
     */
    public static double[] curve(int[] survival, boolean[] collapsed, int horizon) {
        double[] s = new double[horizon + 1];
        Arrays.fill(s, 1.0);
        double current = 1.0;
        for (int t = 1; t <= horizon; t++) {
            int atRisk = 0;
            int events = 0;
            for (int i = 0; i < survival.length; i++) {
                if (survival[i] >= t) {
                    atRisk++;
                    if (collapsed[i] && survival[i] == t) {
                        events++;
                    }
                }
            }
            if (atRisk > 0) {
                current *= 1 - (double) events / atRisk;
            }
            s[t] = current;
        }
        return s;
    }
}
