package dev.polis.core.calls;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import dev.polis.api.PolisException;

/**
 * Appends {@link CallRecord}s to a {@code calls.jsonl} file, one JSON line per call, flushed after each.
 *
 * <p>Thread-safe: several models of one run share one log, and each line is written whole. Call numbers
 * ({@link #nextSequence()}) are handed out when calls start, so a reader can order calls by start even when
 * concurrent calls finish in another order. Opening an existing file appends to it and continues its numbering.
 */
public final class CallLog implements AutoCloseable {

    /** The file name of the log in a run folder. */
    public static final String FILE_NAME = "calls.jsonl";

    private final Path file;
    private final BufferedWriter writer;
    private final AtomicLong sequence;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private CallLog(Path file, BufferedWriter writer, long lastSequence) {
        this.file = file;
        this.writer = writer;
        this.sequence = new AtomicLong(lastSequence);
    }

    /**
     * Opens {@code file} for appending, creating it and its folder when missing.
     *
     * @throws PolisException when the file cannot be created or read
     */
    public static CallLog open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long existing = 0;
            if (Files.exists(file)) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    existing = lines.filter(line -> !line.isBlank()).count();
                }
            }
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new CallLog(file, writer, existing);
        } catch (IOException e) {
            throw new PolisException("cannot open the call log " + file + " for appending: " + e.getMessage(), e);
        }
    }

    /** Opens the {@value #FILE_NAME} log of the run folder {@code runFolder}. */
    public static CallLog inRunFolder(Path runFolder) {
        return open(runFolder.resolve(FILE_NAME));
    }

    /** Returns the number of the next call; numbers start at 1 and never repeat within the file. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /**
     * Appends {@code record} as one line and flushes it to the file.
     *
     * @throws PolisException when the log is closed or the line cannot be written
     */
    public void append(CallRecord record) {
        appendLine(record.seq(), CallJson.write(record));
    }

    /**
     * Appends an embedding call as one line and flushes it to the file.
     *
     * @throws PolisException when the log is closed or the line cannot be written
     */
    public void append(EmbeddingCallRecord record) {
        appendLine(record.seq(), CallJson.write(record));
    }

    private void appendLine(long seq, String line) {
        lock.lock();
        try {
            if (closed) {
                throw new PolisException("cannot record call " + seq + ": the call log " + file
                        + " is closed");
            }
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new PolisException("cannot append call " + seq + " to " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the file written to. */
    public Path file() {
        return file;
    }

    /** Closes the file; later appends fail. Closing twice does nothing. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                writer.close();
            }
        } catch (IOException e) {
            throw new PolisException("cannot close the call log " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
