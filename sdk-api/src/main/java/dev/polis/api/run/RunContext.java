package dev.polis.api.run;

import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Describes the run an extension is working in: its id, seed, record folder, event sink and progress.
 *
 * <p>Extensions that create files of their own (exports, plots) write them under {@link #directory()}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface RunContext {

    /** Returns the id of this run, unique within its output folder. */
    String runId();

    /** Returns the seed every random choice of the run derives from. */
    long seed();

    /** Returns the run's record folder, or empty for a run that keeps no records. */
    Optional<Path> directory();

    /** Returns the sink for this run's events. */
    EventSink events();

    /** Starts reporting progress on a task of {@code total} units (0 when the total is unknown). */
    default Progress progress(String task, long total) {
        return Progress.silent();
    }

    /** Returns a context for code that runs outside any pipeline: no folder, no events, the given seed. */
    static RunContext detached(long seed) {
        return new FixedRunContext("detached", seed, Optional.empty(), EventSink.discarding());
    }

    /**
     * Returns a context whose records go to {@code directory}: models asked for it through
     * {@link dev.polis.api.host.Models} append their calls to its {@code calls.jsonl}.
     */
    static RunContext inFolder(String runId, long seed, Path directory, EventSink events) {
        return new FixedRunContext(runId, seed, Optional.of(directory), events);
    }
}
