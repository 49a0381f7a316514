package dev.polis.core.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes what the test extensions did, so tests can check that everything was closed. */
public final class TestLedger {

    /** Names of closed things, in closing order: {@code env}, {@code agent:a1}, {@code model:test.echo}. */
    public static final List<String> CLOSED = new CopyOnWriteArrayList<>();

    /** Line counts of events.jsonl that the peeking agent saw, one per act. */
    public static final List<Integer> EVENT_LINES_SEEN = new CopyOnWriteArrayList<>();

    private TestLedger() {
    }

    /** Forgets everything. */
    public static void reset() {
        CLOSED.clear();
        EVENT_LINES_SEEN.clear();
    }
}
