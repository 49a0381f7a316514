package dev.polis.api.run;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Receives the events of a run in the order they happen; the host appends each one to {@code events.jsonl}.
 *
 * <p>Field values should be JSON-friendly: strings, numbers, booleans, lists and maps of those, or records.
 * Implementations are thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
@FunctionalInterface
public interface EventSink {

    /** Records one event of the given type (for example {@code env.step}) with its fields. */
    void emit(String type, Map<String, ?> fields);

    /** Returns a sink that drops every event, for code and tests that need none. */
    static EventSink discarding() {
        return (type, fields) -> { };
    }
}
