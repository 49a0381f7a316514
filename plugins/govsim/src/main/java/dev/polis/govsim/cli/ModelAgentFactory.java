package dev.polis.govsim.cli;

import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.SettingsFactory;
import dev.polis.govsim.agent.llm.LlmAgentProvider;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.sweep.AgentFactory;
import dev.polis.govsim.sweep.RunScope;
import dev.polis.govsim.sweep.SeatSpec;
import dev.polis.govsim.sweep.RunSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates society members through the registry, every one the same way: the {@link AgentProvider} its
 * {@link SeatSpec} names ({@code govsim.llm} for {@code llm:<model spec>}, with its own model instance made by the
 * host's {@link Models}; {@code <id>} for {@code agent:<id>}, a third-party plugin's too;
 * {@code govsim.policy.<kind>} for a reference policy) creates it from the member's settings block.
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

    /**
     * Seats {@code member} through the registry: the {@link AgentProvider} its {@link SeatSpec} names creates it, with
     * the member's settings block, its own model when it has one, and the run's context.
     */
    @Override
    public Agent create(String member, Map<String, Object> memberSettings, AgentProfile profile, RunScope scope) {
        SeatSpec seat = SeatSpec.of(member, memberSettings);
        AgentProvider provider = extensions.get(AgentProvider.class, seat.provider());
        Optional<ChatModel> model = seat.modelSpec()
                .map(spec -> scope.own(models.chat(ModelRequest.of(spec).inRun(scope.context()))));
        return provider.create(new AgentContext(profile.id(), settings.of(seat.settings(), seat.provider()), model,
                scope.context()));
    }
}
