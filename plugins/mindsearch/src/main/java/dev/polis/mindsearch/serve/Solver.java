package dev.polis.mindsearch.serve;

import dev.polis.api.run.EventSink;
import dev.polis.mindsearch.exec.Cancellation;

/**
 * Answers one question for the server, handing every MindSearch event to {@code events} as it happens, until done or
 * cancelled.
 */
@FunctionalInterface
public interface Solver {

    /**
     * Answers {@code question}.
     *
     * @param question  the question
     * @param sessionId the client's session id
     * @param events    receives every event of the run
     * @param cancel    fires when the client went away; the solver then stops and returns
     * @return the run's id (its folder name), for the {@code done} event
     */
    String solve(String question, long sessionId, EventSink events, Cancellation cancel);
}
