package dev.polis.core.run;

import dev.polis.api.host.ProgressDisplay;
import java.time.Clock;
import java.util.Objects;

/**
 * Says how runs are recorded and shown: the clock for times and ids, and the progress display.
 *
 * @param clock    the clock events, {@code run.json} and fresh run ids read
 * @param progress how progress is shown
 */
public record RecordingOptions(Clock clock, ProgressDisplay progress) {

    /** Checks the components. */
    public RecordingOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(progress, "progress");
    }

    /** Returns the system clock in UTC and the display that suits this process. */
    public static RecordingOptions defaults() {
        return new RecordingOptions(Clock.systemUTC(), ProgressDisplays.auto());
    }
}
