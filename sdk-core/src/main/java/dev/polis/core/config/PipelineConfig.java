package dev.polis.core.config;

import java.util.List;

/**
 * Describes one pipeline: how to run it, the environment, the agents, and the operator's runtime choices.
 *
 * <pre>{@code
 * run: {seed: 42, steps: 12, output: runs}
 * environment: {id: example.commons, settings: {capacity: 100}}
 * agents:
 *   - {id: a1, provider: example.fixed, settings: {amount: 5}}
 *   - {id: a2, provider: govsim.llm, model: "openai:http://127.0.0.1:11434/v1#qwen2.5:7b"}
 * runtime: {device: cpu}
 * }</pre>
 *
 * @param run         run identity and limits; defaults when absent
 * @param environment the environment to create; required
 * @param agents      the agents, in order; at least one
 * @param runtime     device, decoder and accelerators, which environment variables may override
 */
public record PipelineConfig(RunConfig run, EnvironmentConfig environment, List<AgentConfig> agents,
                             RuntimeConfig runtime) {

    /** Fills in defaults and copies the list. */
    public PipelineConfig {
        run = run == null ? RunConfig.defaults() : run;
        agents = agents == null ? List.of() : List.copyOf(agents);
        runtime = runtime == null ? RuntimeConfig.unset() : runtime;
    }

    /** Returns a copy with another run block. */
    public PipelineConfig withRun(RunConfig newRun) {
        return new PipelineConfig(newRun, environment, agents, runtime);
    }

    /** Returns a copy with another runtime block. */
    public PipelineConfig withRuntime(RuntimeConfig newRuntime) {
        return new PipelineConfig(run, environment, agents, newRuntime);
    }
}
