package dev.polis.api.run;

import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Appends events to a run's {@code events.jsonl} in the host's line format ({@code seq}, {@code time}, {@code type},
 * fields), numbering on from the events already in the file, so a run resumed after a crash continues its numbering.
 *
 * <p>Obtained from {@link RunRecord#events()}. What it is given is buffered: {@link #flush} writes it to the file
 * (for example once a batch that must be on disk before the next record is complete), {@link #close} flushes and
 * closes. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface EventAppender extends EventSink, AutoCloseable {

    /**
     * Records one event stamped {@code time} rather than now: for events held back and written later (for example
     * a month's events, written when the month is finished).
     */
    void emit(Instant time, String type, Map<String, ?> fields);

    /** Returns the sequence number of the last event in the file (0 when it has none). */
    long count();

    /** Writes the events emitted so far to the file. */
    void flush();

    /** Flushes and closes the file; events after this fail. */
    @Override
    void close();
}
