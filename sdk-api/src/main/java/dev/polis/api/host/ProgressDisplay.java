package dev.polis.api.host;

import dev.polis.api.run.Progress;
import org.apiguardian.api.API;

/**
 * Shows the progress of long tasks: a bar on a terminal, a paced log line otherwise.
 *
 * <p>The host binds the display that suits the process; a plugin command injects it and starts one
 * {@link Progress} per task. Code inside a run uses {@link dev.polis.api.run.RunContext#progress} instead.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface ProgressDisplay {

    /** Starts showing a task of {@code total} units (0 when unknown). */
    Progress start(String task, long total);

    /** Returns a display that shows nothing. */
    static ProgressDisplay silent() {
        return (task, total) -> Progress.silent();
    }
}
