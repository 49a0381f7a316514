package dev.polis.core.run;

import java.time.Clock;
import java.time.Duration;
import dev.polis.api.run.Progress;
import org.slf4j.LoggerFactory;

/**
 * Shows the progress of a run's long tasks: a bar on a terminal, a paced log line otherwise.
 *
 * <p>{@link #auto()} picks a bar on standard error when the process has a console and a log line at most
 * every {@value #LOG_INTERVAL_SECONDS} seconds when it does not (CI, redirected output).
 */
@FunctionalInterface
public interface ProgressDisplay {

    /** The least time between two progress log lines. */
    long LOG_INTERVAL_SECONDS = 5;

    /** Starts showing a task of {@code total} units (0 when unknown). */
    Progress start(String task, long total);

    /** Returns the display that suits this process: a bar with a console, paced log lines without. */
    static ProgressDisplay auto() {
        return System.console() != null
                ? new ConsoleProgressBar(System.err, Clock.systemUTC())
                : new PacedProgressLog(LoggerFactory.getLogger("dev.polis.progress")::info, Clock.systemUTC(),
                        Duration.ofSeconds(LOG_INTERVAL_SECONDS));
    }

    /** Returns a display that shows nothing. */
    static ProgressDisplay silent() {
        return (task, total) -> Progress.silent();
    }
}
