package dev.polis.api.env;

import java.util.List;
import dev.polis.api.Settings;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;

/**
 * What an {@link EnvironmentProvider} is given to create an environment.
 *
 * @param settings the environment's configuration block
 * @param agentIds the ids of the agents configured for the run, in order
 * @param run      the run it belongs to
 */
@API(status = API.Status.STABLE, since = "0.1")
public record EnvironmentContext(Settings settings, List<String> agentIds, RunContext run) {

    /** Copies the agent ids. */
    public EnvironmentContext {
        agentIds = List.copyOf(agentIds);
    }
}
