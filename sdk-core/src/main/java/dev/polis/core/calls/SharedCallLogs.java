package dev.polis.core.calls;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one {@link CallLog} per run folder to every model of the run, and closes it when the last of them
 * is released, so that models opened at different times append to one numbered {@code calls.jsonl}.
 */
public final class SharedCallLogs {

    private final Map<Path, Entry> open = new HashMap<>();

    /** A log lent to one model; {@link #close()} gives it back. */
    public final class Lease implements AutoCloseable {

        private final Path key;
        private final CallLog log;
        private boolean released;

        private Lease(Path key, CallLog log) {
            this.key = key;
            this.log = log;
        }

        /** Returns the shared log. */
        public CallLog log() {
            return log;
        }

        /** Gives the log back; the last lease of a folder closes it. Releasing twice does nothing. */
        @Override
        public void close() {
            synchronized (SharedCallLogs.this) {
                if (released) {
                    return;
                }
                released = true;
                Entry entry = open.get(key);
                if (entry != null && --entry.leases == 0) {
                    open.remove(key);
                    entry.log.close();
                }
            }
        }
    }

    private static final class Entry {
        final CallLog log;
        int leases;

        Entry(CallLog log) {
            this.log = log;
        }
    }

    /** Lends the log of run folder {@code runFolder}, opening {@code calls.jsonl} there for appending when needed. */
    public synchronized Lease lease(Path runFolder) {
        Path key = runFolder.toAbsolutePath().normalize();
        Entry entry = open.computeIfAbsent(key, k -> new Entry(CallLog.inRunFolder(k)));
        entry.leases++;
        return new Lease(key, entry.log);
    }
}
