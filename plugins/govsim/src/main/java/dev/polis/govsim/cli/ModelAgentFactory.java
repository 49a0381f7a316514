package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatModel;
import dev.polis.core.config.JacksonSettings;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.govsim.agent.llm.LlmAgentProvider;
import dev.polis.govsim.agent.llm.ModelResolver;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.sweep.AgentFactory;
import dev.polis.govsim.sweep.RunScope;
import dev.polis.govsim.sweep.RunSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Creates society members: {@code llm:<model spec>} becomes the {@code govsim.llm} agent on that model (each agent
 * its own model instance, made by the provider the extension registry holds for the spec), anything else a
 * reference policy.
 *
 * <p>An LLM agent gets the run's real context, so its {@code govsim.llm.*} events land in the run's
 * {@code events.jsonl}, and the member's settings. Every chat model it uses (its own and a separate framework
 * model) is wrapped so that each call is appended to the run's {@code calls.jsonl}; replaying that file with
 * {@code --model replay:<path>} plays the run again.
 */
final class ModelAgentFactory implements AgentFactory {

    /** The id of the LLM generative agent's provider. */
    static final String LLM_AGENT = LlmAgentProvider.ID;

    private final ExtensionRegistry registry;

    ModelAgentFactory(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** Creates a member outside a sweep: policies only, since an LLM agent needs its run's records. */
    @Override
    public GovSimAgent create(String member, AgentProfile profile, RunSpec run) {
        if (member.startsWith("llm")) {
            throw new IllegalStateException("LLM member '" + member + "' needs its run's scope (records and call log);"
                    + " create it with create(member, settings, profile, scope)");
        }
        return AgentFactory.policies().create(member, profile, run);
    }

    @Override
    public GovSimAgent create(String member, Map<String, Object> settings, AgentProfile profile, RunScope scope) {
        if (!member.startsWith("llm")) {
            return AgentFactory.policies().create(member, profile, scope.spec());
        }
        String spec = modelSpec(member);
        if (registry == null) {
            throw new InvalidInputException("LLM agents need the Polis host (run 'polis govsim'), not a bare library");
        }
        ModelResolver resolver = new RecordingModelResolver(ModelResolver.using(registry), scope::calls);
        ChatModel model = scope.own(resolver.chatModel(spec));
        return new LlmAgentProvider(resolver).create(new AgentContext(profile.id(),
                JacksonSettings.of(settings, LLM_AGENT), Optional.of(model), scope.context()));
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
