package dev.polis.api.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One run's folder in the host's format: {@code run.json} (status, seed, times, error), {@code metrics.json},
 * {@code events.jsonl} and the files a plugin adds beside them.
 *
 * <p>Obtained from {@link dev.polis.api.host.RunFolders}. A run that is started again after a crash keeps its
 * original start time, so that resuming reads as one run. The host's records take the folder's lock with the
 * first write (a second process writing the same run is refused) and release it on {@link #close}; a plugin that
 * saves its own state between steps saves it with {@link #checkpoint} and reads it back with {@link #restore}, so a
 * resumed run neither repeats nor loses a record.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface RunRecord extends AutoCloseable {

    /** The name of the event log in a run folder. */
    String EVENTS = "events.jsonl";
    /** The name of the metrics file in a run folder. */
    String METRICS = "metrics.json";
    /** The name of the model call log in a run folder. */
    String CALLS = "calls.jsonl";
    /** The name of the resolved configuration in a run folder: the pipeline that plays the run again. */
    String RESOLVED_CONFIG = "config.resolved.yaml";

    /** Returns the run's id, also the folder's name. */
    String runId();

    /** Returns the run's folder (it may not exist before {@link #started}). */
    Path directory();

    /** Returns the file {@code name} in the run's folder. */
    default Path file(String name) {
        return directory().resolve(name);
    }

    /** Returns how far the run got, or empty when it never started. */
    Optional<RunStatus> status();

    /** Creates the folder and marks the run started with {@code seed}, keeping the start time of an earlier try. */
    void started(long seed);

    /** Writes the run's metrics and marks it finished. */
    void finished(Map<String, Double> metrics);

    /** Marks the run failed with {@code reason}, one sentence naming what went wrong. */
    void failed(String reason);

    /** Returns the metrics written by {@link #finished}, or an empty map. */
    Map<String, Double> metrics();

    /**
     * Replaces {@code config.resolved.yaml} with {@code yaml}, the pipeline that plays the run again (as
     * {@code polis run} writes it). Call it after {@link #started}.
     *
     * @throws UnsupportedOperationException when this record does not write it (the host's records do)
     */
    default void resolvedConfig(String yaml) {
        throw new UnsupportedOperationException("run record " + runId() + " cannot write " + RESOLVED_CONFIG
                + "; open run folders through the host's RunFolders");
    }

    /**
     * Opens {@code events.jsonl} for appending in the host's line format; numbering continues after the events
     * already there, so a resumed run neither repeats nor skips a number. Call it after {@link #started}.
     *
     * @throws UnsupportedOperationException when this record does not write events (the host's records do)
     */
    default EventAppender events() {
        throw new UnsupportedOperationException("run record " + runId() + " cannot append events; open run folders"
                + " through the host's RunFolders");
    }

    /**
     * Saves {@code content} as the run's state file {@code name}, atomically, as the point a resumed run continues
     * from: it covers every event flushed to {@code events.jsonl} and every call in {@code calls.jsonl} so far, in
     * that order (records before the state that points at them).
     *
     * @throws UnsupportedOperationException when this record does not keep checkpoints (the host's records do)
     */
    default void checkpoint(String name, byte[] content) {
        throw new UnsupportedOperationException("run record " + runId() + " cannot save checkpoints; open run folders"
                + " through the host's RunFolders");
    }

    /**
     * Returns the state last saved with {@link #checkpoint} as {@code name}, or empty when none was, after cutting
     * {@code events.jsonl} and {@code calls.jsonl} back to the records that state covers (all of them when none
     * was saved): what a crash left after the last checkpoint is played again, not kept twice. Call it before
     * opening the run's event or call log.
     *
     * @throws UnsupportedOperationException when this record does not keep checkpoints (the host's records do)
     */
    default Optional<byte[]> restore(String name) {
        throw new UnsupportedOperationException("run record " + runId() + " cannot restore checkpoints; open run"
                + " folders through the host's RunFolders");
    }

    /** Closes the event logs this record opened and releases the run folder's lock. Closing twice does nothing. */
    @Override
    default void close() {
    }
}
