package dev.polis.core.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.run.RunStatus;

/**
 * What a pipeline run produced: its id, record folder, final status and metrics.
 *
 * @param runId           the run id
 * @param directory       the run's record folder
 * @param status          {@link RunStatus#FINISHED} (a failed run throws instead of returning)
 * @param metrics         the metrics written to {@code metrics.json}
 * @param alreadyFinished whether the run had finished before and was not run again
 */
public record RunResult(String runId, Path directory, RunStatus status, Map<String, Double> metrics,
                        boolean alreadyFinished) {

    /** Checks the components and copies the metrics. */
    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(status, "status");
        metrics = Map.copyOf(metrics);
    }

    /** Returns one line for people: {@code run r1 finished: runs/r1} or {@code run r1 already finished: runs/r1}. */
    public String summary() {
        return "run " + runId + (alreadyFinished ? " already finished" : " " + status.wireName()) + ": " + directory;
    }
}
