package dev.polis.runtime.train;

import java.util.Locale;

/** Formats the pieces of the trainer's progress lines: a bar, durations and lists of numbers. */
final class ProgressLine {

    private ProgressLine() {
    }

    /** Returns a 20-character bar for {@code done} of {@code total}, e.g. {@code [#####...............]}. */
    static String bar(long done, long total) {
        int width = 20;
        int filled = (int) (width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Returns {@code seconds} as {@code 4m05s} or {@code 1h02m}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** Returns the values with three decimals, separated by spaces. */
    static String values(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return text.toString();
    }
}
