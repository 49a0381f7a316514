package dev.polis.core.run;

import dev.polis.api.run.RunStatus;
import java.util.List;
import java.util.Objects;
import dev.polis.core.config.AppliedOverride;

/**
 * The content of {@code run.json}: which run, how it ended, when, and why it failed.
 *
 * @param runId     the run id, also the folder name
 * @param status    started, finished or failed
 * @param seed      the run's seed
 * @param startedAt when it started, ISO-8601
 * @param endedAt   when it ended, ISO-8601, or {@code null} while it runs
 * @param error     why it failed, or {@code null}
 * @param overrides the operator overrides in force
 */
public record RunInfo(String runId, RunStatus status, long seed, String startedAt, String endedAt, String error,
                      List<AppliedOverride> overrides) {

    /** Checks the components and copies the list. */
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** Returns a copy that records how and when the run ended. */
    public RunInfo ended(RunStatus newStatus, String endTime, String failure) {
        return new RunInfo(runId, newStatus, seed, startedAt, endTime, failure, overrides);
    }
}
