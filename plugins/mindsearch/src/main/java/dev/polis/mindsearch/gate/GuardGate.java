package dev.polis.mindsearch.gate;

import dev.polis.api.chat.Message;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.api.run.EventSink;
import java.util.List;
import java.util.Map;

/**
 * A {@link ContentGate} that asks guards in order at the {@link Boundary#TOOL_OUTPUT} boundary: a neutralised message
 * goes on to the next guard, a refused one is replaced by a note saying it was withheld. Every verdict other than
 * allow is recorded as a {@code mindsearch.guard} event.
 */
public final class GuardGate implements ContentGate {

    private final List<Guard> guards;
    private final EventSink events;

    /** Creates a gate over {@code guards} (asked in order) that records verdicts in {@code events}. */
    public GuardGate(List<Guard> guards, EventSink events) {
        this.guards = List.copyOf(guards);
        this.events = events;
    }

    @Override
    public Message admit(Message message, List<Message> context) {
        Message current = message;
        for (Guard guard : guards) {
            GuardVerdict verdict = guard.inspect(new GuardRequest(current, Boundary.TOOL_OUTPUT, context));
            switch (verdict.decision()) {
                case ALLOW -> { }
                case NEUTRALISE -> {
                    record(current, verdict);
                    current = verdict.message();
                }
                case REFUSE -> {
                    record(current, verdict);
                    return current.withContent("[withheld: a guard refused this " + current.source()
                            + " output (" + verdict.reason() + ")]");
                }
            }
        }
        return current;
    }

    private void record(Message message, GuardVerdict verdict) {
        events.emit("mindsearch.guard", Map.of("decision", verdict.decision().name().toLowerCase(java.util.Locale.ROOT),
                "source", message.source(), "reason", verdict.reason(), "score", verdict.score()));
    }
}
