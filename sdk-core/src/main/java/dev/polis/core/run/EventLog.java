package dev.polis.core.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polis.api.run.EventAppender;
import dev.polis.core.records.LineFile;
import java.time.Instant;

/**
 * Appends a run's events to {@code events.jsonl}: one JSON object a line with {@code seq}, {@code time},
 * {@code type} and the event's fields, flushed after each event (a log made by {@link #create}) so the file can be
 * read while the run goes on.
 *
 * <p>Thread-safe: events from several threads get consecutive sequence numbers in file order. {@link #append} opens
 * the log of a resumed run, cutting a torn last line left by a killed process and numbering on from the highest
 * {@code seq} in the file. Each flush writes whole lines in one write, or nothing ({@link LineFile}).
 */
public final class EventLog implements EventAppender {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Path file;
    private final Clock clock;
    private final LineFile writer;
    private final StringBuilder pending = new StringBuilder();
    private final boolean flushEach;
    private long seq;
    private boolean closed;

    private EventLog(Path file, Clock clock, LineFile writer, boolean flushEach) {
        this.file = file;
        this.clock = clock;
        this.writer = writer;
        this.flushEach = flushEach;
    }

    /** Opens {@code file} for a new run, replacing what an earlier attempt left there. */
    public static EventLog create(Path file, Clock clock) {
        return new EventLog(file, clock, LineFile.open(file, true), true);
    }

    /**
     * Opens {@code file} to add events after those already in it (one event a line), numbering on from the highest
     * {@code seq}; creates it when missing and cuts a torn last line. Unlike {@link #create}, events are buffered
     * until {@link #flush} or {@link #close}.
     */
    public static EventLog append(Path file, Clock clock) {
        LineFile writer = LineFile.open(file, false);
        EventLog log = new EventLog(file, clock, writer, false);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    log.seq = Math.max(log.seq, JSON.readTree(line).path("seq").asLong(log.seq + 1));
                }
            }
            return log;
        } catch (IOException e) {
            writer.close();
            throw new UncheckedIOException("cannot read the event log " + file + " to append to it: " + e.getMessage()
                    + "; an event log holds one JSON object a line", e);
        }
    }

    @Override
    public void emit(String type, Map<String, ?> fields) {
        emit(clock.instant(), type, fields);
    }

    @Override
    public synchronized void emit(Instant time, String type, Map<String, ?> fields) {
        if (closed) {
            throw new IllegalStateException("the event log " + file + " is closed; event '" + type + "' came too late");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", ++seq);
        line.put("time", time.toString());
        line.put("type", type);
        if (fields != null) {
            fields.forEach((key, value) -> {
                if (!line.containsKey(key)) {
                    line.put(key, value);
                }
            });
        }
        try {
            pending.append(JSON.writeValueAsString(line)).append('\n');
        } catch (JacksonException e) {
            seq--;
            throw new IllegalArgumentException("event '" + type + "' has a field that cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (flushEach) {
            flush();
        }
    }

    /** Returns the sequence number of the last event written (how many the file holds). */
    @Override
    public synchronized long count() {
        return seq;
    }

    @Override
    public synchronized void flush() {
        if (closed) {
            return;
        }
        if (pending.isEmpty()) {
            return;
        }
        writer.append(pending.toString().getBytes(StandardCharsets.UTF_8)); // on failure the events stay pending
        pending.setLength(0);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            writer.close();
        }
    }
}
