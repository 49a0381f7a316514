package dev.polis.api.env;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A world several agents act in, one step at a time.
 *
 * <p>The host calls {@link #reset} once, then {@link #step} with the actions of the agents that were
 * observed, until the result says {@code done} or the run's step limit is reached.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Environment extends AutoCloseable {

    /** Returns the ids of the agents this environment expects, in a stable order. */
    List<String> agentIds();

    /** Starts a new episode and returns the first observation of each agent that must act. */
    Map<String, Observation> reset(long seed);

    /** Applies the agents' actions and returns what follows. */
    StepResult step(Map<String, Action> actions);

    /** Returns the episode's metrics so far (for example survival time or gain); empty by default. */
    default Map<String, Double> metrics() {
        return Map.of();
    }

    /** Releases what the environment holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
