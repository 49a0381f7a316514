package dev.polis.govsim.sweep;

import dev.polis.api.run.EventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the events agents emit during a month until the month is recorded, so that {@code events.jsonl} gets a
 * month's agent events together with its harvests and a resumed run, which plays an unfinished month again,
 * neither loses nor repeats one. Thread-safe: the agents of a month emit concurrently.
 */
public final class PendingEvents implements EventSink {

    private final List<Map<String, Object>> pending = new ArrayList<>();

    @Override
    public synchronized void emit(String type, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("type", type);
        if (fields != null) {
            fields.forEach((key, value) -> line.putIfAbsent(key, value));
        }
        pending.add(line);
    }

    /** Returns the events emitted since the last call, in emission order, and forgets them. */
    public synchronized List<Map<String, Object>> drain() {
        List<Map<String, Object>> lines = List.copyOf(pending);
        pending.clear();
        return lines;
    }
}
