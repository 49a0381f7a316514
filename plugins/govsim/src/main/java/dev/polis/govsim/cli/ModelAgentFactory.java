package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.run.RunContext;
import dev.polis.core.config.JacksonSettings;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.sweep.AgentFactory;
import dev.polis.govsim.sweep.RunSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Creates society members through the extension registry: {@code llm:<model spec>} becomes the {@code govsim.llm}
 * agent on that model (each agent its own model instance), anything else a reference policy.
 */
final class ModelAgentFactory implements AgentFactory {

    /** The id of the LLM generative agent's provider. */
    static final String LLM_AGENT = "govsim.llm";

    private final ExtensionRegistry registry;

    ModelAgentFactory(ExtensionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public GovSimAgent create(String member, AgentProfile profile, RunSpec run) {
        if (!member.startsWith("llm")) {
            return AgentFactory.policies().create(member, profile, run);
        }
        String spec = member.startsWith("llm:") ? member.substring(4) : "";
        if (spec.isBlank()) {
            throw new InvalidInputException("member '" + member + "': write llm:<model spec>, for example "
                    + "llm:openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
        }
        if (registry == null) {
            throw new InvalidInputException("LLM agents need the Polis host (run 'polis govsim'), not a bare library");
        }
        ModelSpec modelSpec = ModelSpec.parse(spec);
        ChatModel model = registry.get(ChatModelProvider.class, modelSpec.provider()).create(modelSpec);
        AgentProvider provider = registry.get(AgentProvider.class, LLM_AGENT);
        Agent agent = provider.create(new AgentContext(profile.id(), JacksonSettings.of(Map.of(), "agent"),
                Optional.of(model), RunContext.detached(run.seed())));
        if (!(agent instanceof GovSimAgent govsim)) {
            throw new InvalidInputException("agent provider '" + LLM_AGENT + "' returned " + agent.getClass().getName()
                    + ", which does not implement GovSimAgent");
        }
        return govsim;
    }
}
