package dev.polis.api.agent;

import java.util.Objects;
import java.util.Optional;
import dev.polis.api.Settings;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;

/**
 * What an {@link AgentProvider} is given to create one agent.
 *
 * @param agentId  the id the agent acts under
 * @param settings the agent's configuration block
 * @param model    the agent's own chat model, when one is configured
 * @param run      the run it belongs to
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AgentContext(String agentId, Settings settings, Optional<ChatModel> model, RunContext run) {

    /** Checks the components. */
    public AgentContext {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(settings, "settings");
        model = model == null ? Optional.empty() : model;
        Objects.requireNonNull(run, "run");
    }
}
