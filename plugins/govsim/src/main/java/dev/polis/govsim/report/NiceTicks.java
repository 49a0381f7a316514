package dev.polis.govsim.report;

import java.util.Locale;

/**
 * Chooses readable axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten (only 1, 2 and 5 on an axis of whole
 * numbers such as months or run counts), at most {@link #MAX_INTERVALS} intervals, the axis extended to the next
 * tick above the data.
 */
public final class NiceTicks {

    /** The most intervals an axis is divided into. */
    public static final int MAX_INTERVALS = 6;

    private static final double[] STEPS = {1, 2, 2.5, 5};

    private NiceTicks() {
    }

    /**
     * Returns the tick step for an axis from 0 to {@code max}.
     *
     * @param max   the largest value shown (values ≤ 0 are treated as 1)
     * @param whole whether the axis counts whole things (then the step is a whole number, no 2.5)
     */
    public static double step(double max, boolean whole) {
        double top = max > 0 && Double.isFinite(max) ? max : 1;
        double power = Math.pow(10, Math.floor(Math.log10(top / MAX_INTERVALS)));
        while (true) {
            for (double base : STEPS) {
                double step = base * power;
                if (whole && (base == 2.5 || step < 1)) {
                    continue;
                }
                // a small tolerance so that 0.6 / 0.2 counts as 3 intervals despite rounding
                if (Math.ceil(top / step - 1e-9) <= MAX_INTERVALS) {
                    return step;
                }
            }
            power *= 10;
        }
    }

    /** Returns the axis end: the first multiple of {@code step} at or above {@code max}. */
    public static double end(double max, double step) {
        double top = max > 0 && Double.isFinite(max) ? max : 1;
        return step * Math.ceil(top / step - 1e-9);
    }

    /** Formats a tick value without noise digits ({@code 0.25}, {@code 2.5}, {@code 10}). */
    public static String format(double value) {
        double rounded = Math.round(value * 1e6) / 1e6;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        String text = String.format(Locale.ROOT, "%.6f", rounded);
        return text.replaceAll("0+$", "");
    }
}
