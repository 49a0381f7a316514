package dev.polis.guards.eval;

import java.util.Locale;

/**
 * A share of successes among trials with its Wilson 95% interval.
 *
 * @param successes the count of successes
 * @param trials    the count of trials
 */
public record Proportion(long successes, long trials) {

    private static final double Z = 1.959964;

    /** Returns the share, or NaN when there were no trials. */
    public double value() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** Returns the lower end of the Wilson 95% interval. */
    public double low() {
        return wilson(-1);
    }

    /** Returns the upper end of the Wilson 95% interval. */
    public double high() {
        return wilson(1);
    }

    private double wilson(int sign) {
        if (trials == 0) {
            return Double.NaN;
        }
        double p = value();
        double n = trials;
        double centre = p + Z * Z / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
        return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + Z * Z / n)));
    }

    /** Returns e.g. {@code 93.1% [88.0, 96.1] (135/145)}, or {@code -} without trials. */
    public String format() {
        if (trials == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f] (%d/%d)", 100 * value(), 100 * low(), 100 * high(),
                successes, trials);
    }
}
