package dev.polis.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import dev.polis.api.PolisException;
import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentContext;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.api.run.RunContext;
import dev.polis.core.config.AgentConfig;
import dev.polis.core.config.ConfigException;
import dev.polis.core.config.EnvironmentConfig;
import dev.polis.core.config.ResolvedPipeline;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;

/**
 * Creates a run's environment, chat models and agents through their providers, registering each with a
 * {@link Closer} as soon as it exists; errors about the configuration name the path they come from.
 */
final class SocietyAssembler {

    private final Extensions registry;
    private final Models models;

    SocietyAssembler(Extensions registry, Models models) {
        this.registry = registry;
        this.models = models;
    }

    Society assemble(ResolvedPipeline pipeline, RunContext run, Closer closer) {
        List<AgentConfig> agentConfigs = pipeline.config().agents();
        List<String> agentIds = agentConfigs.stream().map(AgentConfig::id).toList();
        EnvironmentConfig environmentConfig = pipeline.config().environment();
        EnvironmentProvider environmentProvider = located(pipeline, "environment.id",
                () -> registry.get(EnvironmentProvider.class, environmentConfig.id()));
        EnvironmentContext context = new EnvironmentContext(
                pipeline.settings(environmentConfig.settings(), "environment.settings"), agentIds, run);
        Environment environment = closer.register("environment " + environmentConfig.id(),
                notNull("environment.id", located(pipeline, "environment", () -> environmentProvider.create(context))));
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (int i = 0; i < agentConfigs.size(); i++) {
            agents.put(agentConfigs.get(i).id(), createAgent(pipeline, i, run, closer));
        }
        return new Society(environment, agents);
    }

    private Agent createAgent(ResolvedPipeline pipeline, int index, RunContext run, Closer closer) {
        AgentConfig config = pipeline.config().agents().get(index);
        String path = "agents[" + index + "]";
        Optional<ChatModel> model = Optional.empty();
        if (config.model() != null) {
            ModelSpec spec = config.model().toModelSpec();
            ModelRequest request = new ModelRequest(spec, pipeline.config().runtime().toInferenceOptions(), run);
            ChatModel created = located(pipeline, path + ".model", () -> models.chat(request));
            model = Optional.of(closer.register("model " + spec + " of agent " + config.id(), created));
        }
        AgentProvider provider = located(pipeline, path + ".provider",
                () -> registry.get(AgentProvider.class, config.provider()));
        AgentContext context = new AgentContext(config.id(), pipeline.settings(config.settings(), path + ".settings"),
                model, run);
        Agent agent = located(pipeline, path, () -> provider.create(context));
        return closer.register("agent " + config.id(), notNull(path + ".provider", agent));
    }

    /** Runs {@code action}, locating a plugin's input error at {@code path} unless it already names a place. */
    private static <T> T located(ResolvedPipeline pipeline, String path, Supplier<T> action) {
        try {
            return action.get();
        } catch (ConfigException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw pipeline.error(path, e.getMessage(), e);
        }
    }

    private static <T> T notNull(String path, T created) {
        if (created == null) {
            throw new PolisException("the provider named at " + path + " created nothing (returned null); "
                    + "this is a bug in its plugin");
        }
        return created;
    }
}
