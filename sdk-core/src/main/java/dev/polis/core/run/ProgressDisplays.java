package dev.polis.core.run;

import java.time.Clock;
import java.time.Duration;
import dev.polis.api.host.ProgressDisplay;
import org.slf4j.LoggerFactory;

/** Picks the {@link ProgressDisplay} that suits this process: a bar with a console, paced log lines without. */
public final class ProgressDisplays {

    /** The least time between two progress log lines. */
    public static final long LOG_INTERVAL_SECONDS = 5;

    private ProgressDisplays() {
    }

    /**
     * Returns a bar on standard error when the process has a console, else a log line at most every
     * {@value #LOG_INTERVAL_SECONDS} seconds (CI, redirected output).
     */
    public static ProgressDisplay auto() {
        return System.console() != null
                ? new ConsoleProgressBar(System.err, Clock.systemUTC())
                : new PacedProgressLog(LoggerFactory.getLogger("dev.polis.progress")::info, Clock.systemUTC(),
                        Duration.ofSeconds(LOG_INTERVAL_SECONDS));
    }
}
