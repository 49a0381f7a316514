package dev.polis.core.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polis.api.run.EventAppender;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Appends a run's events to {@code events.jsonl}: one JSON object a line with {@code seq}, {@code time},
 * {@code type} and the event's fields, flushed after each event (a log made by {@link #create}) so the file can be
 * read while the run goes on.
 *
 * <p>Thread-safe: events from several threads get consecutive sequence numbers in file order. {@link #append} opens
 * the log of a resumed run, numbering on from the events already written.
 */
public final class EventLog implements EventAppender {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Path file;
    private final Clock clock;
    private final BufferedWriter writer;
    private final boolean flushEach;
    private long seq;
    private boolean closed;

    private EventLog(Path file, Clock clock, BufferedWriter writer, boolean flushEach) {
        this.file = file;
        this.clock = clock;
        this.writer = writer;
        this.flushEach = flushEach;
    }

    /** Opens {@code file} for a new run, replacing what an earlier attempt left there. */
    public static EventLog create(Path file, Clock clock) {
        try {
            return new EventLog(file, clock, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file, e);
        }
    }

    /**
     * Opens {@code file} to add events after those already in it (one event a line), numbering on from the last;
     * creates it when missing. Unlike {@link #create}, events are buffered until {@link #flush} or {@link #close}.
     */
    public static EventLog append(Path file, Clock clock) {
        try {
            long written;
            try (Stream<String> lines = Files.isRegularFile(file) ? Files.lines(file, StandardCharsets.UTF_8)
                    : Stream.empty()) {
                written = lines.filter(line -> !line.isBlank()).count();
            }
            EventLog log = new EventLog(file, clock, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), false);
            log.seq = written;
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + " to append", e);
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
            writer.write(JSON.writeValueAsString(line));
            writer.newLine();
            if (flushEach) {
                writer.flush();
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("event '" + type + "' has a field that cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
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
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
