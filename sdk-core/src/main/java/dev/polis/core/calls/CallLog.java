package dev.polis.core.calls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.PolisException;
import dev.polis.core.records.LineFile;

/**
 * Appends {@link CallRecord}s to a {@code calls.jsonl} file, one JSON line per call, each written whole in one write.
 *
 * <p>Thread-safe: several models of one run share one log, and each line is written whole. Call numbers
 * ({@link #nextSequence()}) are handed out when calls start, so a reader can order calls by start even when
 * concurrent calls finish in another order. Opening an existing file cuts a torn last line (left by a killed
 * process) and continues the numbering after the highest {@code seq} in the file, so numbers never repeat even when
 * a kill left gaps.
 */
public final class CallLog implements AutoCloseable {

    /** The file name of the log in a run folder. */
    public static final String FILE_NAME = "calls.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final LineFile writer;
    private final AtomicLong sequence;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private CallLog(Path file, LineFile writer, long lastSequence) {
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
            LineFile writer = LineFile.open(file, false);
            return new CallLog(file, writer, highestSequence(file));
        } catch (UncheckedIOException e) {
            throw new PolisException("cannot open the call log " + file + " for appending: "
                    + e.getCause().getMessage(), e);
        }
    }

    /** Returns the highest {@code seq} of the (repaired) file, 0 when it holds no call. */
    private static long highestSequence(Path file) {
        long highest = 0;
        int number = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank()) {
                    JsonNode seq = JSON.readTree(line).path("seq");
                    highest = Math.max(highest, seq.asLong(0));
                }
            }
            return highest;
        } catch (IOException e) {
            throw new PolisException("cannot read the call log " + file + " (line " + number + "): " + e.getMessage()
                    + "; a call log holds one JSON object a line", e);
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
            writer.append((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw new PolisException("cannot append call " + seq + " to " + file + ": " + e.getCause().getMessage(),
                    e);
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
        } catch (UncheckedIOException e) {
            throw new PolisException("cannot close the call log " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
