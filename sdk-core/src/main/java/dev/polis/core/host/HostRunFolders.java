package dev.polis.core.host;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.polis.api.InvalidInputException;
import dev.polis.api.host.RunFolders;
import dev.polis.api.run.EventAppender;
import dev.polis.api.run.RunRecord;
import dev.polis.api.run.RunStatus;
import dev.polis.core.records.Checkpoint;
import dev.polis.core.records.FolderLock;
import dev.polis.core.run.EventLog;
import dev.polis.core.run.RunFolder;
import dev.polis.core.run.RunInfo;

/**
 * The host's {@link RunFolders}: {@code run.json}, {@code metrics.json} and {@code config.resolved.yaml} replaced
 * atomically and {@code events.jsonl} appended through {@link EventLog}, as {@code polis run} writes them; a
 * plugin's state saved through a {@link Checkpoint}, and one writer per folder ({@link FolderLock}, taken with the
 * first write and released on close).
 */
public final class HostRunFolders implements RunFolders {

    private final Clock clock;

    /** Creates run folders stamped with {@code clock}. */
    public HostRunFolders(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates run folders stamped with the system clock. */
    public HostRunFolders() {
        this(Clock.systemUTC());
    }

    @Override
    public RunRecord open(Path output, String runId) {
        if (runId == null || runId.isBlank() || runId.indexOf('\0') >= 0
                || !runId.equals(Path.of(runId).getFileName().toString()) || runId.equals(".") || runId.equals("..")) {
            throw new InvalidInputException("run id '" + runId + "' is not a plain folder name; use letters, digits, "
                    + "'-', '_' and '.' without '/'");
        }
        return new FolderRecord(RunFolder.of(output, runId), runId);
    }

    /** One run's folder. */
    private final class FolderRecord implements RunRecord {

        private final RunFolder folder;
        private final String runId;
        private final List<EventLog> logs = new ArrayList<>();
        private FolderLock lock;

        FolderRecord(RunFolder folder, String runId) {
            this.folder = folder;
            this.runId = runId;
        }

        @Override
        public String runId() {
            return runId;
        }

        @Override
        public Path directory() {
            return folder.directory();
        }

        @Override
        public Optional<RunStatus> status() {
            return folder.readInfo().map(RunInfo::status);
        }

        @Override
        public void started(long seed) {
            lock();
            String startedAt = folder.readInfo().map(RunInfo::startedAt).orElse(clock.instant().toString());
            folder.writeInfo(new RunInfo(runId, RunStatus.STARTED, seed, startedAt, null, null, List.of()));
        }

        @Override
        public void finished(Map<String, Double> metrics) {
            lock();
            folder.writeMetrics(metrics);
            end(RunStatus.FINISHED, null);
        }

        @Override
        public void failed(String reason) {
            end(RunStatus.FAILED, reason);
        }

        @Override
        public Map<String, Double> metrics() {
            return folder.readMetrics();
        }

        @Override
        public void resolvedConfig(String yaml) {
            lock();
            folder.writeResolvedConfig(yaml);
        }

        @Override
        public synchronized EventAppender events() {
            lock();
            EventLog log = EventLog.append(folder.file(RunFolder.EVENTS), clock);
            logs.add(log);
            return log;
        }

        @Override
        public synchronized void checkpoint(String name, byte[] content) {
            lock();
            logs.forEach(EventLog::flush);
            checkpoints().commit(name, content);
        }

        @Override
        public synchronized Optional<byte[]> restore(String name) {
            lock();
            return checkpoints().restore(name);
        }

        private Checkpoint checkpoints() {
            return new Checkpoint(folder.directory(), List.of(RunFolder.EVENTS, CALLS));
        }

        /** Takes the folder's lock before the first write. */
        private synchronized void lock() {
            if (lock == null) {
                lock = FolderLock.acquire(folder.directory());
            }
        }

        @Override
        public synchronized void close() {
            try {
                logs.forEach(EventLog::close);
            } finally {
                logs.clear();
                if (lock != null) {
                    lock.close();
                    lock = null;
                }
            }
        }

        private void end(RunStatus status, String reason) {
            lock();
            RunInfo info = folder.readInfo().orElse(new RunInfo(runId, RunStatus.STARTED, 0,
                    clock.instant().toString(), null, null, List.of()));
            folder.writeInfo(info.ended(status, clock.instant().toString(), reason));
        }
    }
}
