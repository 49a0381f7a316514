package dev.polis.openai.client;

import java.time.Duration;

/** Formats values for error messages. */
final class Texts {

    private Texts() {
    }

    /** Returns {@code 1.5 s}, {@code 30 s}. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Returns at most {@code max} characters of {@code text} on one line. */
    static String excerpt(String text, int max) {
        String line = text.replace('\n', ' ').replace('\r', ' ').strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
