package dev.polis.govsim.metrics;

/** Computes the equality metric, one minus the Gini coefficient of the agents' totals. */
public final class Gini {

    private Gini() {
    }

    /** Returns {@code 1 − Σ_i Σ_j |R_i − R_j| / (2·n·Σ R)}; {@code NaN} when the total is 0 or there is nobody. */
    public static double equality(double[] totals) {
        double sum = 0;
        for (double r : totals) {
            sum += r;
        }
        if (totals.length == 0 || sum == 0) {
            return Double.NaN;
        }
        double diff = 0;
        for (double a : totals) {
            for (double b : totals) {
                diff += Math.abs(a - b);
            }
        }
        return 1 - diff / (2.0 * totals.length * sum);
    }
}
