package dev.polis.core.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import dev.polis.core.config.AgentConfig;
import dev.polis.core.config.EnvironmentConfig;
import dev.polis.core.config.ModelConfig;
import dev.polis.core.config.PipelineConfig;
import dev.polis.core.config.RunConfig;
import dev.polis.core.config.RuntimeConfig;

/**
 * Assembles a pipeline in code, the fluent counterpart of a pipeline file.
 *
 * <pre>{@code
 * RunResult result = polis.pipeline()
 *         .environment("example.commons", Map.of("capacity", 100))
 *         .agent("a1", "example.fixed", Map.of("amount", 5))
 *         .agent("a2", "govsim.llm", "openai:http://127.0.0.1:11434/v1#qwen2.5:7b", Map.of())
 *         .seed(42).steps(12)
 *         .run();
 * }</pre>
 */
public final class PipelineBuilder {

    private final Function<PipelineConfig, RunResult> runner;
    private final List<AgentConfig> agents = new ArrayList<>();
    private EnvironmentConfig environment;
    private String runId;
    private Long seed;
    private Integer steps;
    private String output;
    private RuntimeConfig runtime = RuntimeConfig.unset();

    /** Creates a builder whose {@link #run()} hands the configuration to {@code runner}. */
    public PipelineBuilder(Function<PipelineConfig, RunResult> runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Sets the environment by provider id, with its settings. */
    public PipelineBuilder environment(String id, Map<String, ?> settings) {
        environment = new EnvironmentConfig(id, copy(settings));
        return this;
    }

    /** Adds an agent created by provider {@code provider}, with its settings and no chat model. */
    public PipelineBuilder agent(String id, String provider, Map<String, ?> settings) {
        agents.add(new AgentConfig(id, provider, null, copy(settings)));
        return this;
    }

    /** Adds an agent created by provider {@code provider} with the chat model named by {@code modelSpec}. */
    public PipelineBuilder agent(String id, String provider, String modelSpec, Map<String, ?> settings) {
        agents.add(new AgentConfig(id, provider, ModelConfig.of(modelSpec), copy(settings)));
        return this;
    }

    /** Sets the seed every random choice derives from (default 0). */
    public PipelineBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** Sets the most environment steps (default 100). */
    public PipelineBuilder steps(int value) {
        steps = value;
        return this;
    }

    /** Sets the folder run folders are created in (default {@code runs}). */
    public PipelineBuilder output(Path folder) {
        output = folder.toString();
        return this;
    }

    /** Sets the run id, which names the run folder (default: timestamp and a short random part). */
    public PipelineBuilder runId(String id) {
        runId = id;
        return this;
    }

    /** Sets device, decoder and accelerators (operator overrides still apply). */
    public PipelineBuilder runtime(RuntimeConfig value) {
        runtime = Objects.requireNonNull(value, "runtime");
        return this;
    }

    /** Returns the configuration assembled so far. */
    public PipelineConfig build() {
        return new PipelineConfig(new RunConfig(runId, seed, steps, output), environment, agents, runtime);
    }

    /** Builds the configuration and runs it. */
    public RunResult run() {
        return runner.apply(build());
    }

    private static Map<String, Object> copy(Map<String, ?> settings) {
        return settings == null ? Map.of() : new LinkedHashMap<>(settings);
    }
}
