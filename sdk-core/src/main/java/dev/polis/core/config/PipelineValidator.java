package dev.polis.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.polis.api.InvalidInputException;

/**
 * Checks a pipeline configuration before anything is created, naming the path of the first problem and what
 * would be right.
 */
public final class PipelineValidator {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private PipelineValidator() {
    }

    /**
     * Checks {@code pipeline}.
     *
     * @throws ConfigException located in the source when there is one
     */
    public static void validate(ResolvedPipeline pipeline) {
        PipelineConfig config = pipeline.config();
        RunConfig run = config.run();
        if (run.steps() < 1) {
            throw pipeline.error("run.steps", "must be at least 1 but is " + run.steps());
        }
        if (run.id() != null && !RUN_ID.matcher(run.id()).matches()) {
            throw pipeline.error("run.id", "'" + run.id() + "' cannot name a folder; use letters, digits, '.', '_' "
                    + "and '-', starting with a letter or digit");
        }
        if (config.environment() == null) {
            throw pipeline.error("environment", "missing; name the environment, for example "
                    + "environment: {id: example.commons}");
        }
        if (blank(config.environment().id())) {
            throw pipeline.error("environment.id", "missing; write the id of an environment provider, for example "
                    + "example.commons (polis plugins lists them)");
        }
        validateAgents(pipeline, config.agents());
    }

    private static void validateAgents(ResolvedPipeline pipeline, List<AgentConfig> agents) {
        if (agents.isEmpty()) {
            throw pipeline.error("agents", "no agents configured; add at least one, for example "
                    + "agents: [{id: a1, provider: example.fixed}]");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            AgentConfig agent = agents.get(i);
            String path = FieldPaths.index("agents", i);
            if (agent == null) {
                throw pipeline.error(path, "empty; write an agent block with id and provider");
            }
            if (blank(agent.id())) {
                throw pipeline.error(path + ".id", "missing; give every agent an id, for example a" + (i + 1));
            }
            Integer earlier = seen.putIfAbsent(agent.id(), i);
            if (earlier != null) {
                throw pipeline.error(path + ".id", "duplicate agent id '" + agent.id() + "' (also agents[" + earlier
                        + "]); agent ids must be unique");
            }
            if (blank(agent.provider())) {
                throw pipeline.error(path + ".provider", "missing; write the id of an agent provider, for example "
                        + "example.fixed (polis plugins lists them)");
            }
            if (agent.model() != null) {
                try {
                    agent.model().toModelSpec();
                } catch (InvalidInputException e) {
                    throw pipeline.error(path + ".model", e.getMessage(), e);
                }
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
