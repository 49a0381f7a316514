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
 * original start time, so that resuming reads as one run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface RunRecord {

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
}
