package dev.polis.core.run;

import java.time.Duration;
import java.util.Locale;

/** Writes durations the short way progress lines use: {@code 850 ms}, {@code 3.1 s}, {@code 2 min 05 s}. */
final class Durations {

    private Durations() {
    }

    static String brief(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
