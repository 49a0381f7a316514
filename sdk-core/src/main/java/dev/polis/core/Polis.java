package dev.polis.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.host.Models;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.config.PipelineConfig;
import dev.polis.core.config.PipelineConfigLoader;
import dev.polis.core.config.ResolvedPipeline;
import dev.polis.core.host.HostServicesModule;
import dev.polis.core.pipeline.EpisodeRunner;
import dev.polis.core.pipeline.PipelineBuilder;
import dev.polis.core.pipeline.RunResult;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import dev.polis.core.plugin.PolisVersion;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.core.run.RecordingOptions;

/**
 * The entry point for code: opens the plugins, hands out extensions and chat models, and runs pipelines
 * from files or from code, recording each run in its folder.
 *
 * <pre>{@code
 * try (Polis polis = Polis.open()) {
 *     RunResult fromFile = polis.run(Path.of("pipeline.yaml"));
 *
 *     RunResult fromCode = polis.pipeline()
 *             .environment("example.commons", Map.of("capacity", 100, "regrowth", 0.25))
 *             .agent("a1", "example.fixed", Map.of("amount", 5))
 *             .agent("a2", "example.fair-share", Map.of())
 *             .seed(42).steps(12)
 *             .run();
 *     System.out.println(fromCode.metrics());
 * }
 * }</pre>
 *
 * <p>{@link #open()} loads plugins from the folder named by {@code POLIS_PLUGINS_DIR}, else from
 * {@code ./plugins} when it exists, plus extensions on the class path; {@link #builder()} chooses otherwise.
 * Environment variables feed {@code ${NAME}} substitution, and {@code POLIS_DEVICE}, {@code POLIS_DECODER} and
 * {@code POLIS_ACCELERATORS} override a pipeline's {@code runtime} block.
 */
public final class Polis implements AutoCloseable {

    private final PluginHost host;
    private final ExtensionRegistry registry;
    private final Models models;
    private final PipelineConfigLoader loader;
    private final EpisodeRunner runner;

    Polis(List<Path> pluginDirs, boolean classpathExtensions, Map<String, String> environment,
          Map<String, String> systemProperties, RecordingOptions recording) {
        OperatorOverrides overrides = new OperatorOverrides(environment, systemProperties);
        this.host = PluginHost.start(new HostOptions(pluginDirs, classpathExtensions, PolisVersion.current()),
                new HostServicesModule(overrides, environment, recording.progress()));
        this.registry = host.injector().getInstance(ExtensionRegistry.class);
        this.models = host.injector().getInstance(Models.class);
        this.loader = new PipelineConfigLoader(overrides);
        this.runner = new EpisodeRunner(registry, models, recording);
    }

    /** Opens Polis with the default plugin folders and class-path extensions. */
    public static Polis open() {
        return builder().build();
    }

    /** Returns a builder to choose plugin folders, environment and recording. */
    public static PolisBuilder builder() {
        return new PolisBuilder();
    }

    /** Returns the plugin host, for reports on loaded and failed plugins. */
    public PluginHost host() {
        return host;
    }

    /** Returns the registry of every loaded extension. */
    public ExtensionRegistry extensions() {
        return registry;
    }

    /** Returns the loader that reads and resolves pipeline configurations with this instance's environment. */
    public PipelineConfigLoader configurations() {
        return loader;
    }

    /**
     * Creates the chat model a spec names ({@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b}); the caller closes it.
     *
     * @throws dev.polis.api.InvalidInputException when the spec is malformed or its provider unknown
     */
    public ChatModel chatModel(String spec) {
        return models.chat(spec);
    }

    /**
     * Returns the one road from a model spec to a model: operator overrides applied, calls of a run recorded.
     * Plugins get the same service by injection.
     */
    public Models models() {
        return models;
    }

    /** Runs a pipeline configured in code, after applying operator overrides and validating it. */
    public RunResult run(PipelineConfig config) {
        return runner.run(loader.resolve(config));
    }

    /** Reads, resolves and runs a pipeline file ({@code .yaml}, {@code .yml} or {@code .json}). */
    public RunResult run(Path configFile) {
        return runner.run(loader.load(configFile));
    }

    /** Runs a pipeline already read and resolved (through {@link #configurations()}). */
    public RunResult run(ResolvedPipeline pipeline) {
        return runner.run(pipeline);
    }

    /** Runs the embedded default pipeline, the one {@code polis run} uses when given no file. */
    public RunResult runDefault() {
        return runner.run(loader.loadDefault());
    }

    /** Returns a fluent builder for a pipeline in code; its {@code run()} runs it here. */
    public PipelineBuilder pipeline() {
        return new PipelineBuilder(this::run);
    }

    /** Stops every plugin. */
    @Override
    public void close() {
        host.close();
    }
}
