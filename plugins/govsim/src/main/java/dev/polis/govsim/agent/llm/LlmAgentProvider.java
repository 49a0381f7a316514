package dev.polis.govsim.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.guard.Guard;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.govsim.agent.llm.guard.AgentGuards;
import dev.polis.govsim.agent.llm.guard.GuardedAgentModel;
import dev.polis.api.run.RunContext;
import dev.polis.govsim.agent.llm.prompt.PromptLibrary;
import dev.polis.govsim.agent.llm.retrieval.EmbeddingRelevance;
import dev.polis.govsim.agent.llm.retrieval.Relevance;
import dev.polis.govsim.agent.llm.retrieval.Retriever;
import dev.polis.govsim.agent.llm.retrieval.RetrievalWeights;
import dev.polis.govsim.agent.llm.retrieval.TfIdfRelevance;
import org.pf4j.Extension;

/**
 * Creates GovSim's LLM generative agents ({@value #ID}) from an agent's model and settings.
 *
 * <p>The agent's own model ({@link AgentContext#model()}) is required. Its settings may name a separate
 * framework model and an embedding model by spec; the host's {@link Models} creates them for the agent's run, so
 * the operator's inference choices apply to them and their calls are recorded in the run's {@code calls.jsonl}.
 */
@Extension
public final class LlmAgentProvider implements AgentProvider {

    /** The provider's id. */
    public static final String ID = "govsim.llm";

    private final ModelResolver resolver;
    private final Extensions extensions;

    /** Creates the provider over the host's models alone (no guard providers: a {@code guards} setting fails). */
    public LlmAgentProvider(Models models) {
        this(ModelResolver.using(models));
    }

    /** Creates the provider over the host's models and extensions (the guards a {@code guards} setting names). */
    @Inject
    public LlmAgentProvider(Models models, Extensions extensions) {
        this(ModelResolver.using(models), extensions);
    }

    /** Creates the provider over any resolver, for tests and embedding. */
    public LlmAgentProvider(ModelResolver resolver) {
        this(resolver, null);
    }

    /** Creates the provider over any resolver and the extensions that hold guard providers ({@code null}: none). */
    public LlmAgentProvider(ModelResolver resolver, Extensions extensions) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.extensions = extensions;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GovSim LLM generative agent: memory, retrieval, reflection and group chat on a chat model";
    }

    @Override
    public LlmGovSimAgent create(AgentContext context) {
        ChatModel given = context.model().orElseThrow(() -> new InvalidInputException("agent '" + context.agentId()
                + "' uses " + ID + ", which needs a chat model: give the agent a model (agents[].model, or "
                + "--model on the command line)"));
        LlmAgentSettings settings = LlmAgentSettings.from(context.settings());
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            // other agents' words pass the configured guard before any prompt reaches a model (guard/)
            Guard guard = context.settings().get("guards").map(b -> AgentGuards.open(b, extensions, context.run()))
                    .orElse(null);
            if (guard != null) {
                owned.add(guard);
            }
            ChatModel model = guard == null ? given : new GuardedAgentModel(given, guard);
            ChatModel framework = settings.frameworkModel().map(spec -> {
                ChatModel created = resolver.chatModel(spec, context.run());
                owned.add(created);
                return guard == null ? created : new GuardedAgentModel(created, guard);
            }).orElse(model);
            Relevance relevance = relevance(settings, context.agentId(), context.run(), owned);
            PromptLibrary library = settings.prompts().map(PromptLibrary::withOverrides).orElseGet(PromptLibrary::builtIn);
            Retriever retriever = new Retriever(RetrievalWeights.ORIGINAL.withOrder(settings.recency()), relevance);
            GenerationSettings generation = GenerationSettings.DEFAULTS.withTemperature(settings.temperature())
                    .withTopP(1.0).withMaxTokens(settings.maxTokens()).withSeed(context.run().seed());
            return new LlmGovSimAgent(context.agentId(), model, framework, settings, library, retriever, generation,
                    context.run().events(), owned);
        } catch (RuntimeException e) {
            owned.forEach(LlmAgentProvider::closeQuietly);
            throw e;
        }
    }

    private Relevance relevance(LlmAgentSettings settings, String agentId, RunContext run, List<AutoCloseable> owned) {
        if (settings.lexical()) {
            return new TfIdfRelevance();
        }
        EmbeddingModel embedder = resolver.embeddingModel(settings.embedder(), run);
        owned.add(embedder);
        return new EmbeddingRelevance(embedder, Map.of("agent", agentId, "phase", "retrieval"));
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the creation error is the one worth reporting
        }
    }
}
