package dev.polis.api.agent;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Creates agents of one kind (for example {@code govsim.llm} or {@code govsim.policy.greedy}). */
@API(status = API.Status.STABLE, since = "0.1")
public interface AgentProvider extends PolisExtension {

    /**
     * Creates an agent.
     *
     * @throws dev.polis.api.InvalidInputException when the settings are wrong or a needed model is missing
     */
    Agent create(AgentContext context);
}
