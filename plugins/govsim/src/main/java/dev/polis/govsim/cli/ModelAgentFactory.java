package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.SettingsFactory;
import dev.polis.govsim.agent.llm.LlmAgentProvider;
import dev.polis.govsim.agent.llm.ModelResolver;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.sweep.AgentFactory;
import dev.polis.govsim.sweep.RunScope;
import dev.polis.govsim.sweep.Society;
import dev.polis.govsim.sweep.RunSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates society members: {@code llm:<model spec>} becomes the {@code govsim.llm} agent on that model (each agent
 * its own model instance, made by the host's {@link Models}), {@code agent:<provider id>} an agent of any
 * {@link AgentProvider} in the registry (a third-party plugin's, with the member's settings), anything else a
 * reference policy.
 *
 * <p>An LLM agent gets the run's real context, so its {@code govsim.llm.*} events land in the run's
 * {@code events.jsonl}, and the member's settings. Every model it uses (its own, a separate framework model, an
 * embedder) is asked for in that context, so the operator's inference choices ({@code POLIS_DEVICE},
 * {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS}) apply and the host appends each call to the run's
 * {@code calls.jsonl}; replaying that file with {@code --model replay:<path>} plays the run again.
 */
final class ModelAgentFactory implements AgentFactory {

    /** The id of the LLM generative agent's provider. */
    static final String LLM_AGENT = LlmAgentProvider.ID;

    private final Models models;
    private final SettingsFactory settings;
    private final Extensions extensions;

    ModelAgentFactory(Models models, SettingsFactory settings, Extensions extensions) {
        this.models = Objects.requireNonNull(models, "models");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
    }

    /** Creates a member outside a sweep: policies only, since an LLM agent needs its run's records. */
    @Override
    public Agent create(String member, AgentProfile profile, RunSpec run) {
        if (member.startsWith("llm")) {
            throw new IllegalStateException("LLM member '" + member + "' needs its run's scope (records and models);"
                    + " create it with create(member, settings, profile, scope)");
        }
        return AgentFactory.policies().create(member, profile, run);
    }

    @Override
    public Agent create(String member, Map<String, Object> memberSettings, AgentProfile profile, RunScope scope) {
        if (member.startsWith(Society.AGENT_PREFIX)) {
            String id = member.substring(Society.AGENT_PREFIX.length()).trim();
            AgentProvider provider = extensions.get(AgentProvider.class, id);
            return provider.create(new AgentContext(profile.id(), settings.of(memberSettings, id), Optional.empty(),
                    scope.context()));
        }
        if (!member.startsWith("llm")) {
            return AgentFactory.policies().create(member, profile, scope.spec());
        }
        String spec = modelSpec(member);
        ChatModel model = scope.own(models.chat(ModelRequest.of(spec).inRun(scope.context())));
        return new LlmAgentProvider(ModelResolver.using(models)).create(new AgentContext(profile.id(),
                settings.of(memberSettings, LLM_AGENT), Optional.of(model), scope.context()));
    }

    /** Returns the model spec of an {@code llm:<spec>} member. */
    static String modelSpec(String member) {
        String spec = member.startsWith("llm:") ? member.substring(4).trim() : "";
        if (spec.isBlank()) {
            throw new InvalidInputException("member '" + member + "': write llm:<model spec>, for example "
                    + "llm:openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
        }
        return spec;
    }
}
