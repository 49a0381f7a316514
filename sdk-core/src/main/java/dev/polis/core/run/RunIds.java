package dev.polis.core.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/** Makes fresh run ids that sort by time: {@code 20250314-093012-7f3a} (UTC timestamp and four hex digits). */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** Returns a fresh id for a run starting now. */
    public static String fresh(Clock clock, RandomGenerator random) {
        return STAMP.format(clock.instant()) + "-" + String.format("%04x", random.nextInt(0x10000));
    }
}
