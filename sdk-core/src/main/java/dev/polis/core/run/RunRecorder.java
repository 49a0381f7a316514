package dev.polis.core.run;

import dev.polis.core.records.FolderLock;
import dev.polis.api.run.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.Progress;
import dev.polis.api.run.RunContext;
import dev.polis.core.config.AppliedOverride;

/**
 * Keeps the records of one run in its folder and serves as the {@link RunContext} extensions see.
 *
 * <p>{@link #start} writes {@code config.resolved.yaml} and a {@code run.json} that says started and opens
 * {@code events.jsonl}; {@link #finish} writes {@code metrics.json} and marks the run finished; {@link #fail}
 * marks it failed with the error's message. Closing without either leaves it marked started. The folder is locked
 * ({@link FolderLock}) from {@link #start} to {@link #close}: a second command writing the same run is refused.
 */
public final class RunRecorder implements RunContext, AutoCloseable {

    private final RunFolder folder;
    private final EventLog events;
    private final RecordingOptions options;
    private final FolderLock lock;
    private RunInfo info;

    private RunRecorder(RunFolder folder, EventLog events, RecordingOptions options, RunInfo info, FolderLock lock) {
        this.folder = folder;
        this.lock = lock;
        this.events = events;
        this.options = options;
        this.info = info;
    }

    /**
     * Creates the run folder and its first records.
     *
     * @param folder       the run's folder; created when missing, earlier records in it replaced
     * @param seed         the run's seed
     * @param resolvedYaml the resolved configuration, secrets already masked
     * @param overrides    the operator overrides in force
     */
    public static RunRecorder start(RunFolder folder, long seed, String resolvedYaml, List<AppliedOverride> overrides,
                                    RecordingOptions options) {
        FolderLock lock = FolderLock.acquire(folder.directory());
        try {
            folder.writeResolvedConfig(resolvedYaml);
            String runId = folder.directory().getFileName().toString();
            RunInfo info = new RunInfo(runId, RunStatus.STARTED, seed, options.clock().instant().toString(), null,
                    null, overrides);
            folder.writeInfo(info);
            return new RunRecorder(folder, EventLog.create(folder.file(RunFolder.EVENTS), options.clock()), options,
                    info, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public String runId() {
        return info.runId();
    }

    @Override
    public long seed() {
        return info.seed();
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(folder.directory());
    }

    @Override
    public EventSink events() {
        return events;
    }

    @Override
    public Progress progress(String task, long total) {
        return options.progress().start(task, total);
    }

    /** Returns the run's folder. */
    public RunFolder folder() {
        return folder;
    }

    /** Returns what {@code run.json} says now. */
    public synchronized RunInfo info() {
        return info;
    }

    /** Writes {@code metrics.json}, marks the run finished and closes the event log. */
    public synchronized void finish(Map<String, Double> metrics) {
        folder.writeMetrics(metrics);
        end(RunStatus.FINISHED, null);
    }

    /** Marks the run failed with {@code error}'s message and closes the event log. */
    public synchronized void fail(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        end(RunStatus.FAILED, message);
    }

    private void end(RunStatus status, String error) {
        events.close();
        info = info.ended(status, options.clock().instant().toString(), error);
        folder.writeInfo(info);
    }

    /** Closes the event log and releases the folder's lock. */
    @Override
    public void close() {
        try {
            events.close();
        } finally {
            lock.close();
        }
    }
}
