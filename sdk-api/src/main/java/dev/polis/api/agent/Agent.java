package dev.polis.api.agent;

import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import org.apiguardian.api.API;

/** Decides what to do on each observation: a fixed policy, a planner, or a language-model agent. */
@API(status = API.Status.STABLE, since = "0.1")
public interface Agent extends AutoCloseable {

    /** Returns the id this agent acts under in its environment. */
    String id();

    /** Returns the action for {@code observation}. */
    Action act(Observation observation);

    /** Releases what the agent holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
